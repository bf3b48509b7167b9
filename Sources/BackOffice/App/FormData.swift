import Foundation

/// An `application/x-www-form-urlencoded` body: fields may repeat (checkbox lists).
public struct FormData: Sendable {
    private var fields: [String: [String]] = [:]

    public init() {}

    public init(urlEncoded body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            fields[key, default: []].append(value)
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    public subscript(_ key: String) -> String? { fields[key]?.first }

    public func all(_ key: String) -> [String] { fields[key] ?? [] }

    /// A trimmed value, or nil when missing or blank.
    public func text(_ key: String) -> String? {
        guard let value = self[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    public func int64(_ key: String) -> Int64? { text(key).flatMap { Int64($0) } }

    public func bool(_ key: String) -> Bool { ["on", "1", "true", "yes"].contains(self[key] ?? "") }

    public var isEmpty: Bool { fields.isEmpty }

    /// Every field name (for field families such as `a.<personId>`).
    public var keys: [String] { Array(fields.keys) }
}
