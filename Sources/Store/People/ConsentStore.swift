import Foundation
import GRDB
import Vietnamese

package enum ConsentStore {
    /// A consent with whom it belongs to, for the register of consents.
    package struct RegisterLine: Sendable {
        package let consent: Consent
        package let fullName: String
        package let village: String?
    }

    /// The register of consents the principal may read (given and withdrawn, for proof): by person in given-name
    /// order, then channel; one channel or all, one village or all.
    package static func register(_ db: Database, channel: ConsentChannel? = nil, villageId: Int64? = nil, for principal: Principal) throws -> [RegisterLine] {
        var filter = SQLFilter()
        if let channel { filter.add("c.channel = ?", [channel.rawValue]) }
        if let villageId { filter.add("p.villageId = ?", [villageId]) }
        if case .units(let ids) = principal.readScope { filter.add("p.villageId IN (\(SQLList.ids(ids)))") }
        return try Row.fetchAll(db, sql: """
            SELECT c.*, p.fullName, u.name AS village FROM consent c JOIN person p ON p.id = c.personId LEFT JOIN unit u ON u.id = p.villageId
            \(filter.whereClause) ORDER BY p.sortKey, p.id, c.channel, c.givenOn
            """, arguments: filter.arguments).map { RegisterLine(consent: try Consent(row: $0), fullName: $0["fullName"], village: $0["village"]) }
    }

    package static func consents(_ db: Database, personId: Int64) throws -> [Consent] {
        try Consent.filter(Column("personId") == personId).order(Column("givenOn").desc, Column("id").desc).fetchAll(db)
    }

    /// Whether the person may be contacted on the channel today.
    package static func hasActiveConsent(_ db: Database, personId: Int64, channel: ConsentChannel) throws -> Bool {
        try Consent.filter(Column("personId") == personId && Column("channel") == channel.rawValue && Column("withdrawnOn") == nil)
            .fetchCount(db) > 0
    }

    /// Records a consent. A child (under 16 in the given year) needs a guardian's name (NĐ 13/2023, art. 20).
    package static func give(_ db: Database, _ consent: Consent, by principal: Principal, now: Date = Date()) throws -> Consent {
        let person = try PersonStore.get(db, id: consent.personId, for: principal)
        try principal.require(principal.canWrite(unitId: person.villageId))
        if let age = person.age(in: consent.givenOn.year), age < 16, (consent.guardianName ?? "").isEmpty {
            throw DomainError.invalid(["guardianName": "Người dưới 16 tuổi cần có tên cha, mẹ hoặc người giám hộ đồng ý"])
        }
        if try hasActiveConsent(db, personId: consent.personId, channel: consent.channel) {
            throw DomainError(.conflict, "Người này đã đồng ý nhận tin qua kênh này", english: "Consent already recorded for this channel")
        }
        var consent = consent
        try consent.insert(db)
        try Audit.record(db, by: principal, .create, entity: "consent", id: consent.id, after: consent, at: now)
        return consent
    }

    /// Withdrawal takes effect at once: the person is excluded from every export from now on.
    package static func withdraw(_ db: Database, consentId: Int64, on date: CivilDate, by principal: Principal, now: Date = Date()) throws {
        guard var consent = try Consent.fetchOne(db, key: consentId) else {
            throw DomainError.notFound("bản đồng ý", english: "Consent")
        }
        let person = try PersonStore.get(db, id: consent.personId, for: principal)
        try principal.require(principal.canWrite(unitId: person.villageId))
        guard consent.withdrawnOn == nil else { return }
        let before = consent
        consent.withdrawnOn = date
        try consent.update(db)
        try Audit.record(db, by: principal, .update, entity: "consent", id: consentId, before: before, after: consent, at: now)
    }

    package static func activeCount(_ db: Database, channel: ConsentChannel) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(DISTINCT personId) FROM consent WHERE channel = ? AND withdrawnOn IS NULL",
                         arguments: [channel.rawValue]) ?? 0
    }
}

extension ConsentStore {
    /// A consent by id, only when it is this person's (a withdrawal link names both).
    package static func find(_ db: Database, id: Int64, personId: Int64) throws -> Consent? {
        try Consent.fetchOne(db, key: id).flatMap { $0.personId == personId ? $0 : nil }
    }
}
