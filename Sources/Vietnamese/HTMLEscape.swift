/// The one HTML escaper of the project: page templates (through `ScalarHTMLContentType`), list rows written in
/// Swift, letters and documents.
///
/// It works on Unicode scalars, never on `Character`s: `"` followed by U+0301 is a single Character, so an escaper
/// that compares Characters leaves that quote raw and lets a name close an attribute. Combining marks are everyday
/// input in Vietnamese (NFD text from phones and old fonts), so this is not a corner case.
package enum HTMLEscape {
    /// Escapes `& < > " '`; returns the text itself when it has none of them (nearly every name).
    package static func text(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return value }
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
