import Vietnamese

/// Turns what a person typed into an FTS5 query over folded keys: every word must match, the last as a prefix.
/// "Đặng Thị Phụng", its NFD form and "dang thi phung" give the same query.
package struct FullTextQuery: Sendable, Equatable {
    package let words: [String]

    package init(_ text: String) {
        self.init(words: VietnameseText.searchWords(text))
    }

    init(words: [String]) {
        self.words = words.filter { !$0.isEmpty }
    }

    package var isEmpty: Bool { words.isEmpty }

    /// "Thị" and "Văn" mark gender in half of all Vietnamese names: intersecting their posting lists costs more
    /// than the rest of a search. When at least two other words narrow the match, they are checked on the few
    /// candidate rows instead (`checkedWords`).
    static let commonMiddleNames: Set<String> = ["thi", "van"]

    /// Words looked up in the full-text index: all but the common middle names when enough others remain.
    package var indexedWords: [String] {
        let narrowing = words.dropLast().filter { !Self.commonMiddleNames.contains($0) }.count + 1
        guard narrowing >= 2 else { return words }
        return words.enumerated().filter { index, word in index == words.count - 1 || !Self.commonMiddleNames.contains(word) }.map(\.element)
    }

    /// Whole words checked against the folded name of each candidate, in place of an index lookup.
    package var checkedWords: [String] {
        let indexed = indexedWords
        return indexed.count == words.count ? [] : words.dropLast().filter { Self.commonMiddleNames.contains($0) }
    }

    /// The FTS5 MATCH expression; words are quoted, so nothing typed can become FTS syntax. Only the last word is
    /// a prefix (it is the one still being typed): a prefix on every word makes "thi" merge 170,000 entries.
    package var matchExpression: String {
        let indexed = indexedWords
        return indexed.enumerated().map { index, word in
            "\"\(word.replacingOccurrences(of: "\"", with: "\"\""))\"" + (index == indexed.count - 1 ? "*" : "")
        }.joined(separator: " ")
    }

    /// The whole query as one folded string (for ranking exact matches first).
    package var folded: String { words.joined(separator: " ") }
}
