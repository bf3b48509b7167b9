import BackOffice
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Store
import Testing

@Suite("Pages")
struct PagesTests {
    @Test("Creating a person through the form saves it, shows it, and writes an audit row naming the account")
    func createPerson() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            try await browser.get("/people/new")
            let created = try await browser.post("/people", [
                "fullName": "Đinh Thị Hơ", "gender": "female", "birthDate": "05/02/1990", "villageId": String(commune.villageA),
                "phone": "0905 111 222",
            ])
            #expect(created.status == .found)
            let location = try #require(created.location)
            let page = try await browser.get(location)
            #expect(page.text.contains("Đinh Thị Hơ"))
            #expect(page.text.contains("05/02/1990"))
            #expect(page.text.contains("0905 111 222"))
            #expect(page.text.contains("Đã tạo mới"))
            let audit = try await commune.database.read { try AuditEntry.filter(Column("entity") == "person").order(Column("id").desc).fetchOne($0) }
            #expect(audit?.actor == "thona")
            #expect(audit?.action == "create")
        }
    }

    @Test("A bad form comes back with each error next to its field and the typed values kept")
    func formErrors() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("admin", TestCommune.password)
            try await browser.get("/people/new")
            let response = try await browser.post("/people", ["fullName": "Hà Văn Tèo", "phone": "0212345678", "birthYear": "3000"])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("Số máy cố định (đầu 02) không nhận được tin nhắn SMS"))
            #expect(response.text.contains("Năm sinh phải là số có 4 chữ số"))
            #expect(response.text.contains(#"value="Hà Văn Tèo""#))
            #expect(response.text.contains(#"aria-describedby="phone-err""#))
        }
    }

    @Test("Names are HTML-escaped everywhere they are shown")
    func escaping() async throws {
        let commune = try await TestCommune()
        let id = try await commune.database.write {
            try PersonStore.create($0, PersonInput(fullName: "<script>alert('x')</script> Lò", villageId: commune.villageA), by: .system).id!
        }
        try await commune.run { browser in
            _ = try await browser.signIn("admin", TestCommune.password)
            for path in ["/people/\(id)", "/people?q=lo"] {
                let page = try await browser.get(path)
                #expect(!page.text.contains("<script>alert"))
                #expect(page.text.contains("&lt;script&gt;"))
            }
        }
    }

    @Test("Search ignores tones and đ: 'dinh' finds Đinh, 'Nguyen van an' finds Nguyễn Văn An")
    func search() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("admin", TestCommune.password)
            let page = try await browser.get("/people?q=nguyen+van+an")
            #expect(page.text.contains("Nguyễn Văn An"))
            #expect(page.text.contains(#"value="nguyen van an""#))
            #expect(!page.text.contains("Trần Thị Bình"))
        }
    }

    @Test("Long lists page: a next link keeps the filter, and the second page shows the rest")
    func paging() async throws {
        let commune = try await TestCommune()
        try await commune.database.write { db in
            for number in 1...55 {
                _ = try PersonStore.create(db, PersonInput(fullName: "Lê Văn Số \(number)", villageId: commune.villageA), by: .system)
            }
        }
        try await commune.run { browser in
            _ = try await browser.signIn("admin", TestCommune.password)
            let first = try await browser.get("/people?village=\(commune.villageA)")
            #expect(first.text.contains("Có 56 người"))
            #expect(first.text.contains(#"href="/people?page=2&amp;village=\#(commune.villageA)" rel="next""#))
            let second = try await browser.get("/people?page=2&village=\(commune.villageA)")
            #expect(second.text.contains("Trang 2 / 2"))
            #expect(second.text.contains("Lê Văn Số 55"))
            #expect(!second.text.contains(#"rel="next""#))
        }
    }

    @Test("The dashboard shows real counts from the store")
    func dashboard() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("admin", TestCommune.password)
            let page = try await browser.get("/")
            #expect(page.text.contains(#"<span class="value">2</span><span class="label">Người dân</span>"#))
            #expect(page.text.contains(#"<span class="value">2</span><span class="label">Thôn, làng</span>"#))
            #expect(page.text.contains(#"<span class="value">0</span><span class="label">Câu lạc bộ, lớp, nhóm</span>"#))
            #expect(page.text.contains(#"<span class="value">0,0%</span><span class="label">Nhà văn hóa có CLB hoạt động thường xuyên</span>"#))
        }
    }

    @Test("Every module the navigation shows is a working page; the old \"not built yet\" pages are gone")
    func everyModuleBuilt() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("admin", TestCommune.password)
            let home = try await browser.get("/")
            let links = home.text.components(separatedBy: "<li><a href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
            #expect(links.contains("/socialization") && links.contains("/honours") && links.contains("/recognition"))
            for link in links { #expect(try await browser.get(link).status == .ok, "\(link)") }
            #expect(try await browser.get("/modules/recognition").status == .notFound)
        }
    }

    @Test("Accept-Language: en gives English pages; the language link switches with a cookie")
    func english() async throws {
        let commune = try await TestCommune()
        try await commune.run({ browser in
            let login = try await browser.get("/login")
            #expect(login.text.contains("Sign in"))
            #expect(login.text.contains(#"<html lang="en">"#))
            try await browser.get("/language?to=vi")
            #expect(try await browser.get("/login").text.contains("Đăng nhập"))
        }, language: "en-US,en;q=0.9")
    }

    @Test("Settings are saved, audited, and bad values refused")
    func settings() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let form = try await browser.get("/settings")
            #expect(form.text.contains("Đăk Tờ Re"))
            #expect(!form.text.contains("setting_"), "every setting has its label, none shows its key")
            #expect(form.text.contains(#"<option value="vi-vn-x-south">Giọng miền Nam</option>"#), "the voice is chosen from the three")
            var values: [String: String] = [:]
            for key in Settings.known { values[key.name] = key.defaultValue }
            values["commune.name"] = "Đăk Tờ Re mới"
            values["report.deadline"] = "31/13"
            #expect(try await browser.post("/settings", values).status == .unprocessableContent)
            values["report.deadline"] = "15/11"
            #expect(try await browser.post("/settings", values).status == .found)
            let saved = try await commune.database.read { try Settings.value($0, Settings.communeName) }
            #expect(saved == "Đăk Tờ Re mới")
        }
    }

    @Test("Every page response carries the security headers")
    func securityHeaders() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            let page = try await browser.get("/login")
            #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            let health = try await browser.get("/healthz")
            #expect(health.status == .ok && health.text == "ok\n")
            let css = try await browser.get("/static/app.css")
            #expect(css.status == .ok && css.text.contains("@media print"))
        }
    }

    @Test("An admin creates an account and sees its one-time password once; the account can sign in")
    func accounts() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("admin", TestCommune.password)
            try await browser.get("/accounts/new")
            let created = try await browser.post("/accounts", ["login": "thonb", "displayName": "Trưởng thôn B", "role": "editor",
                                                               "unitIds": String(commune.villageB)])
            #expect(created.status == .ok)
            let password = try #require(created.text.range(of: #"<code>([^<]+)</code>"#, options: .regularExpression)
                .map { String(created.text[$0].dropFirst(6).dropLast(7)) })
            let units = try await commune.database.read { db in try AccountStore.unitIds(db, accountId: try AccountStore.find(db, login: "thonb")!.id!) }
            #expect(units == [commune.villageB])
            try await browser.post("/logout", [:])
            #expect(try await browser.signIn("thonb", password).status == .found)
            // A one-time password: the owner chooses their own first (OwnPasswordTests), then works in their scope.
            _ = try await browser.get("/account/password")
            #expect(try await browser.post("/account/password", ["current": password, "new": "Trưởng thôn B 2026", "repeat": "Trưởng thôn B 2026"]).status == .found)
            #expect(try await browser.get("/people/\(commune.personB)").status == .ok)
            #expect(try await browser.get("/people/\(commune.personA)").status == .forbidden)
        }
    }
}

