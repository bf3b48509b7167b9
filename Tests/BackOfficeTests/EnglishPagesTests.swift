import BackOffice
import Composition
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Store
import Testing

/// Every page of the demo commune rendered in English: any text a person reads (text between tags, placeholders,
/// titles, labels for screen readers) that has a Vietnamese letter must be data — a value stored in the database —
/// not UI text left untranslated. Official documents (decisions, certificates, receipts, letters, the printed report)
/// are Vietnamese by law (NĐ 30/2020) and are left out.
@Suite("English pages")
struct EnglishPagesTests {
    /// Printed official documents: their wording is the Vietnamese of the law whatever the UI language.
    static let vietnameseDocuments = ["/document", "/certificates", "/receipt", "/letter", "/print", "/handover", "/sheet"]

    static let vietnameseLetters = CharacterSet(charactersIn:
        "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
        + "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ")
    static let separators = CharacterSet(charactersIn: "·,;:()—–|/«»\"“”[]…=").union(.newlines)

    static func isVietnamese(_ text: String) -> Bool { text.unicodeScalars.contains { vietnameseLetters.contains($0) } }

    static func segments(_ text: String) -> [String] {
        text.components(separatedBy: separators).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Every text stored in the database, whole and cut at the separators, trimmed.
    static func data(_ database: AppDatabase) async throws -> Set<String> {
        try await database.read { db in
            var values = Set<String>()
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'")
            for table in tables {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\"\(table)\")").map { $0["name"] as String }
                for column in columns {
                    for value in try String.fetchAll(db, sql: "SELECT DISTINCT \"\(column)\" FROM \"\(table)\" WHERE typeof(\"\(column)\") = 'text'") {
                        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                        values.insert(trimmed)
                        values.formUnion(segments(trimmed))
                    }
                }
            }
            return values.union(try files())
        }
    }

