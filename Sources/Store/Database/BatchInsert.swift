import GRDB
import GRDBSQLite

/// A multi-row INSERT fed through SQLite's C binding functions, for the million-row paths (import, synthetic
/// people). One statement step writes up to `rowsPerStep` rows, so the per-statement work (begin, halt, reset) is
/// paid once a batch instead of once a row. Text values are gathered in one buffer and bound without a copy
/// (SQLITE_STATIC), so binding allocates nothing; GRDB's `StatementArguments` box every value, which was half of the
/// writer's time.
struct BatchInsert {
    private enum Slot { case null, integer(Int64), text(start: Int, count: Int) }

    private let db: Database
    private let head: String
    private let rowSQL: String
    private let rowsPerStep: Int
    private let fullBatch: Statement
    private var slots: [Slot] = []
    private var bytes: [UInt8] = [0]  // never empty: a text bound from a nil base address would read as NULL
    private(set) var pendingRows = 0

    /// `row` is one VALUES tuple, e.g. `(?, ?, 'sms')`; values are added in its parameter order.
    init(_ db: Database, into table: String, columns: String, row: String, rowsPerStep: Int = 64) throws {
        self.db = db
        head = "INSERT INTO \(table) (\(columns)) VALUES "
        rowSQL = row
        self.rowsPerStep = rowsPerStep
        fullBatch = try db.makeStatement(sql: head + Self.tuples(row, count: rowsPerStep))
    }

    var isFull: Bool { pendingRows == rowsPerStep }

    mutating func add(_ text: String?) {
        guard let text else { slots.append(.null); return }
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        slots.append(.text(start: start, count: bytes.count - start))
    }

    mutating func add(_ value: Int64?) { slots.append(value.map(Slot.integer) ?? .null) }
    mutating func add(_ value: Int?) { add(value.map(Int64.init)) }

    /// Marks the end of a row's values.
    mutating func endRow() { pendingRows += 1 }

    /// Writes the pending rows; answers the rowid of the first (rowids of one statement follow each other), or nil
    /// when nothing was pending.
    @discardableResult
    mutating func flush() throws -> Int64? {
        guard pendingRows > 0 else { return nil }
        let statement = isFull ? fullBatch : try db.makeStatement(sql: head + Self.tuples(rowSQL, count: pendingRows))
        let handle = statement.sqliteStatement
        let code = bytes.withUnsafeBufferPointer { buffer -> Int32 in
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            for (offset, slot) in slots.enumerated() {
                let index = Int32(offset + 1)
                switch slot {
                case .null: sqlite3_bind_null(handle, index)
                case .integer(let value): sqlite3_bind_int64(handle, index, value)
                case .text(let start, let count): sqlite3_bind_text(handle, index, base + start, Int32(count), nil)
                }
            }
            let code = sqlite3_step(handle)
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)  // no pointer into the buffer outlives it
            return code
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
        let first = db.lastInsertedRowID - Int64(pendingRows) + 1
        slots.removeAll(keepingCapacity: true)
        bytes.removeSubrange(1...)
        pendingRows = 0
        return first
    }

    private static func tuples(_ row: String, count: Int) -> String {
        Array(repeating: row, count: count).joined(separator: ",")
    }

    /// A constant as an SQL literal, for values that are the same on every row of a batch.
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
