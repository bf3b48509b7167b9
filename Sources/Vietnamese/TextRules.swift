/// What any text typed, posted or imported may contain. Control characters (NUL, ANSI escapes) corrupt terminals,
/// CSV files and SMS gateways; BiDi overrides make a name read differently from what is stored ("Trojan source").
/// Neither has a place in a name or a note, so both are refused with the code point, never silently dropped.
package enum TextRules {
    /// Longest text a single field may hold: a report section or a nomination's achievements fit many times over.
    package static let fieldLimit = 20_000
    /// Longest one-line text (titles, purposes, places).
    package static let lineLimit = 500

    /// The first character that is not allowed, or nil. Tabs and line breaks are allowed (text areas).
    package static func forbiddenScalar(in text: String) -> Unicode.Scalar? {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0x7F { return scalar }
                continue
            }
            if (0x80...0x9F).contains(v)                 // C1 controls
                || (0x202A...0x202E).contains(v)         // BiDi embeddings and overrides
                || (0x2066...0x2069).contains(v)         // BiDi isolates
                || v == 0xFFFE || v == 0xFFFF || v == 0xFEFF && scalar != text.unicodeScalars.first {
                return scalar
            }
        }
        return nil
    }

    /// "U+202E", as messages name a character nobody can see.
    package static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A Vietnamese message for the field, or nil when the text is acceptable.
    package static func problem(in text: String, limit: Int = fieldLimit) -> String? {
        if let scalar = forbiddenScalar(in: text) { return "Có ký tự không được phép (\(codePoint(scalar)): ký tự điều khiển hoặc đảo chiều chữ)" }
        if text.utf8.count > limit && text.count > limit { return "Dài quá \(grouped(limit)) ký tự" }
        return nil
    }

    private static func grouped(_ value: Int) -> String {
        var digits = Array(String(value)), out = ""
        while digits.count > 3 { out = "." + String(digits.suffix(3)) + out; digits.removeLast(3) }
        return String(digits) + out
    }
}
