import GRDB

/// Conditions joined by AND, each condition's arguments kept in the order of its `?` marks.
public struct SQLFilter: Sendable {
    public private(set) var conditions: [String] = []
    public private(set) var arguments: StatementArguments = []

    public init() {}

    public mutating func add(_ condition: String, _ values: StatementArguments = []) {
        conditions.append(condition)
        arguments += values
    }

    public mutating func add(_ other: SQLFilter) {
        conditions += other.conditions
        arguments += other.arguments
    }

    /// " WHERE a AND b", or "" without conditions.
    public var whereClause: String { conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ") }
}
