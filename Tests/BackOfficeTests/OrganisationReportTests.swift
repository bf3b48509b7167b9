import BackOffice
import Campaigns
import Foundation
import GRDB
import Messaging
import Organisations
import Socialization
import Store
import Testing
import Vietnamese

@Suite("The yearly report's section on the mass organisations")
struct OrganisationReportTests {
    @Test("Section 9, per organisation: members at the year's end, joined, took part, reached (with shares); campaigns led, activities, volunteers, hours, gifts")
    func sectionMatchesTheData() async throws {
        let commune = try await TestCommune()
        try await commune.database.write { db in
            let top = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE kind = 'commune_committee'")!
            let women = try UnitStore.create(db, UnitInput(name: "Hội Liên hiệp Phụ nữ xã", kind: "womens_union", parentId: top), by: .system).id!
            _ = try UnitStore.create(db, UnitInput(name: "Hội Cựu chiến binh xã", kind: "veterans_association", parentId: top), by: .system)
            // Two members at the end of 2025 (one joined in 2025), one who left in 2025, one who joined in 2026.
            // Một and Hai have a phone and agreed to SMS.
            var first: Int64 = 0
            for (name, joined, left, phone) in [("Lê Thị Một", "2019-03-01", nil, "0912000011"), ("Lê Thị Hai", "2025-05-01", nil, "0912000012"),
                                                ("Lê Thị Ba", "2018-01-01", "2025-06-30", nil), ("Lê Thị Bốn", "2026-02-01", nil, nil)] as [(String, String, String?, String?)] {
                let person = try PersonStore.create(db, PersonInput(fullName: name, villageId: commune.villageA, phone: phone), by: .system).id!
                if first == 0 { first = person }
                if phone != nil {
                    _ = try ConsentStore.give(db, Consent(personId: person, channel: .sms, givenOn: CivilDate(year: 2024, month: 1, day: 2)!, method: .paperForm), by: .system)
                }
                let member = try MembershipStore.add(db, orgId: women, .init(personId: person, joinedOn: CivilDate(parsing: joined)!), by: .system)
                if let left { try MembershipStore.end(db, memberId: member.id!, on: CivilDate(parsing: left)!, by: .system) }
            }
            let campaign = try CampaignStore.create(db, CampaignInput(title: "Tuần đọc sách cho mẹ và bé", startDate: "01/06/2025", endDate: "07/06/2025",
                                                                      leadUnitId: women), catalogue: nil, by: .system)
            for day in ["02/06/2025 08:00", "05/06/2025 19:30"] {
                let activity = try CampaignStore.saveActivity(db, campaignId: campaign.id!, ActivityInput(kind: "reading_session", title: "Đọc cùng con", startsAt: day,
                                                                                                         endsAt: "", place: "Nhà văn hóa", unitId: women), by: .system)
                // Một came to both evenings: one member took part.
                try ActivityAttendance.set(db, activityId: activity.id!, shown: [], present: [first], by: .system)
            }
            let volunteer = try VolunteerStore.create(db, .init(personId: commune.personA, unitId: women, since: "01/01/2025"), by: .system)
            let hours = try VolunteerStore.logHours(db, volunteerId: volunteer.id!, .init(date: "02/06/2025", hours: "3", description: "Kể chuyện"), by: .system)
            let reviewer = Principal(accountId: 99, login: "duyet", displayName: "Duyệt", role: .officer)
            try VolunteerStore.review(db, hoursId: hours.id!, approve: true, by: reviewer)
            _ = try DonationStore.create(db, DonationInput(sponsorId: nil, date: "03/06/2025", kind: "cash", amount: "2000000", channel: "cash",
                                                           purpose: "Tủ sách mẹ và bé", recipientUnitId: women), by: .system)
        }
        // An SMS export to the union's members, made (the log says) in June 2025: it reached Một and Hai.
        let exporter = MessageExporter(database: commune.database, templates: try MessageTemplates(directory: repositoryRoot.appendingPathComponent("Templates/messages").path))
        let women = try await commune.database.read { try Int64.fetchOne($0, sql: "SELECT id FROM unit WHERE kind = 'womens_union'")! }
        var options = ExportOptions(template: "sms-invitation", audience: "members:unit=\(women)", channel: .sms)
        options.values = ["activity.title": "Đọc cùng con", "activity.time": "19h30", "activity.date": "05/06/2025"]
        #expect(try exporter.export(options, by: .system, actor: "test", to: StringOutput()).messages == 2)
        try await commune.database.write { try $0.execute(sql: "UPDATE messageExport SET createdAt = '2025-06-01 03:00:00.000'") }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let report = try await browser.get("/recognition/report/print?year=2025")
            #expect(report.status == .ok && report.text.contains("9. Các tổ chức đoàn thể"))
            func cells(_ kind: String, _ name: String) -> [String] {
                guard let row = report.text.components(separatedBy: "<tr class=\"\(kind)\">").first(where: { $0.hasPrefix("<td>\(name)</td>") }) else {
                    Issue.record("no \(kind) row for \(name)"); return []
                }
                return row.components(separatedBy: "</tr>")[0].components(separatedBy: "<td class=\"num\">").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
            }
            // Three people were members at some time in 2025; one came to an activity by name, two were reached by the export.
            #expect(cells("org-reach", "Hội Liên hiệp Phụ nữ xã") == ["2", "1", "1", "33,3%", "2", "66,7%"])
            #expect(cells("org-work", "Hội Liên hiệp Phụ nữ xã") == ["1", "2", "1", "3", "2.000.000 đ"])
            #expect(cells("org-reach", "Hội Cựu chiến binh xã") == ["0", "0", "0", "–", "0", "–"], "an organisation without records is listed with zeros")
        }
    }
}
