/// Helpers for SQL built from trusted pieces (ids we own), never from user text.
package enum SQLList {
    /// "1,2,3" from integer ids, for `IN (...)` with scopes of a few hundred units at most.
    package static func ids(_ ids: Set<Int64>) -> String {
        ids.isEmpty ? "NULL" : ids.sorted().map(String.init).joined(separator: ",")
    }
}
