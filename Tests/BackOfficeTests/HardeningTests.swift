import BackOffice
import Clubs
import Composition
import Foundation
import GRDB
import Honours
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import Store
import Testing
import Vietnamese

/// The defects found trying the server as an attacker and a careless client would, each as it was measured.
@Suite("Hardening")
struct HardeningTests {
    static let sneaky = "Lan\"\u{301} autofocus onfocus=alert(1) x="

    /// True when the HTML holds the quote of `sneaky` raw (compared by scalars: as Characters, `"` + U+0301 is
    /// not `"`, which is the very bug).
    static func hasRawQuote(_ html: String) -> Bool {
        let needle = Array("\"\u{301} autofocus".unicodeScalars), hay = Array(html.unicodeScalars)
        guard hay.count >= needle.count else { return false }
        return (0...(hay.count - needle.count)).contains { Array(hay[$0..<$0 + needle.count]) == needle }
    }

    @Test("A quote followed by a combining mark is escaped in a search box and in a name, on every page that shows it")
    func combiningMarksAreEscaped() async throws {
        let commune = try await TestCommune()
        let id = try await commune.database.write { db in
            try PersonStore.create(db, PersonInput(fullName: Self.sneaky, villageId: commune.villageA), by: .system).id!
        }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let search = try await browser.get("/people?q=Lan%22%CC%81%20autofocus%20onfocus%3Dalert(1)%20x%3D").text
            #expect(!Self.hasRawQuote(search))
            #expect(search.unicodeScalars.contains("\u{301}"), "the mark itself stays, after the escaped quote")
            for path in ["/people", "/people/\(id)", "/people/\(id)/edit", "/units/\(commune.villageA)"] {
                let html = try await browser.get(path).text
                #expect(!Self.hasRawQuote(html), "\(path)")
            }
        }
        for (character, entity) in [("\"", "&quot;"), ("'", "&#39;"), ("<", "&lt;"), ("&", "&amp;")] {
            #expect(Array(HTMLEscape.text(character + "\u{301}").unicodeScalars) == Array((entity + "\u{301}").unicodeScalars))
        }
    }

    @Test("A crafted next= never leaves the site, tabs and backslashes included")
    func openRedirect() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            for next in ["/%09/evil.example", "/\t/evil.example", "/\\evil.example", "//evil.example", "https://evil.example", "/%0A/evil"] {
                _ = try await browser.get("/login")
                let response = try await browser.post("/login", ["login": "admin", "password": TestCommune.password,
                                                                "next": next.removingPercentEncoding ?? next])
                #expect(response.location == "/", "\(next.debugDescription) → \(response.location ?? "nil")")
                try await browser.post("/logout", [:])
            }
            _ = try await browser.get("/login")
            #expect(try await browser.post("/login", ["login": "admin", "password": TestCommune.password, "next": "/people?q=an"]).location == "/people?q=an")
        }
    }

    @Test("50 parallel wrong passwords: five are checked, the rest locked out; another source still signs in; failures are audited")
    func throttleHoldsUnderConcurrency() async throws {
        let commune = try await TestCommune()
        var configuration = TestCommune.configuration
        configuration.trustedProxies = ["127.0.0.1", "local"]
        let app = try await buildApplication(configuration, database: commune.database)
        try await app.test(.router) { client in
            let statuses = NIOLockedValueBox<[Int]>([])
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        let browser = Browser(client)
                        browser.extraHeaders.withLockedValue { $0 = ["X-Forwarded-For": "203.0.113.7"] }
                        let status = Int(try await browser.signIn("admin", "sai-mat-khau-123").status.code)
                        statuses.withLockedValue { $0.append(status) }
                    }
                }
                try await group.waitForAll()
            }
            let all = statuses.withLockedValue { $0 }
            #expect(all.filter { $0 == 401 }.count == AccountStore.maxFailures)
            #expect(all.filter { $0 == 429 }.count == 50 - AccountStore.maxFailures)
            // Behind the proxy, the lock is the attacker's address, not everyone's.
            let colleague = Browser(client)
            colleague.extraHeaders.withLockedValue { $0 = ["X-Forwarded-For": "198.51.100.20"] }
            #expect(try await colleague.signIn("admin", TestCommune.password).status == .found)
            let audited = try await commune.database.read {
                try AuditEntry.filter(Column("action") == "login_failed").fetchCount($0)
            }
            #expect(audited == AccountStore.maxFailures)
        }
    }

    @Test("The warning comes before the lock: two attempts left, then one")
    func warnsBeforeLocking() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            var texts: [String] = []
            for _ in 0..<AccountStore.maxFailures { texts.append(try await browser.signIn("xem", "sai-mat-khau-123").text) }
            #expect(texts[2].contains("Còn 2 lần thử"))
            #expect(texts[3].contains("Còn 1 lần thử"))
            #expect(texts[4].contains("bị khóa 15 phút"))
            #expect(try await browser.signIn("xem", TestCommune.password).status == .tooManyRequests)
        }
    }

    @Test("A sign-in form token planted with its own cookie is refused: only tokens the server signed count")
    func plantedLoginToken() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            browser.setCookie("densach_csrf", "chosen-by-someone-else")
            let response = try await browser.post("/login", ["login": "admin", "password": TestCommune.password], csrf: "chosen-by-someone-else")
            #expect(response.status == .forbidden)
            #expect(browser.cookie("densach_session") == nil)
        }
    }

    @Test("Passwords: ten times the same letter, a common one, or more than bcrypt's 72 bytes are refused")
    func passwordRules() {
        #expect(Passwords.problem(with: String(repeating: "a", count: 10)) != nil)
        #expect(Passwords.problem(with: "matkhau2024!") != nil)
        #expect(Passwords.problem(with: String(repeating: "ệ", count: 30))?.contains("72 byte") == true)
        #expect(Passwords.problem(with: "canbo-van-hoa-2026", login: "canbo") != nil)
        #expect(Passwords.problem(with: "Đèn sách 2026 thôn Một") == nil)
    }

    @Test("A known path asked with another method is 405 with Allow; a body over the limit is 413, not 500")
    func methodAndSize() async throws {
        let commune = try await TestCommune()
        let token = try await commune.token("admin")
        try await commune.run { browser in
            browser.bearer.withLockedValue { $0 = token }
            let delete = try await browser.send("/api/v1/people/\(commune.personA)", method: .delete)
            #expect(delete.status == .methodNotAllowed)
            #expect(delete.headers[.allow]?.contains("PATCH") == true && delete.headers[.allow]?.contains("GET") == true)
            #expect(try await browser.send("/api/v1/nothing-here", method: .delete).status == .notFound)
            let big = String(repeating: "a", count: 3 * 1024 * 1024)
            #expect(try await browser.send("/api/v1/people", method: .post, body: big, contentType: "application/json").status == .contentTooLarge)
            browser.bearer.withLockedValue { $0 = nil }
            #expect(try await browser.send("/login", method: .post, body: big, contentType: "application/x-www-form-urlencoded").status == .contentTooLarge)
        }
    }

    @Test("NUL, ANSI escapes and BiDi overrides are refused in names by form and by API; bytes that are not UTF-8 too")
    func inputHygiene() async throws {
        let commune = try await TestCommune()
        let token = try await commune.token("admin")
        try await commune.run { browser in
            _ = try await browser.signIn("admin", TestCommune.password)
            for bad in ["Lan\u{0}", "Lan\u{1B}[31m", "Lan\u{202E}nat", "Lan\u{2066}"] {
                _ = try await browser.get("/people/new")
                let response = try await browser.post("/people", ["fullName": bad, "gender": "female", "villageId": String(commune.villageA)])
                #expect(response.status == .unprocessableContent, "\(bad.unicodeScalars.map(\.value))")
                #expect(response.text.contains("U+"))
            }
            #expect(try await commune.personCount() == 2)
            browser.bearer.withLockedValue { $0 = token }
            let api = try await browser.send("/api/v1/people", method: .post, body: #"{"fullName":"Lan\u202Enat"}"#, contentType: "application/json")
            #expect(api.status == .unprocessableContent)
            let notUTF8 = try await browser.send("/api/v1/people", method: .post, bytes: [0x7B, 0x22, 0x66, 0xFF, 0xFE, 0x22, 0x7D], contentType: "application/json")
            #expect(notUTF8.status == .unprocessableContent)
            #expect(try await commune.personCount() == 2)
        }
    }

    @Test("A unit tree is at most eight levels deep: the ninth is refused with a message")
    func unitDepth() async throws {
        let commune = try await TestCommune()
        let result = try await commune.database.write { db -> (Int64, DomainError?) in
            var parent = commune.villageA  // commune › Thôn A: depth 1
            for level in 2...UnitStore.maxDepth {
                parent = try UnitStore.create(db, UnitInput(name: "Cấp \(level)", kind: "other", parentId: parent), by: .system).id!
            }
            do {
                _ = try UnitStore.create(db, UnitInput(name: "Quá sâu", kind: "other", parentId: parent), by: .system)
                return (parent, nil)
            } catch let error as DomainError {
                return (parent, error)
            }
        }
        #expect(result.1?.fieldErrors["parentId"]?.contains("tối đa") == true)
    }

    @Test("An editor cannot add another village's resident to a club, nor propose them for an honour")
    func scopeByIdentifier() async throws {
        let commune = try await TestCommune()
        let forms = try HonourForms(path: repositoryRoot.appendingPathComponent("campaigns/honours.yaml").path)
        let errors = try await commune.database.write { db -> [DomainError?] in
            let house = try UnitStore.create(db, UnitInput(name: "NVH A", kind: "cultural_house", parentId: commune.villageA), by: .system).id!
            // An editor's units are their village and everything below it.
            let editor = Principal(accountId: nil, login: "thona", displayName: "Thôn A", role: .editor, unitIds: [commune.villageA, house])
            let club = try ClubStore.create(db, ClubInput(name: "CLB Đọc sách", unitId: house, kind: "club", field: "reading",
                                                          ageGroups: [AgeGroup.allCases[0].rawValue]), by: .system).id!
            func refusal(_ work: () throws -> Void) -> DomainError? {
                do { try work(); return nil } catch { return error as? DomainError }
            }
            return [
                refusal { _ = try ClubStore.addMember(db, clubId: club, personId: commune.personB, role: .member, joinedOn: CivilDate(year: 2025, month: 1, day: 5)!, by: editor) },
                refusal { _ = try NominationStore.create(db, .init(year: 2025, recipientKind: "individual", recipientId: commune.personB,
                                                                  achievement: "Tích cực tham gia phong trào đọc sách.", formKey: "giay-khen-xa",
                                                                  proposingUnitId: commune.villageA), forms: forms, by: editor) },
                refusal { _ = try ClubStore.addMember(db, clubId: club, personId: commune.personA, role: .member, joinedOn: CivilDate(year: 2025, month: 1, day: 5)!, by: editor) },
            ]
        }
        #expect(errors[0]?.kind == .forbidden)
        #expect(errors[1]?.kind == .forbidden)
        #expect(errors[2] == nil, "their own resident is fine")
    }

    @Test("A viewer's POST to mark letters sent is refused and leaves no audit entry")
    func lettersRefusal() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("xem", TestCommune.password)
            _ = try await browser.get("/people")
            #expect(try await browser.post("/donations/letters", ["id": "1"]).status == .forbidden)
        }
        let exports = try await commune.database.read { try AuditEntry.filter(Column("entity") == "thankYouLetter").fetchCount($0) }
        #expect(exports == 0)
    }

    @Test("A javascript: link is refused as nomination evidence")
    func evidenceLinks() async throws {
        let commune = try await TestCommune()
        let forms = try HonourForms(path: repositoryRoot.appendingPathComponent("campaigns/honours.yaml").path)
        let refused = try await commune.database.write { db -> Bool in
            let nomination = try NominationStore.create(db, .init(year: 2025, recipientKind: "individual", recipientId: commune.personA,
                                                                  achievement: "Tích cực tham gia phong trào đọc sách.", formKey: "giay-khen-xa",
                                                                  proposingUnitId: commune.villageA), forms: forms, by: .system)
            _ = try NominationStore.addEvidence(db, nominationId: nomination.id!, kind: "link", refId: nil, link: "https://xa.gov.vn/tin/1", note: nil, by: .system)
            do {
                _ = try NominationStore.addEvidence(db, nominationId: nomination.id!, kind: "link", refId: nil, link: "javascript:alert(1)", note: nil, by: .system)
                return false
            } catch let error as DomainError { return error.fieldErrors["link"] != nil }
        }
        #expect(refused)
    }

    @Test("Discipline and investigation flags on a nomination are shown to commune roles, not to a viewer")
    func flagsForCommuneRolesOnly() async throws {
        let commune = try await TestCommune()
        let forms = try HonourForms(path: repositoryRoot.appendingPathComponent("campaigns/honours.yaml").path)
        let id = try await commune.database.write { db -> Int64 in
            _ = try Discipline.flag(db, personId: commune.personA, kind: "investigation", since: "01/01/2025", until: nil, note: "Đang xác minh", by: .system)
            return try NominationStore.create(db, .init(year: 2025, recipientKind: "individual", recipientId: commune.personA,
                                                        achievement: "Tích cực tham gia phong trào đọc sách.", formKey: "giay-khen-xa",
                                                        proposingUnitId: commune.villageA), forms: forms, by: .system).id!
        }
        try await commune.run { browser in
            _ = try await browser.signIn("xem", TestCommune.password)
            let viewer = try await browser.get("/honours/nominations/\(id)")
            #expect(viewer.status == .ok)
            #expect(!viewer.text.contains("form-error\" role=\"alert\""))
            try await browser.post("/logout", [:])
            _ = try await browser.signIn("canbo", TestCommune.password)
            #expect(try await browser.get("/honours/nominations/\(id)").text.contains("form-error\" role=\"alert\""))
        }
    }

    @Test("The calendar page hands out a feed address with a calendar token that opens the feed and nothing else")
    func calendarFeedToken() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            _ = try await browser.get("/campaigns/calendar")
            let page = try await browser.post("/campaigns/calendar/feed", [:]).text
            let token = try #require(page.range(of: #"token=(cal_[A-Za-z0-9_-]+)"#, options: .regularExpression).map { String(page[$0].dropFirst(6)) })
            try await browser.post("/logout", [:])
            #expect(try await browser.get("/calendar/all.ics?token=\(token)").status == .ok)
            browser.bearer.withLockedValue { $0 = token }
            #expect(try await browser.get("/api/v1/people").status == .unauthorized)
        }
    }
}
