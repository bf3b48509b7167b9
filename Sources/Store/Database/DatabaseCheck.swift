import GRDB

/// `densach check`: SQLite's integrity check, foreign keys, and the kept counters against the real counts.
package enum DatabaseCheck {
    package static func run(_ db: Database) throws -> [String] {
        var problems: [String] = []
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        if integrity != ["ok"] { problems += integrity.map { "Toàn vẹn: \($0)" } }
        for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
            problems.append("Khóa ngoại: bảng \(row[0] as String? ?? "?") dòng \(row[1] as Int64? ?? 0) trỏ tới \(row[2] as String? ?? "?") không tồn tại")
        }
        let drift = try Row.fetchAll(db, sql: """
            SELECT coalesce(c.villageId, r.villageId) AS village, coalesce(c.count, 0) AS kept, coalesce(r.n, 0) AS real
            FROM personCount c FULL OUTER JOIN (SELECT coalesce(villageId, 0) AS villageId, count(*) AS n FROM person GROUP BY 1) r
              ON r.villageId = c.villageId
            WHERE coalesce(c.count, 0) <> coalesce(r.n, 0)
            """)
        for row in drift {
            problems.append("Bộ đếm người dân của thôn \(row["village"] as Int64? ?? 0): ghi \(row["kept"] as Int) nhưng thực có \(row["real"] as Int)")
        }
        return problems
    }
}
