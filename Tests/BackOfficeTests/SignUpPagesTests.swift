import BackOffice
import Clubs
import Foundation
import GRDB
import SignUp
import Store
import Testing
import Vietnamese

@Suite("Public sign-up pages")
struct SignUpPagesTests {
    /// A club of village A's editor with a page open for sign-up; its id and code.
    static func openClubPage(_ commune: TestCommune, capacity: Int? = nil) async throws -> (formId: Int64, code: String) {
        try await commune.database.write { db in
            let house = try UnitStore.create(db, UnitInput(name: "Nhà văn hóa thôn A", kind: "cultural_house", parentId: commune.villageA), by: .system).id!
            let club = try ClubStore.create(db, ClubInput(name: "CLB Đọc sách thôn A", unitId: house, kind: "club", field: "reading",
                                                          ageGroups: ["adults"], schedule: "19h30 thứ Bảy"), by: .system).id!
            let form = try SignUpForms.open(db, .init(kind: .club, targetId: club, channels: [.sms], capacity: capacity.map(String.init)), by: .system)
            return (form.id!, form.code)
        }
    }

    static func entries(_ commune: TestCommune) async throws -> [SignUpEntry] {
        try await commune.database.read { try SignUpEntry.order(Column("id")).fetchAll($0) }
    }

    @Test("Without an account: the form, a slip answered in the field's words, a sign-up kept for review, the thanks page repeating nothing typed")
    func publicForm() async throws {
        let commune = try await TestCommune()
        let (_, code) = try await Self.openClubPage(commune)
        try await commune.run { browser in
            let page = try await browser.get("/s/\(code)")
            #expect(page.status == .ok)
            #expect(page.text.contains("Đăng ký vào CLB Đọc sách thôn A") && page.text.contains("19h30 thứ Bảy"))
            #expect(page.text.contains("Tôi đồng ý nhận tin nhắn SMS của Ủy ban nhân dân xã Đăk Tờ Re tới số điện thoại đã ghi, để nhận thông báo"))
            #expect(page.text.contains(#"name="website""#), "the honeypot")
            // The page is kept rendered; the visitor's own token is written in each time, the same one as in the cookie.
            #expect(!page.text.contains("densach-visitor-form-token"))
            let again = try await browser.get("/s/\(code)")
            let token = try #require(browser.cookie("densach_csrf"))
            #expect(again.text.contains(#"name="_csrf" value="\#(token)""#))
            #expect(!page.text.contains("<script") || page.text.contains("print.js"), "no script the form needs")
            #expect(try await browser.get("/s/zzzzzzzz").status == .notFound)
            #expect(try await browser.get("/people").status != .ok, "the page signs no one in")

            _ = try await browser.get("/s/\(code)")
            let slip = try await browser.post("/s/\(code)", ["fullName": "Lê Thị <b>Mai</b>", "birthYear": "1990", "villageId": String(commune.villageA),
                                                             "phone": "0531234567", "consent": "sms"])
            #expect(slip.status == .unprocessableContent && slip.text.contains("053"))
            #expect(slip.text.contains("Lê Thị &lt;b&gt;Mai&lt;/b&gt;"), "what was typed comes back escaped")
            let sent = try await browser.post("/s/\(code)", ["fullName": "Lê Thị Mai", "birthYear": "1990", "villageId": String(commune.villageA),
                                                             "phone": "0905 123 456", "consent": "sms"])
            #expect(sent.status == .found && sent.headers[.location] == "/s/\(code)/thanks")
            let thanks = try await browser.get("/s/\(code)/thanks")
            #expect(thanks.text.contains("Cảm ơn bạn đã đăng ký") && !thanks.text.contains("Mai"))
        }
        let entries = try await Self.entries(commune)
        #expect(entries.map(\.fullName) == ["Lê Thị Mai"])
        #expect(entries[0].phone == "+84905123456" && entries[0].consentChannels == "sms")
    }

    @Test("Abuse: the honeypot keeps nothing, the per-source limit answers 429, a full page puts people on the waiting list")
    func abuse() async throws {
        let commune = try await TestCommune()
        let (_, code) = try await Self.openClubPage(commune, capacity: 1)
        try await commune.database.write { db in try Settings.set(db, Settings.signUpsPerSourcePerHour.name, to: "2", by: .system) }
        try await commune.run { browser in
            _ = try await browser.get("/s/\(code)")
            let robot = try await browser.post("/s/\(code)", ["fullName": "Spam", "birthYear": "1990", "villageId": String(commune.villageA),
                                                              "phone": "0905000001", "website": "http://spam.example"])
            #expect(robot.status == .found, "answered like a success")
            func person(_ n: Int) -> [String: String] {
                ["fullName": "Người Thử \(n)", "birthYear": "1990", "villageId": String(commune.villageA), "phone": "090500000\(n)"]
            }
            #expect(try await browser.post("/s/\(code)", person(2)).status == .found)
            let second = try await browser.post("/s/\(code)", person(3))
            #expect(second.headers[.location] == "/s/\(code)/thanks?wait=1", "the one place is taken")
            let third = try await browser.post("/s/\(code)", person(4))
            #expect(third.status == .tooManyRequests && third.text.contains("quá nhiều lượt đăng ký"))
            let waiting = try await browser.get("/s/\(code)/thanks?wait=1")
            #expect(waiting.text.contains("danh sách chờ, thứ tự 1"))
            #expect(try await browser.get("/s/\(code)/thanks?wait=99999999999").status == .badRequest)
        }
        #expect(try await Self.entries(commune).map(\.status) == [.pending, .waitlisted])
    }

