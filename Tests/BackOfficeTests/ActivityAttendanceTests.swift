import BackOffice
import Campaigns
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Messaging
import Organisations
import SignUp
import Store
import Testing
import Vietnamese

/// A women's union with a reading evening led by it, a farmers' association, and members in both; accounts for the
/// union (its villages A only), the youth union (another organisation) and a viewer.
private struct AttendanceFixture {
    let commune: TestCommune
    let women: Int64, farmers: Int64, youth: Int64
    let campaign: Int64, activity: Int64
    /// Members of the union in village A (one also of the farmers'), one who left before the evening, one in village B.
    let mai: Int64, lan: Int64, former: Int64, outside: Int64, hostile: Int64

    init() async throws {
        let commune = try await TestCommune()
        self.commune = commune
        let ids = try await commune.database.write { db -> [Int64] in
            let top = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE kind = 'commune_committee'")!
            func unit(_ name: String, _ kind: String) throws -> Int64 { try UnitStore.create(db, UnitInput(name: name, kind: kind, parentId: top), by: .system).id! }
            let women = try unit("Hội Liên hiệp Phụ nữ xã", "womens_union"), farmers = try unit("Hội Nông dân xã", "farmers_association")
            let youth = try unit("Đoàn Thanh niên xã", "youth_union")
            func person(_ name: String, _ village: Int64, phone: String? = nil) throws -> Int64 {
                try PersonStore.create(db, PersonInput(fullName: name, birthYear: "1985", villageId: village, phone: phone), by: .system).id!
            }
            let mai = try person("Lê Thị Mai", commune.villageA, phone: "0912000001"), lan = try person("Phạm Thị Lan", commune.villageA, phone: "0912000002")
            let former = try person("Võ Thị Cũ", commune.villageA), outside = try person("Hồ Thị Xa", commune.villageB)
            let hostile = try person("<script>alert(1)</script> Thị Độc", commune.villageA)
            for (who, org, joined, left) in [(mai, women, "2020-01-01", nil), (mai, farmers, "2021-01-01", nil), (lan, women, "2026-03-01", nil),
                                             (former, women, "2019-01-01", "2026-01-31"), (outside, women, "2018-01-01", nil), (hostile, women, "2022-01-01", nil)]
                as [(Int64, Int64, String, String?)] {
                let member = try MembershipStore.add(db, orgId: org, .init(personId: who, joinedOn: CivilDate(parsing: joined)!), by: .system)
                if let left { try MembershipStore.end(db, memberId: member.id!, on: CivilDate(parsing: left)!, by: .system) }
            }
            for who in [mai, lan] {
                _ = try ConsentStore.give(db, Consent(personId: who, channel: .sms, givenOn: CivilDate(year: 2025, month: 1, day: 2)!, method: .paperForm), by: .system)
            }
            let campaign = try CampaignStore.create(db, CampaignInput(title: "Tuần đọc sách Mẹ và bé", startDate: "22/06/2026", endDate: "28/06/2026",
                                                                      leadUnitId: women), catalogue: nil, by: .system)
            let activity = try CampaignStore.saveActivity(db, campaignId: campaign.id!, ActivityInput(kind: "reading_session", title: "Đọc cùng con",
                                                          startsAt: "24/06/2026 19:00", endsAt: "", place: "Nhà văn hóa thôn A", unitId: women), by: .system)
            let hash = try AccountStore.find(db, login: "thona")!.passwordHash
            _ = try AccountStore.create(db, login: "phunu", displayName: "phunu", passwordHash: hash, role: .editor, unitIds: [women, commune.villageA], by: .system)
            _ = try AccountStore.create(db, login: "doan", displayName: "doan", passwordHash: hash, role: .editor, unitIds: [youth, commune.villageA], by: .system)
            return [women, farmers, youth, campaign.id!, activity.id!, mai, lan, former, outside, hostile]
        }
        (women, farmers, youth, campaign, activity) = (ids[0], ids[1], ids[2], ids[3], ids[4])
        (mai, lan, former, outside, hostile) = (ids[5], ids[6], ids[7], ids[8], ids[9])
    }
}

