import Foundation
import GRDB
import Vietnamese

package struct HouseholdListItem: Sendable {
    package let household: Household
    package let villageName: String?
    package let headName: String?
    package let memberCount: Int
}

package enum HouseholdStore {
    package static func list(_ db: Database, villageId: Int64?, for principal: Principal, page: Int = 1, perPage: Int = 50) throws -> Page<HouseholdListItem> {
        var filter = SQLFilter()
        if let villageId { filter.add("h.villageId = ?", [villageId]) }
        if case .units(let ids) = principal.readScope { filter.add("h.villageId IN (\(SQLList.ids(ids)))") }
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM household h\(filter.whereClause)", arguments: filter.arguments) ?? 0
        let rows = try Row.fetchAll(db, sql: """
            SELECT h.*, u.name AS villageName, head.fullName AS headName,
                   (SELECT count(*) FROM person m WHERE m.householdId = h.id) AS memberCount
            FROM household h LEFT JOIN unit u ON u.id = h.villageId LEFT JOIN person head ON head.id = h.headId
            \(filter.whereClause) ORDER BY h.sortKey LIMIT ? OFFSET ?
            """, arguments: filter.arguments + [perPage, (max(1, page) - 1) * perPage])
        let items = try rows.map {
            HouseholdListItem(household: try Household(row: $0), villageName: $0["villageName"], headName: $0["headName"],
                              memberCount: $0["memberCount"])
        }
        return Page(items: items, total: total, page: max(1, page), perPage: perPage)
    }

    /// Every household the principal may read (for the list's spreadsheet), in the list's order.
    package static func all(_ db: Database, villageId: Int64?, for principal: Principal) throws -> [HouseholdListItem] {
        try list(db, villageId: villageId, for: principal, page: 1, perPage: Int(Int32.max)).items
    }

    package static func get(_ db: Database, id: Int64, for principal: Principal) throws -> Household {
        guard let household = try Household.fetchOne(db, key: id) else { throw DomainError.notFound("hộ gia đình", english: "Household") }
        guard principal.canRead(unitId: household.villageId) else { throw DomainError.outsideScope }
        return household
    }

    package static func members(_ db: Database, householdId: Int64) throws -> [Person] {
        try Person.filter(Person.Columns.householdId == householdId).order(Person.Columns.sortKey).fetchAll(db)
    }

    /// Creates a household around its head: the head joins it with the relation "Chủ hộ".
    package static func create(_ db: Database, headId: Int64, address: String?, by principal: Principal, now: Date = Date()) throws -> Household {
        var head = try PersonStore.get(db, id: headId, for: principal)
        try principal.require(principal.canWrite(unitId: head.villageId))
        var household = Household(name: "Hộ \(head.fullName)", villageId: head.villageId, headId: headId,
                                  address: address.nonEmpty, now: now)
        try household.insert(db)
        let before = head
        head.householdId = household.id
        head.relationToHead = "Chủ hộ"
        head.updatedAt = now
        try head.update(db)
        try Audit.record(db, by: principal, .create, entity: "household", id: household.id, after: household, at: now)
        try Audit.record(db, by: principal, .update, entity: "person", id: headId, before: before, after: head, at: now)
        return household
    }

    /// Adds a person of the same village to a household.
    package static func addMember(_ db: Database, householdId: Int64, personId: Int64, relation: String,
                                 by principal: Principal, now: Date = Date()) throws {
        let household = try get(db, id: householdId, for: principal)
        var person = try PersonStore.get(db, id: personId, for: principal)
        try principal.require(principal.canWrite(unitId: household.villageId) && principal.canWrite(unitId: person.villageId))
        let before = person
        person.householdId = householdId
        person.relationToHead = VietnameseText.clean(relation).isEmpty ? nil : VietnameseText.clean(relation)
        person.updatedAt = now
        try person.update(db)
        try Audit.record(db, by: principal, .update, entity: "person", id: personId, before: before, after: person, at: now)
    }
}
