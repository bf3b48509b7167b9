import GRDB

/// An id and a label for a menu, read by the store that owns the table (pages never query the database themselves).
package struct Choice: Sendable, Equatable {
    package let id: Int64
    package let label: String

    package init(id: Int64, label: String) { self.id = id; self.label = label }

    /// Rows of (id, label) from a store's own query.
    package static func fetch(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [Choice] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { Choice(id: $0[0], label: $0[1]) }
    }
}
