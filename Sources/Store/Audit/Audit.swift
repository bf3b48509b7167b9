import Foundation
import GRDB

/// One line of the audit trail: who did what to which record, with the record before and after as JSON.
package struct AuditEntry: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "auditEntry"
    package var id: Int64?
    package var at: Date
    package var accountId: Int64?
    package var actor: String
    package var action: String
    package var entity: String
    package var entityId: String?
    package var before: String?
    package var after: String?

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package enum AuditAction: String, Sendable {
    case create, update, delete, void, login, logout, export, `import`, backup
    case loginFailed = "login_failed"
}

package enum Audit {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// Records an entry in the caller's transaction, so the change and its trail commit together.
    package static func record(_ db: Database, by principal: Principal, _ action: AuditAction, entity: String,
                              id: Int64?, before: (any Encodable)? = nil, after: (any Encodable)? = nil,
                              at: Date = Date()) throws {
        var entry = AuditEntry(at: at, accountId: principal.accountId, actor: principal.login, action: action.rawValue,
                               entity: entity, entityId: id.map(String.init), before: try before.map(json),
                               after: try after.map(json))
        try entry.insert(db)
    }

    static func json(_ value: any Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    package struct Filter: Sendable {
        package var entity: String?
        package var accountId: Int64?
        package var actor: String?
        package var page: Int
        package var perPage: Int
        package init(entity: String? = nil, accountId: Int64? = nil, actor: String? = nil, page: Int = 1, perPage: Int = 50) {
            self.entity = entity; self.accountId = accountId; self.actor = actor; self.page = max(1, page); self.perPage = perPage
        }
    }

    package static func entries(_ db: Database, filter: Filter) throws -> Page<AuditEntry> {
        var request = AuditEntry.all()
        if let entity = filter.entity, !entity.isEmpty { request = request.filter(Column("entity") == entity) }
        if let accountId = filter.accountId { request = request.filter(Column("accountId") == accountId) }
        if let actor = filter.actor, !actor.isEmpty { request = request.filter(Column("actor") == actor) }
        let total = try request.fetchCount(db)
        let items = try request.order(Column("id").desc)
            .limit(filter.perPage, offset: (filter.page - 1) * filter.perPage).fetchAll(db)
        return Page(items: items, total: total, page: filter.page, perPage: filter.perPage)
    }

    /// Entities that appear in the trail, for the filter menu.
    package static func entityNames(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT entity FROM auditEntry ORDER BY entity")
    }
}

/// One page of a list.
package struct Page<Item: Sendable>: Sendable {
    package let items: [Item]
    package let total: Int
    package let page: Int
    package let perPage: Int
    /// True when `total` is a lower bound (a broad search stops counting early).
    package let totalIsLowerBound: Bool

    package init(items: [Item], total: Int, page: Int, perPage: Int, totalIsLowerBound: Bool = false) {
        self.items = items; self.total = total; self.page = page; self.perPage = perPage
        self.totalIsLowerBound = totalIsLowerBound
    }

    package var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
    package var hasNext: Bool { page < pageCount }
    package var hasPrevious: Bool { page > 1 }
}