@Suite("Templates and strings")
struct TemplateTests {
    @Test("Every UI string used by a template exists in Vietnamese and in English")
    func stringsComplete() throws {
        let web = repositoryRoot.appendingPathComponent("web")
        let pages = try FileManager.default.contentsOfDirectory(atPath: web.appendingPathComponent("pages").path).filter { $0.hasSuffix(".mustache") }
        var used = Set<String>()
        for page in pages {
            let text = try String(contentsOf: web.appendingPathComponent("pages/\(page)"), encoding: .utf8)
            for match in text.matches(of: /\{\{[#^\/]?t\.([A-Za-z_]+)\}\}/) { used.insert(String(match.1)) }
        }
        #expect(used.count > 100)
        for language in ["vi", "en"] {
            let text = try String(contentsOf: web.appendingPathComponent("i18n/\(language).strings"), encoding: .utf8)
            let keys = Set(text.split(separator: "\n").compactMap { $0.split(separator: "=").first?.trimmingCharacters(in: .whitespaces) })
            #expect(used.subtracting(keys).sorted() == [], "missing in \(language).strings")
        }
    }

    @Test("A missing template stops the server at start with a message naming it")
    func missingTemplate() async throws {
        var configuration = TestCommune.configuration
        configuration.webDirectory = FileManager.default.temporaryDirectory.path
        await #expect(throws: (any Error).self) { _ = try await Views(configuration: configuration) }
    }
}

@Suite("The people list kept between visits")
struct PeopleListCacheTests {
    @Test("A kept list is not shown to an account that may see less, and a new person appears at once")
    func keptListFollowsScopeAndWrites() async throws {
        let commune = try await TestCommune()
        try await commune.database.write {
            _ = try PersonStore.create($0, PersonInput(fullName: "Vừ Thị Hoa", villageId: commune.villageB), by: .system)
        }
        try await commune.run { admin in
            _ = try await admin.signIn("admin", TestCommune.password)
            #expect(try await admin.get("/people?q=hoa").text.contains("Vừ Thị Hoa"))

            let editor = Browser(admin.client)
            _ = try await editor.signIn("thona", TestCommune.password)
            #expect(!(try await editor.get("/people?q=hoa").text.contains("Vừ Thị Hoa")))

            try await commune.database.write {
                _ = try PersonStore.create($0, PersonInput(fullName: "Sùng Thị Hoa", villageId: commune.villageB), by: .system)
            }
            #expect(try await admin.get("/people?q=hoa").text.contains("Sùng Thị Hoa"))
        }
    }
}
