/// HTML written by Swift for the hottest list rows, where interpreting a template costs ~2 µs a token.
/// Everything passed to `text` is escaped; the result is handed to the template as already-safe HTML (`{{{…}}}`).
struct HTMLText {
    private(set) var html = ""

    init(reservingCapacity capacity: Int = 0) { html.reserveCapacity(capacity) }

    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { html += String(decoding: $0, as: UTF8.self) }
    }

    mutating func text(_ value: String) { html += HTMLText.escape(value) }

    mutating func number(_ value: Int64) { html += String(value) }

    /// Escapes `& < > " '`; returns the text itself when it has none of them (nearly every name).
    static func escape(_ value: String) -> String {
        let utf8 = value.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return value }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension HTMLText {
    /// `<option>` elements of a `<select>`.
    static func options(_ options: [Option]) -> String {
        var html = HTMLText(reservingCapacity: options.count * 48)
        for option in options {
            html.raw("<option value=\"")
            html.text(option.value)
            html.raw(option.selected ? "\" selected>" : "\">")
            html.text(option.label)
            html.raw("</option>")
        }
        return html.html
    }
}