@Suite("Attendance by name at an activity, and the members of each organisation who took part")
struct ActivityAttendanceTests {
    @Test("The union ticks its members present on the page; each organisation's members are counted; unticking takes a name off")
    func pageMarksAndCounts() async throws {
        let f = try await AttendanceFixture()
        try await f.commune.run { browser in
            _ = try await browser.signIn("phunu", TestCommune.password)
            let page = try await browser.get("/campaigns/activities/\(f.activity)/attendance")
            #expect(page.status == .ok && page.text.contains("Hội viên Hội Liên hiệp Phụ nữ xã"))
            #expect(page.text.contains("value=\"\(f.mai)\"") && page.text.contains("value=\"\(f.lan)\""))
            #expect(!page.text.contains("Võ Thị Cũ"), "a former member is not offered")
            #expect(!page.text.contains("<script>alert(1)</script>") && page.text.contains("&lt;script&gt;"), "a hostile name is escaped")
            let saved = try await browser.post("/campaigns/activities/\(f.activity)/attendance",
                                               pairs: [("shown", "\(f.mai)"), ("shown", "\(f.lan)"), ("present", "\(f.mai)"), ("present", "\(f.lan)")])
            #expect(saved.status == .found)
            // Someone found by a search who is a former member: present, but not counted as a member.
            #expect(try await browser.post("/campaigns/activities/\(f.activity)/attendance", pairs: [("shown", "\(f.former)"), ("present", "\(f.former)")]).status == .found)
            let after = try await browser.get("/campaigns/activities/\(f.activity)/attendance")
            #expect(after.text.contains("Có mặt theo danh sách: <strong>3</strong>"))
            #expect(after.text.contains("Hội Liên hiệp Phụ nữ xã: <strong>2</strong>") && after.text.contains("Hội Nông dân xã: <strong>1</strong>"), "Mai counts for both")
            #expect(try await browser.get("/campaigns/\(f.campaign)").text.contains("3 theo tên"))
            let report = try await browser.get("/campaigns/\(f.campaign)/report")
            #expect(report.text.contains("Hội viên các tổ chức tham gia")
                    && report.text.contains("<td>Hội Nông dân xã</td><td class=\"num\" data-label=\"Hội viên có mặt\">1</td>"))
            // Unticking Lan (shown, not ticked) takes her off; Mai stays.
            #expect(try await browser.post("/campaigns/activities/\(f.activity)/attendance",
                                           pairs: [("shown", "\(f.lan)"), ("shown", "\(f.mai)"), ("present", "\(f.mai)")]).status == .found)
            #expect(try await browser.get("/campaigns/activities/\(f.activity)/attendance").text.contains("Có mặt theo danh sách: <strong>2</strong>"))
        }
        let audit = try await f.commune.database.read { try String.fetchAll($0, sql: "SELECT after FROM auditEntry WHERE entity = 'activityAttendance'") }
        #expect(audit.count == 3 && audit.last?.contains("\"removed\":[\(f.lan)]") == true)
    }

    @Test("Refusals: another organisation's editor, a resident outside the account's villages, a viewer's post, a bad id")
    func refusals() async throws {
        let f = try await AttendanceFixture()
        try await f.commune.run { browser in
            _ = try await browser.signIn("doan", TestCommune.password)
            _ = try await browser.get("/campaigns/activities/\(f.activity)/attendance")
            #expect(try await browser.post("/campaigns/activities/\(f.activity)/attendance", pairs: [("shown", "\(f.mai)"), ("present", "\(f.mai)")]).status == .forbidden)
        }
        try await f.commune.run { browser in
            _ = try await browser.signIn("phunu", TestCommune.password)
            let page = try await browser.get("/campaigns/activities/\(f.activity)/attendance")
            #expect(!page.text.contains("Hồ Thị Xa"), "a member in a village the account cannot read is not listed")
            #expect(try await browser.post("/campaigns/activities/\(f.activity)/attendance", pairs: [("shown", "\(f.outside)"), ("present", "\(f.outside)")]).status == .forbidden)
            #expect(try await browser.post("/campaigns/activities/\(f.activity)/attendance", pairs: [("present", "abc")]).status == .unprocessableContent)
            #expect(try await browser.get("/campaigns/activities/999999/attendance").status == .notFound)
        }
        // A village's head (who may not read the union's list) opens the page: no member list, the search still there.
        try await f.commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            let page = try await browser.get("/campaigns/activities/\(f.activity)/attendance")
            #expect(page.status == .ok && !page.text.contains("name=\"present\" value=\"\(f.mai)\""))
        }
        try await f.commune.run { browser in
            _ = try await browser.signIn("xem", TestCommune.password)
            let page = try await browser.get("/campaigns/activities/\(f.activity)/attendance")
            #expect(page.status == .ok && !page.text.contains("name=\"present\""), "a viewer reads the list without forms")
            #expect(try await browser.post("/campaigns/activities/\(f.activity)/attendance", pairs: [("shown", "\(f.mai)"), ("present", "\(f.mai)")]).status == .forbidden)
        }
        #expect(try await f.commune.database.read { try ActivityAttendance.count($0, activityId: f.activity) } == 0, "nothing was written")
        // The commune sees the union's member in village B present when the officer marks her; the union's account counts her, unnamed.
        try await f.commune.database.write { db in
            let officer = Principal(accountId: nil, login: "canbo", displayName: "canbo", role: .officer)
            try ActivityAttendance.set(db, activityId: f.activity, shown: [], present: [f.outside], by: officer)
        }
        try await f.commune.run { browser in
            _ = try await browser.signIn("phunu", TestCommune.password)
            let page = try await browser.get("/campaigns/activities/\(f.activity)/attendance")
            #expect(page.text.contains("Thêm 1 người có mặt ở thôn khác") && !page.text.contains("Hồ Thị Xa"))
        }
    }

    @Test("Residents whose public sign-up for the activity was approved are listed to tick at the door")
    func signedUpListed() async throws {
        let f = try await AttendanceFixture()
        let now = Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: VietnamTime.zone, year: 2026, month: 6, day: 1, hour: 9))!
        let today = CivilDate(year: 2026, month: 6, day: 1)!
        try await f.commune.database.write { db in
            let form = try SignUpForms.open(db, .init(kind: .activity, targetId: f.activity, askPhone: false, channels: []), by: .system, now: now)
            _ = try PublicSignUp.submit(db, form: form, .init(fullName: "Phạm Thị Lan", birthYear: "1985", villageId: String(f.commune.villageA),
                                                              address: "10.0.0.9"), commune: "Thử", limits: .init(), today: today, now: now)
            let entry = try #require(try SignUpEntry.filter(Column("formId") == form.id!).fetchOne(db))
            _ = try SignUpReview.approve(db, entryId: entry.id!, personId: f.lan, by: .system, today: today, now: now)
        }
        try await f.commune.run { browser in
            _ = try await browser.signIn("phunu", TestCommune.password)
            let page = try await browser.get("/campaigns/activities/\(f.activity)/attendance")
            let registered = try #require(page.text.components(separatedBy: "Người đã đăng ký qua trang công khai").dropFirst().first)
            #expect(registered.components(separatedBy: "</form>")[0].contains("name=\"present\" value=\"\(f.lan)\""))
            #expect(!registered.components(separatedBy: "</form>")[0].contains("value=\"\(f.mai)\""), "only who signed up")
        }
    }

    @Test("API: attendance marked and read back with counts per organisation; participation counts members present and reached by a real export")
    func api() async throws {
        let f = try await AttendanceFixture()
        let union = try await f.commune.token("phunu"), youth = try await f.commune.token("doan")
        let app = try await buildApplication(TestCommune.configuration, database: f.commune.database)
        try await app.test(.router) { client in
            let api = APITests()
            let (marked, body) = try await api.call(client, .post, "/api/v1/activities/\(f.activity)/attendance", token: union,
                                                    json: #"{"present": [\#(f.mai), \#(f.lan)]}"#)
            #expect(marked == .ok && body["present"] as? Int == 2)
            let members = (body["members"] as? [[String: Any]] ?? []).map { ($0["organisation"] as? String ?? "", $0["members"] as? Int ?? 0) }
            #expect(members.map(\.0) == ["Hội Liên hiệp Phụ nữ xã", "Hội Nông dân xã"] && members.map(\.1) == [2, 1], "\(members)")
            #expect(try await api.call(client, .post, "/api/v1/activities/\(f.activity)/attendance", token: youth, json: #"{"present": [\#(f.mai)]}"#).0 == .forbidden)
            #expect(try await api.call(client, .post, "/api/v1/activities/\(f.activity)/attendance", token: union,
                                       json: #"{"present": [\#(f.mai)], "absent": [\#(f.mai)]}"#).0 == .unprocessableContent)
            let (unmarked, less) = try await api.call(client, .post, "/api/v1/activities/\(f.activity)/attendance", token: union, json: #"{"absent": [\#(f.lan)]}"#)
            #expect(unmarked == .ok && less["present"] as? Int == 1)
        }
        // A real SMS export to the union's members: Mai and Lan consented (Lan is no longer present, but was reached).
        let exporter = MessageExporter(database: f.commune.database, templates: try MessageTemplates(directory: repositoryRoot.appendingPathComponent("Templates/messages").path))
        var options = ExportOptions(template: "sms-invitation", audience: "members:unit=\(f.women)", channel: .sms)
        options.activityId = f.activity
        let summary = try exporter.export(options, by: .system, actor: "test", to: StringOutput())
        #expect(summary.messages == 2)
        let year = CivilDate.today().year
        try await app.test(.router) { client in
            let (ok, figures) = try await APITests().call(client, .get, "/api/v1/organisations/\(f.women)/participation?year=\(year)", token: union)
            #expect(ok == .ok && figures["reachedByMessages"] as? Int == 2)
            if year == 2026 { #expect(figures["tookPart"] as? Int == 1 && figures["membersDuringYear"] as? Int == 5) }
            #expect(try await APITests().call(client, .get, "/api/v1/organisations/\(f.women)/participation?year=1800", token: union).0 == .badRequest)
            #expect(try await APITests().call(client, .get, "/api/v1/organisations/\(f.commune.villageA)/participation", token: union).0 == .notFound)
        }
    }
}
