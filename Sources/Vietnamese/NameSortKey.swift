/// Sort keys for Vietnamese personal names: ordered by given name (the last word), then middle names, then family
/// name, in the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y), tones compared only
/// after the letters. The key compares correctly as plain bytes, so SQLite can index and ORDER BY it.
public enum NameSortKey {
    public static func make(_ fullName: String) -> String {
        make(cleaned: VietnameseText.clean(fullName))
    }

    /// For a name that already went through `VietnameseText.clean`.
    public static func make(cleaned fullName: String) -> String {
        let words = fullName.split(separator: " ")
        guard !words.isEmpty else { return "" }
        let ordered = words.count == 1 ? words : [words[words.count - 1]] + words[1..<(words.count - 1)] + [words[0]]
        return key(forWords: ordered)
    }

    /// Key for a label that is not a personal name (unit names): words kept in their order.
    public static func label(_ text: String) -> String {
        key(forWords: VietnameseText.clean(text).split(separator: " "))
    }

    private static func key(forWords words: [Substring]) -> String {
        var primary = String.UnicodeScalarView()
        var secondary = String.UnicodeScalarView()
        let table = CollationTable.shared
        for (index, word) in words.enumerated() {
            if index > 0 { primary.append(" ") }
            var digits = String.UnicodeScalarView()
            // A run of digits sorts by its value: its length first, so "Thôn 2" comes before "Thôn 10".
            func flushDigits() {
                guard !digits.isEmpty else { return }
                primary.append(Unicode.Scalar(UInt8(0x20 + min(digits.count, 9))))
                primary.append(contentsOf: digits)
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
                    if !secondary.isEmpty { secondary.removeLast(); secondary.append(Unicode.Scalar(UInt8(0x30 + tone))) }
                    continue
                }
                guard let rank = table.rank(of: scalar.value) else { continue }
                primary.append(Unicode.Scalar(UInt8(0x30 + rank.letter)))
                secondary.append(Unicode.Scalar(UInt8(0x30 + rank.tone)))
            }
            flushDigits()
        }
        // 0x01 sorts below the word separator, so "An" comes before "An Bình" and before "Anh".
        return String(primary) + "\u{01}" + String(secondary)
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
