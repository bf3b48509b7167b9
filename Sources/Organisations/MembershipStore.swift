import Foundation
import GRDB
import Store
import Vietnamese

/// Memberships of the mass organisations. An organisation's editors manage its own members only; the commune's
/// roles manage all; everyone who may read the organisation reads its list.
package enum MembershipStore {
    /// The unit kinds that have members.
    package static let organisationKinds: [UnitKind] = [.fatherlandFront, .womensUnion, .youthUnion, .farmersAssociation, .veteransAssociation, .studyPromotion]

    package static func isOrganisation(_ unit: OrgUnit) -> Bool { organisationKinds.contains(unit.kind) }

    package struct Input: Sendable {
        package var personId: Int64
        package var branchId: Int64?
        package var role: OrgRole
        package var number: String?
        package var joinedOn: CivilDate
        package init(personId: Int64, branchId: Int64? = nil, role: OrgRole = .member, number: String? = nil, joinedOn: CivilDate) {
            self.personId = personId; self.branchId = branchId; self.role = role; self.number = number; self.joinedOn = joinedOn
        }
    }

    static func organisation(_ db: Database, id: Int64) throws -> OrgUnit {
        guard let unit = try OrgUnit.fetchOne(db, key: id), isOrganisation(unit) else {
            throw DomainError.notFound("tổ chức đoàn thể", english: "Organisation")
        }
        return unit
    }

    package static func add(_ db: Database, orgId: Int64, _ input: Input, by principal: Principal, now: Date = Date()) throws -> OrgMember {
        _ = try organisation(db, id: orgId)
        try principal.require(principal.canWrite(unitId: orgId))
        // Only residents the account may see: adding by id and reading the list back would reveal others.
        let person = try PersonStore.get(db, id: input.personId, for: principal)
        var errors: [String: String] = [:]
        if let branch = input.branchId, try OrgUnit.fetchOne(db, key: branch)?.kind != .village { errors["branchId"] = "Chi hội là một thôn trong xã" }
        let number = VietnameseText.cleanOrNil(input.number)
        if let number, number.count > 30 { errors["number"] = "Số thẻ hội viên dài quá 30 ký tự" }
        if try isCurrentMember(db, orgId: orgId, personId: person.id!) {
            errors["personId"] = "Người này đang là hội viên của tổ chức"
        }
        guard errors.isEmpty else { throw DomainError.invalid(errors) }
        var member = OrgMember(orgId: orgId, personId: person.id!, branchId: input.branchId ?? person.villageId, role: input.role, number: number,
                               joinedOn: input.joinedOn, leftOn: nil, createdAt: now, createdBy: principal.login)
        try member.insert(db)
        try Audit.record(db, by: principal, .create, entity: "orgMember", id: member.id, after: member, at: now)
        return member
    }

    /// Ends a membership on a day; the record stays, so the history shows who belonged when.
    package static func end(_ db: Database, memberId: Int64, on date: CivilDate, by principal: Principal, now: Date = Date()) throws {
        guard var member = try OrgMember.fetchOne(db, key: memberId) else { throw DomainError.notFound("hội viên", english: "Member") }
        try principal.require(principal.canWrite(unitId: member.orgId))
        guard member.leftOn == nil else { return }
        guard date >= member.joinedOn else { throw DomainError.invalid(["leftOn": "Ngày thôi không được trước ngày vào"]) }
        let before = member
        member.leftOn = date
        try member.update(db)
        try Audit.record(db, by: principal, .update, entity: "orgMember", id: memberId, before: before, after: member, at: now)
    }

    package struct Line: Sendable {
        package let member: OrgMember
        package let fullName: String
        package let village: String?
        package let branch: String?
    }

    /// The organisation's members by given name (former ones after, when asked), those the account may read.
    package static func members(_ db: Database, orgId: Int64, includeFormer: Bool = false, branchId: Int64? = nil, for principal: Principal) throws -> [Line] {
        _ = try organisation(db, id: orgId)
        guard principal.canRead(unitId: orgId) else { throw DomainError.outsideScope }
        var filter = SQLFilter()
        filter.add("m.orgId = ?", [orgId])
        if !includeFormer { filter.add("m.leftOn IS NULL") }
        if let branchId { filter.add("coalesce(m.branchId, p.villageId) = ?", [branchId]) }
        if case .units(let ids) = principal.readScope { filter.add("p.villageId IN (\(SQLList.ids(ids)))") }
        return try Row.fetchAll(db, sql: """
            SELECT m.*, p.fullName, v.name AS village, b.name AS branch FROM orgMember m JOIN person p ON p.id = m.personId
            LEFT JOIN unit v ON v.id = p.villageId LEFT JOIN unit b ON b.id = m.branchId
            \(filter.whereClause) ORDER BY m.leftOn IS NOT NULL, p.sortKey, p.id
            """, arguments: filter.arguments).map { Line(member: try OrgMember(row: $0), fullName: $0["fullName"], village: $0["village"], branch: $0["branch"]) }
    }

    /// Current members of one organisation (its unit page).
    package static func currentCount(_ db: Database, orgId: Int64) throws -> Int {
        try OrgMember.filter(Column("orgId") == orgId && Column("leftOn") == nil).fetchCount(db)
    }

    /// Whether the person belongs to the organisation now (one current membership each; former ones are history).
    package static func isCurrentMember(_ db: Database, orgId: Int64, personId: Int64) throws -> Bool {
        try OrgMember.filter(Column("orgId") == orgId && Column("personId") == personId && Column("leftOn") == nil).fetchCount(db) > 0
    }

    /// A person's organisations, current and former, for their page.
    package static func memberships(_ db: Database, personId: Int64) throws -> [(member: OrgMember, organisation: String)] {
        try Row.fetchAll(db, sql: """
            SELECT m.*, u.name AS organisation FROM orgMember m JOIN unit u ON u.id = m.orgId WHERE m.personId = ? ORDER BY m.leftOn IS NOT NULL, u.sortKey
            """, arguments: [personId]).map { (try OrgMember(row: $0), $0["organisation"]) }
    }
}

extension MembershipStore {
    /// The organisation a membership belongs to, or nil.
    package static func organisationId(_ db: Database, memberId: Int64) throws -> Int64? {
        try OrgMember.fetchOne(db, key: memberId)?.orgId
    }
}
