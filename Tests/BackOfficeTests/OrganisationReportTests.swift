import BackOffice
import Campaigns
import Foundation
import GRDB
import Organisations
import Socialization
import Store
import Testing
import Vietnamese

@Suite("The yearly report's section on the mass organisations")
struct OrganisationReportTests {
    @Test("Section 9 says, per organisation, its members at the year's end and those who joined, the campaigns it led, its activities, volunteers and hours, and the gifts it received")
    func sectionMatchesTheData() async throws {
        let commune = try await TestCommune()
        try await commune.database.write { db in
            let top = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE kind = 'commune_committee'")!
            let women = try UnitStore.create(db, UnitInput(name: "Hội Liên hiệp Phụ nữ xã", kind: "womens_union", parentId: top), by: .system).id!
            _ = try UnitStore.create(db, UnitInput(name: "Hội Cựu chiến binh xã", kind: "veterans_association", parentId: top), by: .system)
            // Two members at the end of 2025 (one joined in 2025), one who left in 2025, one who joined in 2026.
            for (name, joined, left) in [("Lê Thị Một", "2019-03-01", nil), ("Lê Thị Hai", "2025-05-01", nil), ("Lê Thị Ba", "2018-01-01", "2025-06-30"),
                                         ("Lê Thị Bốn", "2026-02-01", nil)] as [(String, String, String?)] {
                let person = try PersonStore.create(db, PersonInput(fullName: name, villageId: commune.villageA), by: .system).id!
                let member = try MembershipStore.add(db, orgId: women, .init(personId: person, joinedOn: CivilDate(parsing: joined)!), by: .system)
                if let left { try MembershipStore.end(db, memberId: member.id!, on: CivilDate(parsing: left)!, by: .system) }
            }
            let campaign = try CampaignStore.create(db, CampaignInput(title: "Tuần đọc sách cho mẹ và bé", startDate: "01/06/2025", endDate: "07/06/2025",
                                                                      leadUnitId: women), catalogue: nil, by: .system)
            for day in ["02/06/2025 08:00", "05/06/2025 19:30"] {
                _ = try CampaignStore.saveActivity(db, campaignId: campaign.id!, ActivityInput(kind: "reading_session", title: "Đọc cùng con", startsAt: day,
                                                                                              endsAt: "", place: "Nhà văn hóa", unitId: women), by: .system)
            }
            let volunteer = try VolunteerStore.create(db, .init(personId: commune.personA, unitId: women, since: "01/01/2025"), by: .system)
            let hours = try VolunteerStore.logHours(db, volunteerId: volunteer.id!, .init(date: "02/06/2025", hours: "3", description: "Kể chuyện"), by: .system)
            let reviewer = Principal(accountId: 99, login: "duyet", displayName: "Duyệt", role: .officer)
            try VolunteerStore.review(db, hoursId: hours.id!, approve: true, by: reviewer)
            _ = try DonationStore.create(db, DonationInput(sponsorId: nil, date: "03/06/2025", kind: "cash", amount: "2000000", channel: "cash",
                                                           purpose: "Tủ sách mẹ và bé", recipientUnitId: women), by: .system)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let report = try await browser.get("/recognition/report/print?year=2025")
            #expect(report.status == .ok && report.text.contains("9. Các tổ chức đoàn thể"))
            let row = try #require(report.text.components(separatedBy: "<tr>").first { $0.contains("Hội Liên hiệp Phụ nữ xã") })
            let cells = row.components(separatedBy: "<td class=\"num\">").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
            #expect(cells == ["2", "1", "1", "2", "1", "3", "2.000.000 đ"], "\(cells)")
            let veterans = try #require(report.text.components(separatedBy: "<tr>").first { $0.contains("Hội Cựu chiến binh xã") })
            #expect(veterans.contains("<td class=\"num\">0</td>"), "an organisation without records is listed with zeros")
        }
    }
}
