import Vietnamese

/// What someone typed into the people search, split the way people are indexed: the words of a name go to the
/// full-text index, digits to the phone index. "Lan 0912 345" asks for the name "lan" and a phone starting
/// "+84912345". Phones live in a B-tree of their own because a million unique numbers in the full-text index
/// made its prefix tables for names (which make a typed-on name fast) cost seconds on every import.
package struct PersonSearchText: Sendable, Equatable {
    package let name: FullTextQuery
    /// The start of a stored phone number (stored phones are "+84" and nine digits), or nil without digits.
    package let phoneStart: String?

    package init(_ text: String) {
        let words = VietnameseText.searchWords(text)
        let isDigits: (String) -> Bool = { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        name = FullTextQuery(words: words.filter { !isDigits($0) })
        // "0912 345 678" is one number typed in groups.
        let digits = words.filter(isDigits).joined()
        phoneStart = digits.isEmpty ? nil : "+84" + Self.nationalDigits(digits, international: text.contains("+"))
    }

    package var isEmpty: Bool { name.isEmpty && phoneStart == nil }

    /// "0912…", "84912…" and "+84 912…" are the same number.
    static func nationalDigits(_ digits: String, international: Bool) -> String {
        if digits.hasPrefix("84") && (international || digits.count >= 11) { return String(digits.dropFirst(2)) }
        return String(digits.drop(while: { $0 == "0" }))
    }

    /// The smallest text after every phone starting with `start`: ':' is the character after '9'.
    static func phoneEnd(after start: String) -> String { start + ":" }
}
