/// English for the Vietnamese messages people read under a field ("Nhập tên câu lạc bộ"), keyed by the Vietnamese
/// text as gettext keys by msgid, so a store can keep writing its message once. `{}` in a key stands for a value
/// written into the message (a number, a date, a name); the English repeats the values in the same order.
/// The table is `EnglishMessageTable.swift`.
package enum EnglishMessages {
    private struct Pattern: Sendable {
        let literals: [String]
        let english: String
    }

    private static let exact: [String: String] = table.filter { !$0.key.contains("{}") }
    /// Patterns by their text before the first `{}` (all that is compared on most lookups).
    private static let patterns: [Pattern] = table.filter { $0.key.contains("{}") }
        .map { Pattern(literals: $0.key.components(separatedBy: "{}"), english: $0.value) }
        .sorted { $0.literals.joined().count > $1.literals.joined().count }

    /// The English message, or the Vietnamese one when the table lacks it (a page is never blank).
    package static func english(_ vietnamese: String) -> String {
        if let english = exact[vietnamese] { return english }
        for pattern in patterns where vietnamese.hasPrefix(pattern.literals[0]) {
            if let values = match(vietnamese, pattern.literals) { return fill(pattern.english, values) }
        }
        return vietnamese
    }

    package static func english(_ fields: [String: String]) -> [String: String] { fields.mapValues(english) }

    /// The values standing where the `{}` are, or nil when the message has another shape.
    private static func match(_ text: String, _ literals: [String]) -> [String]? {
        var rest = text[...]
        guard rest.hasPrefix(literals[0]) else { return nil }
        rest = rest.dropFirst(literals[0].count)
        var values: [String] = []
        for (index, literal) in literals.enumerated().dropFirst() {
            let isLast = index == literals.count - 1
            if isLast {
                guard rest.hasSuffix(literal) else { return nil }
                values.append(String(rest.dropLast(literal.count)))
                rest = ""
            } else {
                guard !literal.isEmpty, let range = rest.range(of: literal) else { return nil }
                values.append(String(rest[..<range.lowerBound]))
                rest = rest[range.upperBound...]
            }
        }
        return values
    }

    private static func fill(_ english: String, _ values: [String]) -> String {
        var output = ""
        var remaining = values[...]
        for (index, part) in english.components(separatedBy: "{}").enumerated() {
            if index > 0 { output += remaining.popFirst() ?? "" }
            output += part
        }
        return output
    }
}

extension DomainError {
    /// The field errors in the reader's language.
    package func fieldErrors(english: Bool) -> [String: String] {
        english ? EnglishMessages.english(fieldErrors) : fieldErrors
    }
}
