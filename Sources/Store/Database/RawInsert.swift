import GRDB
import GRDBSQLite

/// A prepared INSERT fed through SQLite's C binding functions. For the million-row paths only (import, synthetic
/// people): GRDB's `StatementArguments` box every value, which was half of the writer's time. Values are copied
/// by SQLite (SQLITE_TRANSIENT), so Swift strings may go away after `bind`.
struct RawInsert {
    private let statement: Statement
    private let handle: SQLiteStatement
    private let db: Database

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        self.db = db
    }

    func bind(_ index: Int32, _ text: String?) {
        guard let text else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_text(handle, index, text, -1, Self.transient)
    }

    func bind(_ index: Int32, _ value: Int64?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }

    /// Runs the insert and readies the statement for the next row.
    func run() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
    }
}
