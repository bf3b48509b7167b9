import Foundation
import Testing

/// Every UI text the Swift code asks for by a literal key (`views.text("…")`, `t("…")`, `text("…")`) exists in both strings
/// files: a missing key shows the key itself on the page (the templates' `{{t.…}}` keys are checked at start).
@Suite("UI text keys")
struct StringKeysTests {
    static func keys(in table: String) throws -> Set<String> {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("web/i18n/\(table).strings"), encoding: .utf8)
        return Set(text.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { return nil }
            return trimmed[..<equals].trimmingCharacters(in: .whitespaces)
        })
    }

    static func keysAskedByCode() throws -> [String: String] {
        var found: [String: String] = [:]
        // `views.text("…")`, `t("…")`, and `text("…")` (the lookup a view model's init is handed; not `form.text(…)`).
        let regex = try NSRegularExpression(pattern: #"(?:views\.text|\bt|(?<![.\w])text)\("([A-Za-z][A-Za-z0-9_.]*)"\s*[,)]"#)
        let root = repositoryRoot.appendingPathComponent("Sources/BackOffice")
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)! where url.pathExtension == "swift" {
            let source = try String(contentsOf: url, encoding: .utf8)
            for match in regex.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                found[String(source[Range(match.range(at: 1), in: source)!])] = url.lastPathComponent
            }
        }
        return found
    }

    @Test("Every literal key the code asks for is in vi.strings and en.strings")
    func everyKeyExists() throws {
        let asked = try Self.keysAskedByCode()
        #expect(asked.count > 50, "the scan found the code's keys")
        for table in ["vi", "en"] {
            let keys = try Self.keys(in: table)
            let missing = asked.filter { !keys.contains($0.key) }.map { "\($0.key) (\($0.value))" }.sorted()
            #expect(missing.isEmpty, "missing from \(table).strings: \(missing)")
        }
    }
}
