import Composition
import Foundation

/// UI text per language from `web/i18n/<lang>.strings` ("key = value" lines). English falls back to Vietnamese
/// for any key it lacks, so a page is never blank.
struct Strings: Sendable {
    let tables: [Language: [String: String]]

    init(directory: String) throws {
        let vi = try Self.load(directory + "/vi.strings")
        let en = try Self.load(directory + "/en.strings")
        tables = [.vi: vi, .en: vi.merging(en) { _, english in english }]
    }

    static func load(_ path: String) throws -> [String: String] {
        guard let text = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else {
            throw ViewsError.missingFile(path)
        }
        var table: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            // A key given twice silently showed the second text everywhere ("Báo cáo năm" on the campaign report).
            if table[key] != nil { throw ViewsError.badTemplate((path as NSString).lastPathComponent, "\(key) is defined twice") }
            table[key] = value
        }
        return table
    }

    func table(_ language: Language) -> [String: String] { tables[language] ?? [:] }

    func text(_ key: String, _ language: Language) -> String { tables[language]?[key] ?? key }
}
