import Foundation

/// Text rules every stored or searched string goes through.
public enum VietnameseText {
    /// Canonical composition: text arrives from phones and spreadsheets in NFC or NFD; we store NFC only.
    public static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// NFC, trimmed, inner runs of white space collapsed to one space — the form every name and label is stored in.
    public static func clean(_ text: String) -> String {
        let composed = nfc(text)
        var out = ""
        out.reserveCapacity(composed.utf8.count)
        var pendingSpace = false
        for character in composed {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(character)
            }
        }
        return out
    }

    /// Search key: lower case, no tones or marks, đ folded to d, so "Đặng Thị Phụng", its NFD form and
    /// "dang thi phung" all give the same key. Works scalar by scalar through a table (fast on a million rows).
    public static func searchKey(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value >= 0x41 && value <= 0x5A {
                    scalars.append(Unicode.Scalar(value + 0x20)!)
                } else {
                    scalars.append(scalar)
                }
            } else if CombiningMarks.contains(value) {
                continue
            } else if let base = FoldTable.shared.base[value] {
                scalars.append(base)
            } else {
                for lowered in String(scalar).lowercased().unicodeScalars { scalars.append(lowered) }
            }
        }
        return String(scalars)
    }

    /// The words of a search key, for full-text matching.
    public static func searchWords(_ text: String) -> [String] {
        searchKey(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }
}

enum CombiningMarks {
    static func contains(_ value: UInt32) -> Bool { value >= 0x0300 && value <= 0x036F }
}

/// Maps each precomposed Latin letter (with tone, breve, circumflex, horn or stroke) to its lower-case base letter.
final class FoldTable: Sendable {
    static let shared = FoldTable()
    let base: [UInt32: Unicode.Scalar]

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
        base = table
    }
}