    @Test("The queue: another village's editor and a viewer are refused; the officer approves, the resident appears with the consent, and the page closes")
    func review() async throws {
        let commune = try await TestCommune()
        let (formId, code) = try await Self.openClubPage(commune)
        try await commune.run { browser in
            _ = try await browser.get("/s/\(code)")
            // The year of birth is asked: refused without it, kept with it.
            let missing = try await browser.post("/s/\(code)", ["fullName": "nguyen van an", "birthYear": "", "villageId": String(commune.villageA),
                                                                "phone": "0912 345 678", "consent": "sms"])
            #expect(missing.status == .unprocessableContent && missing.text.contains("Ghi năm sinh"))
            _ = try await browser.post("/s/\(code)", ["fullName": "nguyen van an", "birthYear": "1970", "villageId": String(commune.villageA),
                                                      "phone": "0912 345 678", "consent": "sms"])
            _ = try await browser.post("/s/\(code)", ["fullName": "Phạm <script>alert(1)</script>", "birthYear": "1988",
                                                      "villageId": String(commune.villageA), "phone": "0987 654 321", "consent": "sms"])
        }
        let entry = try #require(try await Self.entries(commune).first)
        try await commune.run { browser in
            _ = try await browser.signIn("xem", TestCommune.password)
            let viewed = try await browser.get("/signups/\(formId)")
            #expect(viewed.status == .ok && !viewed.text.contains("/approve"), "a viewer reads the queue without the actions")
            #expect(!viewed.text.contains("<script>alert(1)</script>") && viewed.text.contains("&lt;script&gt;"))
            #expect(try await browser.post("/signups/\(formId)/entries/\(entry.id!)/approve", ["person": "new"]).status == .forbidden)
        }
        let otherVillage = try await commune.database.write { db in
            try AccountStore.create(db, login: "thonb", displayName: "thonb", passwordHash: try AccountStore.find(db, login: "thona")!.passwordHash,
                                    role: .editor, unitIds: [commune.villageB], by: .system)
        }
        _ = otherVillage
        try await commune.run { browser in
            _ = try await browser.signIn("thonb", TestCommune.password)
            #expect(try await browser.get("/signups/\(formId)").status == .forbidden)
            #expect(try await browser.get("/signups/\(formId)/poster").status == .forbidden)
            _ = try await browser.get("/signups")
            #expect(try await browser.post("/signups/\(formId)/entries/\(entry.id!)/reject", ["reason": "x"]).status == .forbidden)
            #expect(try await browser.post("/signups/\(formId)/close", [:]).status == .forbidden)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let queue = try await browser.get("/signups/\(formId)")
            #expect(queue.text.contains("Nguyễn Văn An") && queue.text.contains("cùng số điện thoại"), "the resident already registered is offered")
            let before = try await commune.personCount()
            let approved = try await browser.post("/signups/\(formId)/entries/\(entry.id!)/approve", ["person": String(commune.personA)])
            #expect(approved.status == .found)
            #expect(try await commune.personCount() == before, "matched, not created")
            let person = try await browser.get("/people/\(commune.personA)")
            #expect(person.text.contains("Tự đăng ký") && person.text.contains("Lời đồng ý đã hiển thị"))
            // An entry of another page in the address is not found.
            #expect(try await browser.post("/signups/999/entries/\(entry.id!)/approve", ["person": "new"]).status == .notFound)
            let poster = try await browser.get("/signups/\(formId)/poster")
            #expect(poster.status == .ok && poster.text.contains("<svg") && poster.text.contains("/s/\(code)"))
            #expect(try await browser.post("/signups/\(formId)/close", [:]).status == .found)
        }
        try await commune.run { browser in
            let closed = try await browser.get("/s/\(code)")
            #expect(closed.text.contains("Trang đăng ký này đã đóng") && !closed.text.contains(#"name="fullName""#))
        }
    }

    @Test("Opening a page: from a club of one's own unit only; a message consent needs the phone and the year of birth")
    func opening() async throws {
        let commune = try await TestCommune()
        let club = try await commune.database.write { db in
            let house = try UnitStore.create(db, UnitInput(name: "Nhà văn hóa thôn B", kind: "cultural_house", parentId: commune.villageB), by: .system).id!
            return try ClubStore.create(db, ClubInput(name: "CLB Cồng chiêng", unitId: house, kind: "club", field: "gong_culture", ageGroups: ["adults"]), by: .system).id!
        }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            #expect(try await browser.get("/signups/new?kind=club&target=\(club)").status == .forbidden)
            #expect(try await browser.get("/signups/new?kind=nonsense&target=1").status == .badRequest)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let form = try await browser.get("/signups/new?kind=club&target=\(club)")
            #expect(form.status == .ok && form.text.contains("Đăng ký vào CLB Cồng chiêng"))
            let refused = try await browser.post("/signups", ["kind": "club", "targetId": String(club), "channels": "sms", "askVillage": "1"])
            #expect(refused.status == .unprocessableContent && refused.text.contains("phải hỏi số điện thoại và năm sinh"))
            let opened = try await browser.post("/signups", ["kind": "club", "targetId": String(club), "channels": "sms", "askBirthYear": "1",
                                                             "askPhone": "1", "capacity": "30", "closesOn": "31/12/2026"])
            #expect(opened.status == .found)
            let list = try await browser.get("/signups")
            #expect(list.text.contains("Đăng ký vào CLB Cồng chiêng"))
        }
    }
}
