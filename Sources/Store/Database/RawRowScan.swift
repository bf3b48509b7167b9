import GRDB
import GRDBSQLite

/// One row of a `Database.scanRows` loop: the columns as SQLite holds them, read without `Row` or `DatabaseValue`.
/// Valid only inside the loop's body (SQLite reuses the memory at the next step).
package struct RawColumns {
    fileprivate let handle: OpaquePointer

    package func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    package func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    package func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    package func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : Int(int64(column)) }

    /// The first byte of a column's text (0 for NULL or ""): enough to tell apart values a CHECK keeps to a few words.
    package func firstByte(_ column: Int32) -> UInt8 {
        guard let text = sqlite3_column_text(handle, column) else { return 0 }
        return text.pointee
    }

    /// The text of a column ("" for NULL).
    package func string(_ column: Int32) -> String {
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }

    package func optionalString(_ column: Int32) -> String? { isNull(column) ? nil : string(column) }
}

extension Database {
    /// Steps `sql` and hands every row to `body` as raw columns: for the loops that read a million rows (the message
    /// export), where building a `Row` and decoding each value through GRDB costs more than SQLite's own work.
    package func scanRows(sql: String, arguments: StatementArguments = [], _ body: (RawColumns) throws -> Void) throws {
        let statement = try makeStatement(sql: sql)
        try statement.setArguments(arguments)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        let columns = RawColumns(handle: handle)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
            }
            try body(columns)
        }
    }
}
