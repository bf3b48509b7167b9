import BackOffice
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Store
import Testing

@Suite("Changing one's own password")
struct OwnPasswordTests {
    /// An account made by the admin on the accounts page: its password is shown once and is a one-time one.
    func newAccount(_ browser: Browser) async throws -> String {
        _ = try await browser.signIn("admin", TestCommune.password)
        _ = try await browser.get("/accounts/new")
        let page = try await browser.post("/accounts", ["login": "thuvien", "displayName": "Thủ thư", "role": "viewer"]).text
        let secret = try #require(page.range(of: #"<code>([^<]+)</code>"#, options: .regularExpression).map {
            String(page[$0].dropFirst(6).dropLast(7))
        })
        try await browser.post("/logout", [:])
        return secret
    }

    @Test("A one-time password leads every page to the change; a weak or mistyped new one is refused; then work goes on")
    func oneTimePasswordMustBeChanged() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            let secret = try await newAccount(browser)
            let signedIn = try await browser.signIn("thuvien", secret)
            #expect(signedIn.status == .found)
            let people = try await browser.get("/people")
            #expect(people.status == .found && people.location == "/account/password")
            let form = try await browser.get("/account/password")
            #expect(form.status == .ok && form.text.contains("mật khẩu dùng một lần"))
            #expect(try await browser.post("/account/password",
                                           ["current": "sai-mat-khau", "new": "Thư viện xã 2026",
                                            "repeat": "Thư viện xã 2026"]).status == .unprocessableContent)
            #expect(try await browser.post("/account/password", ["current": secret, "new": "aaaaaaaaaa", "repeat": "aaaaaaaaaa"]).status == .unprocessableContent)
            #expect(try await browser.post("/account/password", ["current": secret, "new": "Thư viện xã 2026", "repeat": "Thư viện xã 2027"]).status == .unprocessableContent)
            let changed = try await browser.post("/account/password", ["current": secret, "new": "Thư viện xã 2026", "repeat": "Thư viện xã 2026"])
            #expect(changed.status == .found && changed.location == "/?msg=password")
            #expect(try await browser.get("/people").status == .ok, "this browser stays signed in and may work")
            try await browser.post("/logout", [:])
            #expect(try await browser.signIn("thuvien", secret).status == .unauthorized, "the one-time password is gone")
            #expect(try await browser.signIn("thuvien", "Thư viện xã 2026").location == "/")
        }
    }

    @Test("Anyone may change their own password from the link on their name; other sessions end")
    func changeOwnPassword() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("xem", TestCommune.password)
            #expect(try await browser.get("/people").text.contains(#"href="/account/password""#))
            let other = Browser(browser.client)
            _ = try await other.signIn("xem", TestCommune.password)
            _ = try await browser.get("/account/password")
            #expect(try await browser.post("/account/password", ["current": TestCommune.password, "new": "Lãnh đạo xã 2026", "repeat": "Lãnh đạo xã 2026"]).status == .found)
            #expect(try await browser.get("/people").status == .ok)
            #expect(try await other.get("/people").status == .found, "the other browser was signed out")
        }
    }
}