    /// The commune's own texts kept in data files (observance days, criteria, honour forms, plan and message
    /// templates): each line's value, whole and cut at the separators. The product's name is a name too.
    static func files() throws -> Set<String> {
        var values: Set<String> = Set(["Đèn Sách"] + Settings.known.map(\.defaultValue))
        for folder in ["campaigns", "Templates"] {
            let root = repositoryRoot.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["yaml", "mustache", "md", "txt"].contains(url.pathExtension) {
                for line in try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline) {
                    var text = line.trimmingCharacters(in: .whitespaces)
                    if text.hasPrefix("- ") { text.removeFirst(2) }
                    if let colon = text.range(of: ": "), !text[..<colon.lowerBound].contains(" ") { text = String(text[colon.upperBound...]) }
                    text = text.trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
                    values.insert(text)
                    values.formUnion(segments(text))
                }
            }
        }
        return values
    }

    /// "1.500.000 đ": đ is the currency's sign, in English too.
    static func isMoney(_ text: String) -> Bool {
        text.range(of: #"^([0-9.]+ )?đ$"#, options: .regularExpression) != nil
    }

    /// The texts of a page a person reads: between tags (scripts and styles left out) and in reading attributes.
    static func readableTexts(_ html: String) -> [String] {
        var html = html
        for tag in ["script", "style", "svg", "code"] {  // code: the audience syntax, with example values
            html = html.replacingOccurrences(of: "<\(tag)[^>]*>.*?</\(tag)>", with: " ", options: [.regularExpression, .caseInsensitive])
        }
        html = withoutVietnameseParts(html)
        var texts: [String] = []
        let patterns = [#">([^<>]+)<"#, #"(?:placeholder|title|aria-label|alt)="([^"]*)""#]
        for pattern in patterns {
            let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
            for match in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                guard let range = Range(match.range(at: 1), in: html) else { continue }
                let text = unescape(String(html[range])).trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { texts.append(text) }
            }
        }
        return texts
    }

    /// The page without the elements marked `lang="vi"` (an official document shown inside an English page, the
    /// switch back to Tiếng Việt), each cut to its matching closing tag.
    static func withoutVietnameseParts(_ html: String) -> String {
        var html = html
        while let mark = html.range(of: #"<([a-z0-9]+)[^>]* lang="vi""#, options: .regularExpression) {
            let tag = String(html[mark].dropFirst().prefix { $0.isLetter || $0.isNumber })
            var depth = 0
            var cursor = mark.lowerBound
            var end = html.endIndex
            while let next = html.range(of: #"<\#(tag)[\s>]|</\#(tag)>"#, options: .regularExpression, range: cursor..<html.endIndex) {
                depth += html[next].hasPrefix("</") ? -1 : 1
                cursor = next.upperBound
                if depth == 0 { end = next.upperBound; break }
            }
            html.replaceSubrange(mark.lowerBound..<end, with: " ")
        }
        return html
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Vietnamese texts of a page that are not data.
    static func untranslated(_ html: String, data: Set<String>) -> [String] {
        readableTexts(html).filter(isVietnamese).filter { text in
            !isData(text, data) && segments(text).contains { !isData($0, data) }
        }
    }

    /// Data, or data written beside other data or beside words without Vietnamese letters ("13 cuốn Kính vạn hoa",
    /// "19:00 Giới thiệu sách", "Commune Đăk Tờ Re"): cut at a space into two parts that each pass, two levels deep.
    static func isData(_ text: String, _ data: Set<String>, depth: Int = 0) -> Bool {
        if !isVietnamese(text) || data.contains(text) || isMoney(text) { return true }
        guard depth < 3 else { return false }
        var index = text.startIndex
        while let space = text[index...].firstIndex(of: " ") {
            let left = String(text[..<space]), right = String(text[text.index(after: space)...])
            if isData(left, data, depth: depth + 1) && isData(right, data, depth: depth + 1) { return true }
            index = text.index(after: space)
        }
        return false
    }

    static func demoCommune() async throws -> AppDatabase {
        let database = try AllModules.inMemory()
        _ = try await Bootstrap.seedDemo(database, passwords: Passwords(cost: 4), password: TestCommune.password,
                                        campaignsDirectory: repositoryRoot.appendingPathComponent("campaigns").path)
        let hash = try await Passwords(cost: 4).hash(TestCommune.password)
        try await database.write { db in
            _ = try AccountStore.create(db, login: "admin", displayName: "admin", passwordHash: hash, role: .admin, unitIds: [], by: .system)
        }
        return database
    }

    @Test("Every page in English shows no Vietnamese UI text, only data")
    func everyPageInEnglish() async throws {
        let database = try await Self.demoCommune()
        let data = try await Self.data(database)
        // The detector itself: UI words are caught, data and money pass, a Vietnamese part marked lang="vi" is left out.
        #expect(Self.untranslated("<td>Đang hoạt động</td><td>Tạm dừng · 3</td>", data: data) == ["Đang hoạt động", "Tạm dừng · 3"])
        #expect(Self.untranslated("<td>1.500.000 đ</td><div lang=\"vi\"><p>Quyết định</p></div><p>Active</p>", data: data).isEmpty)
        let router = try await buildRouter(TestCommune.configuration, database: database)
        let routes = router.routes.filter { $0.method == .get }
            .map { "/" + HostileQueryTests.concrete($0.path.description).trimmingCharacters(in: CharacterSet(charactersIn: "/")) }
            .filter { route in !route.hasPrefix("/api") && route != "/language" && route != "/logout" && !Self.vietnameseDocuments.contains { route.hasSuffix($0) } }
        let app = try await buildApplication(TestCommune.configuration, database: database)
        try await app.test(.router) { client in
            let browser = Browser(client, acceptLanguage: "en")
            _ = try await browser.signIn("admin", TestCommune.password)
            var found: [String: Set<String>] = [:]
            for route in routes {
                let response = try await browser.get(route)
                guard response.headers[.contentType]?.hasPrefix("text/html") == true else { continue }
                for text in Self.untranslated(response.text, data: data) { found[text, default: []].insert(route) }
            }
            let report = found.sorted { $0.key < $1.key }.map { "\($0.key)  ← \($0.value.sorted().prefix(3).joined(separator: " "))" }
            #expect(report.isEmpty, "\(report.count) Vietnamese texts on English pages:\n\(report.joined(separator: "\n"))")
        }
    }

    @Test("Every form posted empty in English answers with English field messages")
    func emptyFormsInEnglish() async throws {
        let database = try await Self.demoCommune()
        let router = try await buildRouter(TestCommune.configuration, database: database)
        let routes = router.routes.filter { $0.method == .post }
            .map { "/" + HostileQueryTests.concrete($0.path.description).trimmingCharacters(in: CharacterSet(charactersIn: "/")) }
            .filter { !$0.hasPrefix("/api") && $0 != "/logout" && $0 != "/login" }
        let app = try await buildApplication(TestCommune.configuration, database: database)
        try await app.test(.router) { client in
            let browser = Browser(client, acceptLanguage: "en")
            _ = try await browser.signIn("admin", TestCommune.password)
            var found: [String] = []
            var forms = 0
            let message = try NSRegularExpression(pattern: #"<p class="field-error"[^>]*>([^<]+)<"#)
            for route in routes {
                _ = try await browser.get("/")
                let html = try await browser.post(route, [:]).text
                let matches = message.matches(in: html, range: NSRange(html.startIndex..., in: html))
                if !matches.isEmpty { forms += 1 }
                for match in matches {
                    let text = Self.unescape(String(html[Range(match.range(at: 1), in: html)!]))
                    if Self.isVietnamese(text) { found.append("\(route): \(text)") }
                }
            }
            #expect(forms >= 20, "empty forms that came back with field messages: \(forms)")
            #expect(found.isEmpty, "\(found.count) Vietnamese field messages:\n\(found.joined(separator: "\n"))")
        }
    }
}
