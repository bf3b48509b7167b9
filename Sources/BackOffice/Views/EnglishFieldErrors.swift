import Foundation
import Store
import Vietnamese

/// The stores write each field's message once, in Vietnamese; an English page shows it through
/// `EnglishMessages` at this one place, where every form's messages pass (`<p class="field-error">`), rather than
/// at each of the forms' error paths. Messages are never written back, so translating the shown text is safe.
enum EnglishFieldErrors {
    private static let marker = "class=\"field-error\""
    private static let element = try! NSRegularExpression(pattern: #"(<p class="field-error"[^>]*>)([^<]+)"#)

    static func translated(_ html: String) -> String {
        guard html.contains(marker) else { return html }
        let whole = NSRange(html.startIndex..., in: html)
        var output = ""
        var cursor = html.startIndex
        for match in element.matches(in: html, range: whole) {
            guard let text = Range(match.range(at: 2), in: html) else { continue }
            output += html[cursor..<text.lowerBound]
            output += HTMLEscape.text(EnglishMessages.english(unescaped(String(html[text]))))
            cursor = text.upperBound
        }
        output += html[cursor...]
        return output
    }

    /// The text as it was before `HTMLEscape.text` (the five characters it writes as entities).
    static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
