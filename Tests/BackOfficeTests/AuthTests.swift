import BackOffice
import Composition
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import Store
import Testing

@Suite("Signing in, sessions, CSRF, throttling")
struct AuthTests {
    @Test("Anonymous visitors are sent to the login page; a right password signs in and lands where they wanted")
    func signIn() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            let redirect = try await browser.get("/people")
            #expect(redirect.status == .found)
            #expect(redirect.location == "/login?next=%2Fpeople")
            try await browser.get("/login")
            let response = try await browser.post("/login", ["login": "admin", "password": TestCommune.password, "next": "/people"])
            #expect(response.status == .found)
            #expect(response.location == "/people")
            let setCookie = response.headers[values: .setCookie].first { $0.hasPrefix("densach_session=") } ?? ""
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"))
            let people = try await browser.get("/people")
            #expect(people.status == .ok)
            #expect(people.text.contains("Nguyễn Văn An"))
        }
    }

    @Test("A wrong password is refused with a message; a crafted next= cannot leave the site")
    func wrongPassword() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            let wrong = try await browser.signIn("admin", "sai-mat-khau")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("Tên đăng nhập hoặc mật khẩu không đúng"))
            try await browser.get("/login")
            let outside = try await browser.post("/login", ["login": "admin", "password": TestCommune.password, "next": "//evil.example/x"])
            #expect(outside.location == "/")
        }
    }

    @Test("Five failures lock the account from that address for 15 minutes, even with the right password")
    func throttling() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            for _ in 0..<5 { _ = try await browser.signIn("canbo", "sai") }
            let locked = try await browser.signIn("canbo", TestCommune.password)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("thử lại sau 15 phút"))
            #expect(browser.cookie("densach_session") == nil)
        }
    }

    @Test("A form posted without the CSRF token is refused and changes nothing")
    func csrfRefusal() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("admin", TestCommune.password)
            let before = try await commune.personCount()
            let forged = try await browser.post("/people", ["fullName": "Kẻ Giả Mạo", "villageId": String(commune.villageA)], csrf: "forged")
            #expect(forged.status == .forbidden)
            #expect(forged.text.contains("mã chống giả mạo CSRF"))
            #expect(try await commune.personCount() == before)
            let loginForged = try await browser.post("/logout", [:], csrf: "")
            #expect(loginForged.status == .forbidden)
        }
    }

    @Test("Signing out ends the session on the server: the old cookie no longer works")
    func signOut() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("admin", TestCommune.password)
            let cookie = try #require(browser.cookie("densach_session"))
            try await browser.get("/")
            #expect(try await browser.post("/logout", [:]).location == "/login")
            browser.setCookie("densach_session", cookie)
            #expect(try await browser.get("/").status == .found)
        }
    }

    @Test("Sessions idle past the limit are removed from the store at the next sign-in")
    func idleSessionsPurged() async throws {
        let commune = try await TestCommune()
        let stale = try await commune.database.write { db -> String in
            let admin = try AccountStore.find(db, login: "admin")!
            let opened = try AccountStore.openSession(db, accountId: admin.id!, now: Date().addingTimeInterval(-3 * 86400))
            return Secrets.sha256(opened.cookie)
        }
        try await commune.run { browser in
            let response = try await browser.signIn("canbo", TestCommune.password)
            #expect(response.status == .found)
        }
        let remaining = try await commune.database.read { db in
            try String.fetchAll(db, sql: "SELECT idHash FROM webSession")
        }
        #expect(!remaining.contains(stale))
        #expect(remaining.count == 1)
    }

    @Test("Sessions are kept in SQLite and survive a restart of the server")
    func sessionsSurviveRestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("session-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let commune = try await TestCommune(database: try AllModules.open(path: path))
        let cookie = NIOLockedBox<String?>(nil)
        try await commune.run { browser in
            _ = try await browser.signIn("admin", TestCommune.password)
            cookie.set(browser.cookie("densach_session"))
        }
        let restarted = try await buildApplication(TestCommune.configuration, database: try AllModules.open(path: path))
        try await restarted.test(.router) { client in
            let browser = Browser(client)
            browser.setCookie("densach_session", try #require(cookie.get()))
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            #expect(page.text.contains("Tổng quan"))
        }
    }

    @Test("The first start creates an admin with a one-time password; a second start creates nothing")
    func bootstrapAdmin() async throws {
        let database = try AllModules.inMemory()
        let first = try await Bootstrap.ensureAdmin(database, passwords: Passwords(cost: 4), password: nil)
        let second = try await Bootstrap.ensureAdmin(database, passwords: Passwords(cost: 4), password: nil)
        #expect(first?.logins == ["admin"])
        #expect((first?.password.count ?? 0) >= 12)
        #expect(second == nil)
        let account = try await database.read { try AccountStore.find($0, login: "admin") }
        #expect(account?.passwordHash.hasPrefix("$2") == true)
        #expect(account?.passwordHash.contains(first!.password) == false)
    }
}

/// A value shared between test closures.
final class NIOLockedBox<T: Sendable>: Sendable {
    private let box: NIOLockedValueBox<T>
    init(_ value: T) { box = NIOLockedValueBox(value) }
    func set(_ value: T) { box.withLockedValue { $0 = value } }
    func get() -> T { box.withLockedValue { $0 } }
}
