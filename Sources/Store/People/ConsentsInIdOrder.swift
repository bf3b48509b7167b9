import GRDB
import GRDBSQLite

/// Everyone's consent on one channel, read beside a scan of people in id order: one pass over the consent table
/// alongside the people, instead of a subquery per person (half of a million-person export's reading time) or a
/// table in memory read before the first message can go.
package final class ConsentsInIdOrder {
    /// Never consented on the channel, consented and withdrew since, consent in force (the rule of `hasActiveConsent`:
    /// one consent not withdrawn is enough).
    package enum State: UInt8, Sendable { case none = 0, withdrawn = 1, given = 2 }

    /// A person's state on a channel from their consent rows (the column in `State`'s raw values), for any query
    /// that reads consents in SQL.
    package static func stateSQL(consent alias: String) -> String {
        "max(CASE WHEN \(alias).withdrawnOn IS NULL THEN 2 ELSE 1 END)"
    }

    private let statement: Statement?
    /// The consent row the cursor stands on; nil past the last.
    private var current: (personId: Int64, state: UInt8)?

    package init(_ db: Database, channel: ConsentChannel?) throws {
        guard let channel else {
            statement = nil
            return
        }
        let statement = try db.makeStatement(sql: """
            SELECT c.personId, \(Self.stateSQL(consent: "c")) FROM consent c WHERE c.channel = ?
            GROUP BY c.personId ORDER BY c.personId
            """)
        try statement.setArguments([channel.rawValue])
        self.statement = statement
        try advance()
    }

    deinit {
        if let statement { sqlite3_reset(statement.sqliteStatement) }
    }

    /// The consent of `personId`. Ids must be asked in ascending order (the cursor only moves forward).
    package func state(of personId: Int64) throws -> State {
        while let row = current, row.personId < personId { try advance() }
        guard let row = current, row.personId == personId else { return .none }
        return State(rawValue: row.state) ?? .none
    }

    private func advance() throws {
        guard let statement else { return }
        let handle = statement.sqliteStatement
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            current = (sqlite3_column_int64(handle, 0), UInt8(truncatingIfNeeded: sqlite3_column_int64(handle, 1)))
        case SQLITE_DONE:
            current = nil
        case let code:
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                                sql: statement.sql)
        }
    }
}
