import BackOffice
import Clubs
import Foundation
import Hummingbird
import HummingbirdTesting
import Store
import Testing
import Vietnamese

/// Labels a user read wrong in the browser walk (issue #16).
@Suite("Labels and menus")
struct LabelTests {
    @Test("The yearly report's print page marks Recognition in the menu, not Honours; an unwritten section prints as a line to fill in")
    func reportPrintMenu() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let page = try await browser.get("/recognition/report/print?year=2025").text
            #expect(page.contains(#"<li><a href="/recognition" aria-current="page">"#))
            #expect(!page.contains(#"<li><a href="/honours" aria-current="page">"#))
            #expect(!page.contains("(chưa viết)"))
        }
    }

    @Test("The menu groups administration under one entry, marked when one of its pages is open; the language link names its language")
    func menuAndRole() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("admin", TestCommune.password)
            let page = try await browser.get("/audit").text
            #expect(page.contains(#"<li class="nav-more current"><details><summary>Quản trị</summary>"#))
            #expect(page.contains(#"<a href="/settings">"#) && page.contains(#"<a href="/accounts">"#))
            #expect(page.contains(#"hreflang="en" lang="en""#))
        }
    }

    @Test("Recent changes and the audit log name the record, not its table and number")
    func auditReadsAsNames() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let dashboard = try await browser.get("/").text
            #expect(dashboard.contains("Tài khoản canbo"))
            #expect(!dashboard.contains("account #"))
            let audit = try await browser.get("/audit").text
            #expect(audit.contains("Người dân Nguyễn Văn An") || audit.contains("Tài khoản canbo"))
        }
    }

    @Test("An update reads as the fields it changed, before → after")
    func auditChanges() async throws {
        let commune = try await TestCommune()
        _ = try await commune.database.write { db in
            try PersonStore.update(db, id: commune.personA, PersonInput(fullName: "Nguyễn Văn Ân", villageId: commune.villageA, phone: "0912345678"), by: .system)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let audit = try await browser.get("/audit?entity=person").text
            #expect(audit.contains("<li>fullName: Nguyễn Văn An → Nguyễn Văn Ân</li>"))
            #expect(!audit.contains("<li>updatedAt:"))
        }
    }

    @Test("The sub-tab of the page shown is marked, and only that one")
    func currentTab() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let page = try await browser.get("/donations").text
            #expect(page.contains(#"<a href="/donations" aria-current="page">"#))
            #expect(!page.contains(#"<a href="/sponsors" aria-current="page">"#))
            #expect(try await browser.get("/honours/decisions").text.contains(#"<a href="/honours/decisions" aria-current="page">"#))
        }
    }

    @Test("A strings file that defines a key twice stops the server at start, naming the key")
    func duplicateKeys() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("densach-web-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("web"), to: folder)
        let strings = folder.appendingPathComponent("i18n/vi.strings")
        try (String(contentsOf: strings, encoding: .utf8) + "\nnav_people = Lần hai\n").write(to: strings, atomically: true, encoding: .utf8)
        var configuration = TestCommune.configuration
        configuration.webDirectory = folder.path
        let commune = try await TestCommune()
        await #expect { _ = try await buildRouter(configuration, database: commune.database) } throws: { "\($0)".contains("nav_people") }
    }
}

@Suite("The person page")
struct PersonPageTests {
    @Test("A resident's page lists their clubs, current first, with role and dates")
    func clubsOnThePersonPage() async throws {
        let commune = try await TestCommune()
        try await commune.database.write { db in
            let house = try UnitStore.create(db, UnitInput(name: "NVH thôn A", kind: "cultural_house", parentId: commune.villageA), by: .system).id!
            let club = try ClubStore.create(db, ClubInput(name: "CLB Cờ tướng", unitId: house, kind: "club", field: "sports", ageGroups: ["adults"]), by: .system)
            _ = try ClubStore.addMember(db, clubId: club.id!, personId: commune.personA, role: .deputy, joinedOn: CivilDate(year: 2024, month: 3, day: 1)!, by: .system)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let page = try await browser.get("/people/\(commune.personA)").text
            #expect(page.contains("CLB Cờ tướng") && page.contains("01/03/2024"))
            #expect(try await browser.get("/people/\(commune.personB)").text.contains("Chưa tham gia câu lạc bộ nào."))
        }
    }
}

@Suite("The donation form")
struct DonationFormTests {
    @Test("Nothing is chosen for the clerk: no sponsor is asked for (Ẩn danh is a choice), no unit or receiver is preset")
    func noQuietDefaults() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let form = try await browser.get("/donations/new").text
            #expect(form.contains(#"<option value="" selected disabled>— Chọn nhà tài trợ —</option>"#))
            #expect(form.contains(#"<option value="" selected disabled>— Chọn đơn vị nhận —</option>"#))
            #expect(form.contains(#"name="receivedBy" value="""#))
            let today = CivilDate.today().display
            let fields = ["date": today, "kind": "cash", "amount": "200.000", "channel": "cash", "purpose": "Tủ sách thiếu nhi",
                          "recipientUnitId": String(commune.villageA)]
            let asked = try await browser.post("/donations", fields)
            #expect(asked.status == .unprocessableContent && asked.text.contains("Chọn nhà tài trợ, hoặc chọn Ẩn danh"))
            _ = try await browser.get("/donations/new")
            #expect(try await browser.post("/donations", fields.merging(["sponsorId": "anonymous"]) { $1 }).status == .found)
        }
    }
}
