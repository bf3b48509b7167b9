import BackOffice
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Vietnamese

/// Ten key pages in Vietnamese and English at a fixed date, compared with the HTML kept in `Snapshots/`: a change a
/// person would see (a label, an attribute, a menu entry, `hreflang` rendering empty…) shows up as a diff to review.
/// After a deliberate change, rerun with `DENSACH_RECORD_SNAPSHOTS=1 swift test --filter PageSnapshot` and commit the
/// files. Values that differ on every run (CSRF and sign-in tokens, record versions, clock times) are masked.
@Suite("Page snapshots")
struct PageSnapshotTests {
    /// 1 December 2026, 10:00 in Vietnam.
    static let instant = Date(timeIntervalSince1970: 1_796_094_000)
    static let folder = repositoryRoot.appendingPathComponent("Tests/BackOfficeTests/Snapshots")
    static let recording = ProcessInfo.processInfo.environment["DENSACH_RECORD_SNAPSHOTS"] == "1"

    static func pages(_ commune: TestCommune) -> [(name: String, path: String)] {
        [("dashboard", "/"), ("people", "/people"), ("person", "/people/\(commune.personA)"), ("units", "/units"),
         ("unit", "/units/\(commune.villageA)"), ("campaigns", "/campaigns"), ("calendar", "/campaigns/calendar"),
         ("clubs", "/clubs"), ("donations", "/donations"), ("messages", "/messages")]
    }

    /// What changes from run to run without anyone changing the page.
    static func masked(_ html: String) -> String {
        var text = html
        for (pattern, replacement) in [
            (#"name="(_csrf|_login|version)" value="[^"]*""#, #"name="$1" value="…""#),
            (#"\b\d{2}:\d{2}\b"#, "hh:mm"),
            // The audit log's entries are stamped by the real clock (the setup's writes), not the page's fixed day.
            (#"\b\d{2}/\d{2}/\d{4} hh:mm"#, "dd/MM/yyyy hh:mm"),
        ] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    @Test("Ten key pages render as recorded, in Vietnamese and English, on 01/12/2026")
    func keyPages() async throws {
        #expect(WallClock.fixed(Self.instant).today() == CivilDate(year: 2026, month: 12, day: 1))
        let commune = try await TestCommune()
        var configuration = TestCommune.configuration
        configuration.clock = .fixed(Self.instant)
        let app = try await buildApplication(configuration, database: commune.database)
        var differences: [String] = []
        for language in ["vi", "en"] {
            differences += try await app.test(.router) { client -> [String] in
                var differences: [String] = []
                let browser = Browser(client, acceptLanguage: language)
                _ = try await browser.signIn("admin", TestCommune.password)
                for page in Self.pages(commune) {
                    let response = try await browser.get(page.path)
                    #expect(response.status == .ok, "\(page.path)")
                    let html = Self.masked(response.text)
                    let file = Self.folder.appendingPathComponent("\(page.name).\(language).html")
                    if Self.recording {
                        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
                        try html.write(to: file, atomically: true, encoding: .utf8)
                    } else if let recorded = try? String(contentsOf: file, encoding: .utf8) {
                        if recorded != html { differences.append(Self.firstDifference(file.lastPathComponent, recorded, html)) }
                    } else {
                        differences.append("\(file.lastPathComponent): no snapshot recorded (DENSACH_RECORD_SNAPSHOTS=1)")
                    }
                }
                return differences
            }
        }
        #expect(differences.isEmpty, "\(differences.count) pages changed:\n\(differences.joined(separator: "\n"))")
    }

    /// The first line that differs, both ways, so the failure says what changed without a diff tool.
    static func firstDifference(_ name: String, _ recorded: String, _ now: String) -> String {
        let old = recorded.components(separatedBy: "\n"), new = now.components(separatedBy: "\n")
        let index = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        func line(_ lines: [String]) -> String { index < lines.count ? String(lines[index].prefix(300)) : "(end)" }
        return "\(name) line \(index + 1):\n  recorded: \(line(old))\n  now:      \(line(new))"
    }
}
