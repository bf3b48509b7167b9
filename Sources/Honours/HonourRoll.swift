import Foundation
import GRDB
import Store
import Vietnamese

/// Honours in force: recipients of issued decisions that no issued decision has since amended or revoked. The roll
/// shows names, village or unit, the form and the achievement — never a phone or a birth date.
package enum HonourRoll {
    package struct Entry: Sendable, Equatable {
        package let nominationId: Int64
        package let year: Int
        package let recipientKind: RecipientKind
        package let name: String
        package let place: String
        package let formKey: String
        package let formName: String
        package let achievement: String
        package let award: Int64
        package let decisionId: Int64
        package let decisionNumber: String
        package let decisionDate: CivilDate
        package let gender: Gender?
        package let personId: Int64?
        package let householdId: Int64?
        package let unitId: Int64?
        package let clubId: Int64?
    }

    static let inForce = """
        SELECT n.*, d.number AS decisionNumber, d.date AS decisionDate FROM nomination n JOIN decision d ON d.id = n.decisionId
        WHERE d.status = 'issued' AND NOT EXISTS (SELECT 1 FROM decision c WHERE c.correctsId = d.id AND c.status = 'issued')
        """

    package struct Filter: Sendable {
        package var year: Int?
        package var personId: Int64?
        package var householdId: Int64?
        package var unitId: Int64?
        package init(year: Int? = nil, personId: Int64? = nil, householdId: Int64? = nil, unitId: Int64? = nil) {
            self.year = year; self.personId = personId; self.householdId = householdId; self.unitId = unitId
        }
    }

    package static func entries(_ db: Database, _ filter: Filter = Filter(), forms: HonourForms) throws -> [Entry] {
        var sql = inForce
        var arguments: StatementArguments = []
        if let year = filter.year { sql += " AND n.year = ?"; arguments += [year] }
        if let personId = filter.personId { sql += " AND n.personId = ?"; arguments += [personId] }
        if let householdId = filter.householdId { sql += " AND n.householdId = ?"; arguments += [householdId] }
        // A unit's honours: the unit itself and the clubs it hosts.
        if let unitId = filter.unitId { sql += " AND (n.unitId = ? OR n.clubId IN (SELECT id FROM club WHERE unitId = ?))"; arguments += [unitId, unitId] }
        return try Row.fetchAll(db, sql: sql + " ORDER BY n.year DESC, d.date, n.id", arguments: arguments).map { row in
            let nomination = try Nomination(row: row)
            let recipient = try NominationStore.recipient(db, kind: nomination.recipientKind, id: NominationStore.recipientId(nomination))
            return Entry(nominationId: nomination.id!, year: nomination.year, recipientKind: nomination.recipientKind, name: recipient?.name ?? "",
                         place: recipient?.place ?? "", formKey: nomination.formKey, formName: forms.form(nomination.formKey)?.name ?? nomination.formKey,
                         achievement: nomination.achievement, award: nomination.award, decisionId: nomination.decisionId!,
                         decisionNumber: row["decisionNumber"], decisionDate: CivilDate(parsing: row["decisionDate"])!,
                         gender: recipient?.gender, personId: nomination.personId, householdId: nomination.householdId,
                         unitId: nomination.unitId, clubId: nomination.clubId)
        }
        .sorted {
            ($0.formName, $0.recipientKind.isCollective ? 1 : 0, NameSortKey.make($0.name))
                < ($1.formName, $1.recipientKind.isCollective ? 1 : 0, NameSortKey.make($1.name))
        }
    }

    package struct Counts: Sendable, Equatable {
        package let total: Int
        package let byForm: [String: Int]
        package let individuals: Int
        package let collectives: Int
        package let women: Int
        package let men: Int
        package let award: Int64
    }

    /// Counts by form, individual against collective, and individuals by gender.
    package static func counts(_ entries: [Entry]) -> Counts {
        Counts(total: entries.count, byForm: Dictionary(grouping: entries, by: \.formName).mapValues(\.count),
               individuals: entries.filter { !$0.recipientKind.isCollective }.count, collectives: entries.filter { $0.recipientKind.isCollective }.count,
               women: entries.filter { $0.gender == .female }.count, men: entries.filter { $0.gender == .male }.count,
               award: entries.reduce(0) { $0 + $1.award })
    }

    /// People honoured (individually) in a year: the `honoured` audience of message exports.
    package static func honouredPeopleSQL(year: Int?) -> (String, StatementArguments) {
        ("SELECT personId FROM (\(inForce)) WHERE personId IS NOT NULL\(year == nil ? "" : " AND year = ?")", year.map { [$0] } ?? [])
    }
}

/// Clans (dòng họ) and the register of good models (mô hình tốt, cách làm hay).
package enum HonoursRegister {
    package static func clans(_ db: Database) throws -> [Clan] { try Clan.order(Column("sortKey")).fetchAll(db) }

    package static func addClan(_ db: Database, name: String, villageId: Int64?, notes: String?, by principal: Principal, now: Date = Date()) throws -> Clan {
        try principal.require(principal.canWrite(unitId: villageId) || principal.canWriteCommuneWide)
        let name = VietnameseText.clean(name)
        guard !name.isEmpty else { throw DomainError.invalid(["name": "Ghi tên dòng họ"]) }
        var clan = Clan(id: nil, name: name, sortKey: NameSortKey.label(name), villageId: villageId, notes: VietnameseText.cleanOrNil(notes), createdAt: now)
        try clan.insert(db)
        try Audit.record(db, by: principal, .create, entity: "clan", id: clan.id, after: clan, at: now)
        return clan
    }

    package static func goodModels(_ db: Database, year: Int? = nil) throws -> [(GoodModel, String)] {
        var request = GoodModel.all()
        if let year { request = request.filter(Column("year") == year) }
        return try request.order(Column("year").desc, Column("title")).fetchAll(db).map {
            ($0, try String.fetchOne(db, sql: "SELECT name FROM unit WHERE id = ?", arguments: [$0.unitId]) ?? "")
        }
    }

    package static func addGoodModel(_ db: Database, title: String, unitId: Int64?, year: Int?, description: String, replicatedWhere: String?,
                                    by principal: Principal, now: Date = Date()) throws -> GoodModel {
        var errors: [String: String] = [:]
        if VietnameseText.clean(title).isEmpty { errors["title"] = "Ghi tên mô hình" }
        if unitId == nil { errors["unitId"] = "Chọn đơn vị" }
        if !(2000...2100).contains(year ?? 0) { errors["year"] = "Năm từ 2000 đến 2100" }
        if VietnameseText.clean(description).count < 10 { errors["description"] = "Mô tả cách làm (ít nhất một câu)" }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        try principal.require(principal.canWrite(unitId: unitId))
        var model = GoodModel(id: nil, title: VietnameseText.clean(title), unitId: unitId!, year: year!, description: VietnameseText.clean(description),
                              replicatedWhere: VietnameseText.cleanOrNil(replicatedWhere), createdAt: now)
        try model.insert(db)
        try Audit.record(db, by: principal, .create, entity: "goodModel", id: model.id, after: model, at: now)
        return model
    }
}
