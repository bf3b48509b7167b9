/// Sort keys for Vietnamese personal names, ordered as a spreadsheet sorted by "Tên" then "Họ đệm" then "Họ" would
/// be: the given name (the last word) compared completely first, then the middle names, then the family name. Each
/// syllable is compared as a dictionary does: its letters in the Vietnamese alphabet
/// (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y), then its tone (ngang, huyền, hỏi, ngã, sắc, nặng),
/// so "Trần Văn An" < "Lê Văn Ản" < "Nguyễn Văn Án" and every Thùy comes before every Thủy and Thúy. Apostrophes
/// ("H'Wen") and other marks that are not letters are ignored. The key compares correctly as plain bytes, so SQLite
/// can index and ORDER BY it.
package enum NameSortKey {
    package static func make(_ fullName: String) -> String {
        make(cleaned: VietnameseText.clean(fullName))
    }

    /// For a name that already went through `VietnameseText.clean`.
    package static func make(cleaned fullName: String) -> String {
        let words = fullName.split(separator: " ")
        guard !words.isEmpty else { return "" }
        guard words.count > 1 else { return key(forGroups: [words]) }
        return key(forGroups: [[words[words.count - 1]], Array(words[1..<(words.count - 1)]), [words[0]]])
    }

    /// A person's key: their own sort name when they have one (naming systems where the last word is not the given
    /// name; its words are compared in the order written), else the name ordered given name first.
    package static func make(cleaned fullName: String, sortName: String?) -> String {
        guard let sortName, !sortName.isEmpty else { return make(cleaned: fullName) }
        return label(sortName)
    }

    /// Key for a label that is not a personal name (unit names): words kept in their order.
    package static func label(_ text: String) -> String {
        key(forGroups: [VietnameseText.clean(text).split(separator: " ")])
    }

    /// Separators below every letter, digit and tone byte, and above the 0x02 that unit paths put between a parent's
    /// key and a child's (so a label that extends another, "Thôn 1 Mới", sorts after the shorter one's children).
    /// A group (given name, middle names, family name) ends below a syllable break, so "Trần Thị Hoa" (middle
    /// "Thị") comes before "Nguyễn Thị Kim Hoa" (middle "Thị Kim").
    static let groupEnd: Unicode.Scalar = "\u{03}"
    static let syllableBreak: Unicode.Scalar = "\u{04}"
    static let lettersEnd: Unicode.Scalar = "\u{05}"

    private static func key(forGroups groups: [[Substring]]) -> String {
        var key = String.UnicodeScalarView()
        for (index, group) in groups.enumerated() {
            if index > 0 { key.append(groupEnd) }
            for (position, word) in group.enumerated() {
                if position > 0 { key.append(syllableBreak) }
                append(word, to: &key)
            }
        }
        return String(key)
    }

    private static func append(_ word: Substring, to key: inout String.UnicodeScalarView) {
        let table = CollationTable.shared
        var tones = String.UnicodeScalarView()
        var digits = String.UnicodeScalarView()
        // A run of digits sorts by its value: its length first, so "Thôn 2" comes before "Thôn 10".
        func flushDigits() {
            guard !digits.isEmpty else { return }
            key.append(Unicode.Scalar(UInt8(0x20 + min(digits.count, 9))))
            key.append(contentsOf: digits)
            digits.removeAll()
        }
        for scalar in word.unicodeScalars {
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                digits.append(scalar)
                continue
            }
            flushDigits()
            if scalar.value >= 0x0300 && scalar.value <= 0x0323, let tone = table.toneOfMark[scalar.value] {
                // A tone left as a combining mark: it belongs to the letter before it.
                if !tones.isEmpty { tones.removeLast(); tones.append(Unicode.Scalar(UInt8(0x30 + tone))) }
                continue
            }
            guard let rank = table.rank(of: scalar.value) else { continue }
            key.append(Unicode.Scalar(UInt8(0x30 + rank.letter)))
            tones.append(Unicode.Scalar(UInt8(0x30 + rank.tone)))
        }
        flushDigits()
        // The syllable's letters end below any letter, so "An" comes before "Anh" and "má" before "mác".
        key.append(lettersEnd)
        key.append(contentsOf: tones)
    }
}

/// Collation ranks of letters and tones, computed once for every precomposed Latin letter.
final class CollationTable: Sendable {
    static let shared = CollationTable()

    struct Rank: Sendable { let letter: UInt8; let tone: UInt8 }

    /// Letters in dictionary order, with f j w z placed where Latin order puts them (they occur in ethnic and
    /// foreign names). Digit runs are encoded apart, by value, before letters.
    static let letters: [String] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
        "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
    ]
    /// Tone marks in dictionary order after "no tone": huyền, hỏi, ngã, sắc, nặng.
    static let toneMarks: [UInt32] = [0x0300, 0x0309, 0x0303, 0x0301, 0x0323]

    private let ranks: [Rank?]  // indexed by code point below `limit`: a dictionary lookup per letter cost more
    let toneOfMark: [UInt32: UInt8]
    static let limit: UInt32 = 0x1F00

    func rank(of value: UInt32) -> Rank? { value < Self.limit ? ranks[Int(value)] : nil }

    private init() {
        var letterRank: [String: UInt8] = [:]
        for (index, letter) in Self.letters.enumerated() { letterRank[letter] = UInt8(10 + index) }
        var table: [UInt32: Rank] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x41...0x5A, 0x61...0x7A, 0x00C0...0x024F, 0x1E00...0x1EFF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                var tone: UInt8 = 0
                var base = String.UnicodeScalarView()
                for part in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
                    if let index = Self.toneMarks.firstIndex(of: part.value) {
                        tone = UInt8(index + 1)
                    } else {
                        base.append(part)
                    }
                }
                let letter = String(base).precomposedStringWithCanonicalMapping
                if let rank = letterRank[letter] {
                    table[value] = Rank(letter: rank, tone: tone)
                } else if let first = base.first, let rank = letterRank[String(first)] {
                    // Marks Vietnamese does not use (ç, ñ, ö in foreign names) sort as their plain letter.
                    table[value] = Rank(letter: rank, tone: tone)
                }
            }
        }
        var array = [Rank?](repeating: nil, count: Int(Self.limit))
        for (value, rank) in table { array[Int(value)] = rank }
        ranks = array
        var marks: [UInt32: UInt8] = [:]
        for (index, mark) in Self.toneMarks.enumerated() { marks[mark] = UInt8(index + 1) }
        toneOfMark = marks
    }
}
