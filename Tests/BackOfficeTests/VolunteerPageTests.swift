import BackOffice
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Campaigns
import SignUp
import Socialization
import Store
import Testing
import Vietnamese

@Suite("A volunteer's own page")
struct VolunteerPageTests {
    @Test("A personal link opens that volunteer's page only: hours proposed wait for staff, the certificate prints; revoked or expired, it opens nothing")
    func ownPage() async throws {
        let commune = try await TestCommune()
        let volunteerId = try await commune.database.write { db in
            try VolunteerStore.create(db, .init(personId: commune.personA, unitId: commune.villageA, skills: ["storytelling"], since: "01/01/2025"), by: .system).id!
        }
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        let token = try await app.test(.router) { client -> String in
            let browser = Browser(client)
            _ = try await browser.signIn("canbo", TestCommune.password)
            try await browser.get("/volunteers/\(volunteerId)")
            let made = try await browser.post("/volunteers/\(volunteerId)/links", [:])
            #expect(made.status == .ok && made.text.contains("Đường dẫn mới"))
            let match = try #require(made.text.range(of: #"/v/[A-Za-z0-9_-]{40,}"#, options: .regularExpression))
            return String(made.text[match].dropFirst(3))
        }
        try await commune.run { browser in
            let page = try await browser.get("/v/\(token)")
            #expect(page.status == .ok && page.text.contains("Nguyễn Văn An") && page.text.contains("Trang tình nguyện viên của tôi"))
            #expect(!page.text.contains("/people/\(commune.personA)") && !page.text.contains("0912"), "no link into the back office, no phone")
            #expect(try await browser.get("/v/\(token.dropLast())x").status == .notFound)
            #expect(try await browser.get("/people").status != .ok, "the link signs no one in")
            try await browser.get("/v/\(token)")
            let proposed = try await browser.post("/v/\(token)/hours", ["date": "10/03/2026", "hours": "2,5", "description": "Kể chuyện cho thiếu nhi"])
            #expect(proposed.status == .found)
            let bad = try await browser.post("/v/\(token)/hours", ["date": "10/03/2099", "hours": "1e300"])
            #expect(bad.status == .unprocessableContent && bad.text.contains("Số giờ từ 0,1 đến 24"))
        }
        let hoursId = try await commune.database.read {
            try Int64.fetchOne($0, sql: "SELECT id FROM volunteerHours WHERE status = 'pending' AND enteredBy = ?", arguments: ["tnv:\(volunteerId)"])
        }
        let pending = try #require(hoursId)
        // Staff approve as for any hours; the approved hours are on the certificate with the committee's signature.
        let officer = try await commune.database.read { try AccountStore.find($0, login: "canbo")! }
        try await commune.database.write { db in
            try VolunteerStore.review(db, hoursId: pending, approve: true, by: Principal(accountId: officer.id, login: "canbo", displayName: "canbo", role: .officer))
        }
        try await commune.run { browser in
            let certificate = try await browser.get("/v/\(token)/certificate?year=2026")
            #expect(certificate.status == .ok && certificate.text.contains("GIẤY CHỨNG NHẬN") && certificate.text.contains("<strong>2,5 giờ</strong>")
                    && certificate.text.contains("TM. ỦY BAN NHÂN DÂN") && certificate.text.contains("Kể chuyện cho thiếu nhi"))
        }
        let linkId = try await commune.database.read { try Int64.fetchOne($0, sql: "SELECT id FROM volunteerLink")! }
        try await commune.database.write { try db_expire($0, linkId) }
        try await commune.run { browser in
            let expired = try await browser.get("/v/\(token)")
            #expect(expired.status == .notFound, "expired")
        }
        try await commune.database.write { try $0.execute(sql: "UPDATE volunteerLink SET expiresOn = '2099-01-01' WHERE id = ?", arguments: [linkId]) }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            try await browser.get("/volunteers/\(volunteerId)")
            #expect(try await browser.post("/volunteers/\(volunteerId)/links/\(linkId)/revoke", [:]).status == .found)
            #expect(try await browser.get("/v/\(token)").status == .notFound, "revoked")
        }
    }
}

@Suite("A volunteer's own page: tasks and calls")
struct VolunteerTasksTests {
    @Test("The page lists the tasks the volunteer took on and the open calls for volunteers of their unit")
    func tasksAndCalls() async throws {
        let commune = try await TestCommune()
        let token = try await commune.database.write { db -> String in
            let volunteer = try VolunteerStore.create(db, .init(personId: commune.personA, unitId: commune.villageA, since: "01/01/2025"), by: .system)
            let campaign = try CampaignStore.create(db, CampaignInput(title: "Ngày Sách 2026", startDate: "15/04/2026", endDate: "25/04/2026",
                                                                      leadUnitId: commune.villageA), catalogue: nil, by: .system)
            let activity = try CampaignStore.saveActivity(db, campaignId: campaign.id!, ActivityInput(kind: "book_fair", title: "Ngày hội sách",
                startsAt: "21/04/2026 07:30", endsAt: "", place: "Nhà văn hóa", unitId: commune.villageA), by: .system)
            _ = try VolunteerStore.addRole(db, volunteerId: volunteer.id!, activityId: activity.id, clubSessionId: nil, role: "Hướng dẫn đọc", by: .system)
            let later = try CampaignStore.saveActivity(db, campaignId: campaign.id!, ActivityInput(kind: "reading_session", title: "Đọc sách cùng bé",
                startsAt: "24/04/2026 08:00", endsAt: "", place: "Thư viện", unitId: commune.villageA), by: .system)
            _ = try SignUpForms.open(db, .init(kind: .volunteer, targetId: later.id!, channels: [], role: "Kể chuyện"), by: .system)
            return try VolunteerLinks.create(db, volunteerId: volunteer.id!, by: .system).token
        }
        try await commune.run { browser in
            let page = try await browser.get("/v/\(token)")
            #expect(page.text.contains("Việc tôi đã nhận") && page.text.contains("<strong>Hướng dẫn đọc</strong> · Ngày hội sách"))
            #expect(page.text.contains("Đang cần tình nguyện viên") && page.text.contains("Tình nguyện viên cho: Đọc sách cùng bé") && page.text.contains("/s/"))
        }
    }
}

private func db_expire(_ db: Database, _ id: Int64) throws {
    try db.execute(sql: "UPDATE volunteerLink SET expiresOn = '2020-01-01' WHERE id = ?", arguments: [id])
}
