import GRDB

extension Audit {
    /// Names of the records a page of entries speaks of, for the tables the store owns (people, units, accounts,
    /// households), keyed "entity#id": the trail reads "Người dân Nguyễn Văn An", not "person #1834".
    package static func recordNames(_ db: Database, for entries: [AuditEntry]) throws -> [String: String] {
        let tables: [String: (table: String, column: String)] = [
            "person": ("person", "fullName"), "unit": ("unit", "name"), "account": ("account", "login"), "household": ("household", "name"),
        ]
        var names: [String: String] = [:]
        for (entity, source) in tables {
            let ids = Set(entries.filter { $0.entity == entity }.compactMap { $0.entityId.flatMap { Int64($0) } })
            guard !ids.isEmpty else { continue }
            let rows = try Row.fetchAll(db, sql: "SELECT id, \(source.column) FROM \(source.table) WHERE id IN (\(SQLList.ids(ids)))")
            for row in rows { names["\(entity)#\(row[0] as Int64)"] = row[1] }
        }
        return names
    }
}
