import GRDB

/// Conditions joined by AND, each condition's arguments kept in the order of its `?` marks.
package struct SQLFilter: Sendable {
    package private(set) var conditions: [String] = []
    package private(set) var arguments: StatementArguments = []

    package init() {}

    package mutating func add(_ condition: String, _ values: StatementArguments = []) {
        conditions.append(condition)
        arguments += values
    }

    package mutating func add(_ other: SQLFilter) {
        conditions += other.conditions
        arguments += other.arguments
    }

    /// " WHERE a AND b", or "" without conditions.
    package var whereClause: String { conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ") }
}
