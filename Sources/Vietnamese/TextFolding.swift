import Foundation

/// Text rules every stored or searched string goes through.
package enum VietnameseText {
    /// Canonical composition: text arrives from phones and spreadsheets in NFC or NFD; we store NFC only.
    package static func nfc(_ text: String) -> String {
        mayNeedComposition(text) ? text.precomposedStringWithCanonicalMapping : text
    }

    /// False when the text is certainly NFC already: it has no combining mark, no Hangul jamo and none of the
    /// canonical singletons. Almost every name typed on a phone or a PC passes, and skips Foundation's slow path.
    static func mayNeedComposition(_ text: String) -> Bool {
        text.unicodeScalars.contains { mayCompose($0.value) }
    }

    /// Combining marks, Hangul jamo, canonical singletons and scripts with composition: anything else is NFC as is.
    static func mayCompose(_ value: UInt32) -> Bool {
        if value < 0x0300 { return false }  // ASCII and the Latin letters Vietnamese uses most
        switch value {
        case 0x0300...0x036F, 0x0374, 0x037E, 0x0387, 0x0483...0x0489, 0x0591...0x05C7, 0x0610...0x061A,
             0x064B...0x065F, 0x0900...0x0DFF, 0x1100...0x11FF, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x1F00...0x1FFF,
             0x20D0...0x20FF, 0x2126, 0x212A, 0x212B, 0x2329, 0x232A, 0x3099, 0x309A, 0xF900...0xFAFF,
             0xFE20...0xFE2F, 0x10000...:
            return true
        default:
            return false
        }
    }

    /// NFC, trimmed, inner runs of white space collapsed to one space — the form every name and label is stored in.
    package static func clean(_ text: String) -> String {
        if isClean(text) { return text }
        let composed = nfc(text)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in composed.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The text without leading and trailing white space; returns it untouched (no Foundation call) when there is none.
    /// The text with its first letter in lower case and every other letter as written, to run a label into a
    /// sentence: "Quỹ khuyến học Hội Khuyến học xã" → "quỹ khuyến học Hội Khuyến học xã" (names keep their capitals).
    package static func lowercasingFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// Cleaned text, or nil when nothing is left: optional form fields.
    package static func cleanOrNil(_ text: String?) -> String? {
        guard let value = text.map(clean), !value.isEmpty else { return nil }
        return value
    }

    package static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True when `clean` would return the text unchanged: NFC, no white space but single inner spaces.
    /// One pass and no allocation, for the common case of a million well-formed rows.
    static func isClean(_ text: String) -> Bool {
        var previousWasSpace = true  // so a leading space is not clean
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
                continue
            }
            if value < 0x80 {  // most letters of most names: no need for the range tables below
                if value < 0x20 || value == 0x7F { return false }
            } else if isNonASCIISpace(value) || mayCompose(value) {
                return false
            }
            previousWasSpace = false
        }
        return text.isEmpty || !previousWasSpace
    }

    /// Unicode white space above ASCII (what `Character.isWhitespace` also treats as space).
    static func isNonASCIISpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Search key: lower case, no tones or marks, đ folded to d, so "Đặng Thị Phụng", its NFD form and
    /// "dang thi phung" all give the same key. Works scalar by scalar through a table (fast on a million rows).
    /// Apostrophes are dropped, so the Jarai and Ê Đê "H'Wen", "Y'Bơ" are found by "hwen" as well as "h'wen".
    package static func searchKey(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value == 0x27 { continue }
                if value >= 0x41 && value <= 0x5A {
                    scalars.append(Unicode.Scalar(value + 0x20)!)
                } else {
                    scalars.append(scalar)
                }
            } else if CombiningMarks.contains(value) || isApostrophe(value) {
                continue
            } else if let base = FoldTable.shared.base(of: value) {
                scalars.append(base)
            } else {
                for lowered in String(scalar).lowercased().unicodeScalars { scalars.append(lowered) }
            }
        }
        return String(scalars)
    }

    /// The words of a search key, for full-text matching.
    /// Split exactly where SQLite's unicode61 tokenizer splits (token characters: letters, numbers, private use).
    /// Splitting by `Character` kept "x" + U+0B43 + "y" as one word, which the index holds as two tokens: the query
    /// became an FTS phrase, and a `detail=none` index answers a phrase with an error (a 500 on every search box).
    package static func searchWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in searchKey(text).unicodeScalars {
            if isTokenScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}

/// The typographic apostrophes phones and Word put into "H’Wen" (U+2019, U+02BC, U+2018).
func isApostrophe(_ value: UInt32) -> Bool { value == 0x2019 || value == 0x02BC || value == 0x2018 }

enum CombiningMarks {
    static func contains(_ value: UInt32) -> Bool { value >= 0x0300 && value <= 0x036F }
}

/// Maps each precomposed Latin letter (with tone, breve, circumflex, horn or stroke) to its lower-case base letter.
/// An array indexed by code point: a dictionary lookup per letter was a visible cost on a million names.
final class FoldTable: Sendable {
    static let shared = FoldTable()
    static let limit: UInt32 = 0x1F00
    private let bases: [UInt8]  // ASCII base letter, 0 for none

    func base(of value: UInt32) -> Unicode.Scalar? {
        guard value < Self.limit else { return nil }
        let byte = bases[Int(value)]
        return byte == 0 ? nil : Unicode.Scalar(byte)
    }

    private init() {
        var table: [UInt32: Unicode.Scalar] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x1E00...0x1EFF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let decomposed = String(scalar).decomposedStringWithCanonicalMapping.lowercased()
                if let first = decomposed.unicodeScalars.first, first.value < 0x80 {
                    table[value] = first
                }
            }
        }
        table[0x0110] = "d"  // Đ
        table[0x0111] = "d"  // đ
        var array = [UInt8](repeating: 0, count: Int(Self.limit))
        for (value, scalar) in table { array[Int(value)] = UInt8(scalar.value) }
        bases = array
    }
}
