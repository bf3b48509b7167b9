import BackOffice
import Foundation
import Hummingbird
import HummingbirdTesting
import Store
import Testing

/// Every GET the router serves, fed the values that used to trap the server (SIGILL from a force-unwrap or an
/// overflow) or hang it: the answer is always a page or a 400/404, never a 5xx. A trap here ends the test process,
/// so a regression cannot pass quietly.
@Suite("Hostile query values")
struct HostileQueryTests {
    /// Path parameters filled with something that exists or at least parses.
    static func concrete(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part -> String in
            guard part.hasPrefix(":") || part.hasPrefix("{") else { return String(part) }  // `{id}` as RouterPath prints it
            switch part.trimmingCharacters(in: CharacterSet(charactersIn: ":{}")) {
            case "year": return "2025"
            case "file": return "1.ics"
            case "key": return "doc-sach"
            default: return "1"
            }
        }.joined(separator: "/")
    }

    static let numericParameters = ["year", "page", "perPage", "village", "unit", "campaign", "sponsor", "person", "library",
                                    "account", "parent", "nomination", "pledge", "volunteer", "activity"]
    static let outOfRange = ["0", "-1", "10000", "99999999", "-9223372036854775808", "9223372036854775807", "1e3", "%00", "abc"]
    static let edges = ["year=1900", "year=2100", "page=1000000", "perPage=500", "date=31/12/9999", "date=00/00/0000",
                        "village=9223372036854775807", "q=%22%CC%81%3Cb%3E", "msg=%00", "to=%0A",
                        // Non-Latin combining marks inside a word: the search index splits there (once a 500 on every search box).
                        "q=x%E0%AD%83y", "q=x%D9%8Ey", "q=Nguy%E1%BB%85n%20x%E0%A4%BEy"]

    func getRoutes(_ commune: TestCommune) async throws -> [String] {
        let router = try await buildRouter(TestCommune.configuration, database: commune.database)
        return router.routes.filter { $0.method == .get }.map { "/" + Self.concrete($0.path.description).trimmingCharacters(in: CharacterSet(charactersIn: "/")) }
    }

    @Test("No GET answers 5xx for out-of-range, overflowing or malformed numbers, as viewer or admin")
    func noCrashOnAnyGet() async throws {
        let commune = try await TestCommune()
        let routes = try await getRoutes(commune)
        #expect(routes.count > 100)
        #expect(!routes.contains { $0.contains("{") || $0.contains(":") }, "every path parameter filled")
        try await commune.run { browser in
            for login in ["xem", "admin"] {
                _ = try await browser.signIn(login, TestCommune.password)
                let token = try await commune.token(login)
                browser.bearer.withLockedValue { $0 = token }
                var failures: [String] = []
                for route in routes {
                    var queries = Self.outOfRange.map { value in Self.numericParameters.map { "\($0)=\(value)" }.joined(separator: "&") }
                    queries += Self.edges
                    for query in queries {
                        let uri = route + "?" + query
                        let status = try await browser.get(uri).status
                        if status.code >= 500 { failures.append("\(status.code) \(uri)") }
                    }
                }
                #expect(failures.isEmpty, "as \(login): \(failures.prefix(10))")
                try await browser.post("/logout", [:])
            }
        }
    }

    @Test("A year out of range is a 400 that names the parameter, in the API as JSON and on pages as a page")
    func clearMessage() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("xem", TestCommune.password)
            let token = try await commune.token("xem")
            browser.bearer.withLockedValue { $0 = token }
            let api = try await browser.get("/api/v1/indicators?year=0")
            #expect(api.status == .badRequest)
            #expect(api.text.contains("\"error\"") && api.text.contains("year"))
            let page = try await browser.get("/recognition/indicators?year=99999999")
            #expect(page.status == .badRequest)
            #expect(page.text.contains("year") && page.text.contains("1900"))
            #expect(try await browser.get("/people?page=9223372036854775807").status == .badRequest)
            #expect(try await browser.get("/people?page=3").status == .ok)
            #expect(try await browser.get("/honours/roll/0").status == .notFound)
        }
    }
}
