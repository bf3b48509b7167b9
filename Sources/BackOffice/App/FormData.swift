import Foundation
import Vietnamese

/// An `application/x-www-form-urlencoded` body: fields may repeat (checkbox lists).
package struct FormData: Sendable {
    private var fields: [String: [String]] = [:]

    package init() {}

    /// The text fields of a multipart form, in order.
    init(pairs: [(String, String)]) {
        for (key, value) in pairs { fields[key, default: []].append(value) }
    }

    package init(urlEncoded body: String) {
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

    package subscript(_ key: String) -> String? { fields[key]?.first }

    package func all(_ key: String) -> [String] { fields[key] ?? [] }

    /// A trimmed value, or nil when missing or blank.
    package func text(_ key: String) -> String? {
        guard let value = self[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    package func int64(_ key: String) -> Int64? { text(key).flatMap { Int64($0) } }

    /// A year the calendars know (1900–2100), or nil: a form's year reaches the stores only through here.
    package func year(_ key: String) -> Int? { text(key).flatMap { Int($0) }.flatMap { QueryBounds.year.contains($0) ? $0 : nil } }

    /// Counts people type (participants, visits, votes) stay far below this, and sums of them cannot overflow.
    package static let countLimit = 1_000_000_000

    /// A whole number of at most `limit` (counts typed in forms), or nil.
    package func count(_ key: String, limit: Int = FormData.countLimit) -> Int? { text(key).flatMap { Int($0) }.flatMap { (0...limit).contains($0) ? $0 : nil } }

    package func bool(_ key: String) -> Bool { ["on", "1", "true", "yes"].contains(self[key] ?? "") }

    package var isEmpty: Bool { fields.isEmpty }

    /// Fields whose text breaks `TextRules` (control or BiDi characters, or longer than any field may be), by name.
    /// A pasted CSV file is the one field allowed to be long: the body limit bounds it.
    package func textProblems() -> [String: String] {
        var problems: [String: String] = [:]
        for (key, values) in fields {
            let limit = key == "csv" ? Int.max : TextRules.fieldLimit
            if let problem = (values + [key]).lazy.compactMap({ TextRules.problem(in: $0, limit: limit) }).first { problems[key] = problem }
        }
        return problems
    }

    /// Every field name (for field families such as `a.<personId>`).
    package var keys: [String] { Array(fields.keys) }
}
