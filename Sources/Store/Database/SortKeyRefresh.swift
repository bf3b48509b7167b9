import GRDB
import Vietnamese

/// Recomputes stored sort and search keys after the rules that make them changed, so old rows order and match as
/// new ones do. Run inside a migration: one pass over the table, rows whose key is unchanged are not written.
package enum SortKeyRefresh {
    package static func labels(_ db: Database, table: String, nameColumn: String = "name") throws {
        try refresh(db, table: table, select: "\(nameColumn), NULL") { name, _ in NameSortKey.label(name) }
    }

    static func personNames(_ db: Database, table: String, nameColumn: String, sortNameColumn: String?) throws {
        try refresh(db, table: table, select: "\(nameColumn), \(sortNameColumn ?? "NULL")") { name, sortName in
            NameSortKey.make(cleaned: name, sortName: sortName)
        }
    }

    /// In pages of 10,000 rows by id: a million people are rewritten without holding them all in memory.
    private static func refresh(_ db: Database, table: String, select: String, key: (String, String?) -> String) throws {
        let page = try db.makeStatement(sql: "SELECT id, sortKey, \(select) FROM \(table) WHERE id > ? ORDER BY id LIMIT 10000")
        let update = try db.makeStatement(sql: "UPDATE \(table) SET sortKey = ? WHERE id = ?")
        var after: Int64 = 0
        while true {
            let rows = try Row.fetchAll(page, arguments: [after])
            guard let last = rows.last else { return }
            for row in rows {
                let new = key(row[2], row[3])
                if new != row[1] as String { try update.execute(arguments: [new, row[0] as Int64]) }
            }
            after = last[0]
        }
    }

    /// Search keys of names with an apostrophe, which the search key now drops ("H'Wen" is found by "hwen").
    static func apostropheSearchKeys(_ db: Database, table: String, nameColumn: String) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, \(nameColumn) FROM \(table) WHERE \(nameColumn) LIKE '%''%' OR \(nameColumn) LIKE '%’%'
                OR \(nameColumn) LIKE '%ʼ%' OR \(nameColumn) LIKE '%‘%'
            """)
        for row in rows {
            let name: String = row[1]
            try db.execute(sql: "UPDATE \(table) SET searchKey = ? WHERE id = ?",
                           arguments: [VietnameseText.searchKey(name), row[0] as Int64])
        }
    }
}
