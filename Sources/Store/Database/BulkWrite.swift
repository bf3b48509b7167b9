import GRDB

/// Writing hundreds of thousands of people in one transaction. Row by row, every insert updates the sort-key,
/// household and phone indexes, the full-text index and the counters in random key order (~110 µs a row). For large
/// batches the indexes and triggers of `person` and `consent` are set aside inside the transaction, the rows go in
/// bare, then the indexes are rebuilt by sorting and the search index and counters catch up in a few set-based
/// statements; references are checked once over the whole tables instead of once a row. The trigger and index SQL
/// is read back from the schema, so what is recreated is exactly what the migrations made; everything happens in
/// one transaction, so a failure leaves nothing behind.
enum BulkWrite {
    /// Batches at least this large take the set-aside path; smaller ones keep per-row triggers.
    static let threshold = 20_000

    static func run<T>(_ db: Database, expectedRows: Int, _ body: () throws -> T) throws -> T {
        var result: T?
        // Checked row by row, the references cost a lookup each (~1 s a million rows); checked once before commit on
        // the distinct values each column holds, a quarter of that. SQLite lets the switch happen only outside a
        // transaction; inside one, references stay checked row by row.
        let checkAtEnd = expectedRows >= threshold && db.isInsideTransaction == false
        if checkAtEnd { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
        defer { if checkAtEnd { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
        // A big page cache until the commit: shrunk earlier, it spills the batch's pages into the WAL one by one
        // while the references are still being read back.
        let previous = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -262144")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(previous)") }
        // A savepoint of its own: outside a transaction it opens one, so the set-aside is never committed alone.
        try db.inSavepoint {
            result = try setAsideAndRun(db, expectedRows: expectedRows, body)
            if checkAtEnd { try checkReferences(db) }
            return .commit
        }
        return result!
    }

    private static func setAsideAndRun<T>(_ db: Database, expectedRows: Int, _ body: () throws -> T) throws -> T {
        guard expectedRows >= threshold else { return try body() }

        let firstNewId = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM person") ?? 0) + 1
        let setAside = try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master
            WHERE tbl_name IN ('person', 'consent') AND type IN ('index', 'trigger') AND sql IS NOT NULL
            """).map { (type: $0["type"] as String, name: $0["name"] as String, sql: $0["sql"] as String) }
        for item in setAside { try db.execute(sql: "DROP \(item.type.uppercased()) \(quoted(item.name))") }
        let result = try body()
        for item in setAside where item.type == "index" { try db.execute(sql: item.sql) }
        for item in setAside where item.type == "trigger" { try db.execute(sql: item.sql) }
        try db.execute(sql: """
            INSERT INTO person_fts(rowid, terms)
              SELECT id, searchKey FROM person WHERE id >= ?;
            """, arguments: [firstNewId])
        // Counted afresh from the village index just rebuilt (~0.1 s for a million people; adding up only the new
        // rows would scan the table, ~1.5 s).
        try db.execute(sql: """
            DELETE FROM personCount;
            INSERT INTO personCount(villageId, count)
              SELECT coalesce(villageId, 0), n FROM (SELECT villageId, count(*) AS n FROM person GROUP BY villageId);
            """)
        return result
    }

    /// Fails (and so rolls back) when a person or consent points at a row that does not exist. Every foreign key
    /// of the two tables (read from the schema) is checked on the distinct values it holds: a million people name a
    /// dozen villages, read from the village index in 0.06 s, where `PRAGMA foreign_key_check` looked up each row
    /// (0.5 s).
    private static func checkReferences(_ db: Database) throws {
        for table in ["person", "consent"] {
            let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table))")
            // A key of several columns is checked row by row, by SQLite itself.
            if keys.contains(where: { ($0["seq"] as Int) > 0 }) {
                if let broken = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check(\(quoted(table)))") {
                    throw DatabaseError(resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY,
                                        message: "\(table) \(broken[1] as Int64? ?? 0) points at a missing \(broken[2] as String? ?? "row")")
                }
                continue
            }
            for key in keys {
                let column = quoted(key["from"] as String), parent = quoted(key["table"] as String)
                let parentColumn = (key["to"] as String?).map(quoted) ?? "rowid"
                let missing = try Int64.fetchOne(db, sql: """
                    SELECT value FROM (SELECT DISTINCT \(column) AS value FROM \(quoted(table)) WHERE \(column) IS NOT NULL)
                    WHERE value NOT IN (SELECT \(parentColumn) FROM \(parent)) LIMIT 1
                    """)
                if let missing {
                    throw DatabaseError(resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY,
                                        message: "\(table).\(key["from"] as String) = \(missing) points at a missing \(key["table"] as String)")
                }
            }
        }
    }

    private static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
