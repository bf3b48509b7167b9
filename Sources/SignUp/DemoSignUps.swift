import Campaigns
import Clubs
import Foundation
import GRDB
import Store
import Vietnamese

/// Sign-up pages for the demo commune: a reading club taking new members (a few sign-ups waiting, one of them very
/// likely a resident already registered, typed without tones), the next activity with places and a waiting list,
/// and a call for volunteers for it. Deterministic, like the rest of the demo.
package enum DemoSignUps {
    @discardableResult
    package static func seed(_ db: Database, today: CivilDate = .today(), now: Date = Date()) throws -> Int {
        guard try SignUpForm.fetchCount(db) == 0 else { return 0 }
        let commune = try Settings.value(db, Settings.communeName)
        let unlimited = PublicSignUp.Limits(perSourcePerHour: 1_000, perPhonePerDay: 1_000)
        var count = 0
        func submit(_ form: SignUpForm, _ name: String, _ year: Int, village: Int64?, phone: String, channels: [String], guardian: String = "") throws {
            _ = try PublicSignUp.submit(db, form: form, .init(fullName: name, birthYear: String(year), villageId: village.map(String.init) ?? "",
                                                              phone: phone, guardianName: guardian, channels: channels, address: "demo-\(count)"),
                                        commune: commune, limits: unlimited, today: today, now: now.addingTimeInterval(Double(count - 20) * 3_600))
            count += 1
        }
        let villages = try Int64.fetchAll(db, sql: "SELECT id FROM unit WHERE kind = 'village' ORDER BY sortKey")
        guard !villages.isEmpty else { return 0 }
        if let club = try Club.filter(Column("status") == ClubStatus.active.rawValue && Column("field") == ClubField.reading.rawValue).order(Column("id")).fetchOne(db)
            ?? Club.order(Column("id")).fetchOne(db) {
            let form = try SignUpForms.open(db, .init(kind: .club, targetId: club.id!, channels: [.sms, .zalo]), by: .system, now: now)
            try submit(form, "Y Nhung", 1998, village: villages[0], phone: "0905 318 227", channels: ["sms", "zalo"])
            try submit(form, "Rơ Chăm Thị Hạnh", 2011, village: villages[min(1, villages.count - 1)], phone: "0935 402 118", channels: ["sms"], guardian: "Rơ Chăm Văn Lực")
            try submit(form, "A Thuận", 1987, village: villages[min(2, villages.count - 1)], phone: "0868 215 904", channels: [])
            // A resident already registered, typed without tones and with the phone written another way.
            if let known = try Person.filter(Column("phone") != nil && Column("birthYear") != nil && Column("villageId") != nil).order(Column("id")).fetchOne(db),
               let phone = known.phone {
                try submit(form, VietnameseText.searchKey(known.fullName).capitalized, known.birthYear!, village: known.villageId,
                           phone: "0" + phone.dropFirst(3), channels: ["sms"])
            }
        }
        if let activity = try upcomingActivity(db, today: today) {
            let form = try SignUpForms.open(db, .init(kind: .activity, targetId: activity.id!, channels: [.sms], capacity: "3",
                                                      closesOn: activity.startDate?.display), by: .system, now: now)
            try submit(form, "Đinh Văn Tới", 1979, village: villages[0], phone: "0914 220 331", channels: ["sms"])
            try submit(form, "Lê Thị Mỹ Duyên", 1992, village: villages[0], phone: "0975 661 204", channels: ["sms"])
            try submit(form, "Hoàng Minh Khôi", 2003, village: villages[min(1, villages.count - 1)], phone: "0389 114 772", channels: [])
            try submit(form, "Phan Thị Ngọc Ánh", 1995, village: villages[min(2, villages.count - 1)], phone: "0832 557 019", channels: ["sms"])
            let approvedId = try Int64.fetchOne(db, sql: "SELECT id FROM signUp WHERE formId = ? ORDER BY id LIMIT 1", arguments: [form.id!])
            if let approvedId { try SignUpReview.approve(db, entryId: approvedId, personId: nil, by: .system, today: today, now: now) }
            _ = try SignUpForms.open(db, .init(kind: .volunteer, targetId: activity.id!, channels: [.sms], role: "Hướng dẫn đọc sách cho thiếu nhi"),
                                     by: .system, now: now)
        }
        return count
    }

    /// The next activity of the demo's campaigns, or a reading day two weeks ahead made for the demo (the demo's
    /// campaigns are dated; sign-up needs one to come).
    static func upcomingActivity(_ db: Database, today: CivilDate) throws -> Activity? {
        if let next = try Activity.filter(Column("startsAt") >= today.iso).order(Column("startsAt")).fetchOne(db) { return next }
        guard let library = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE kind IN ('commune_library', 'cultural_house') ORDER BY id LIMIT 1") else { return nil }
        let day = today.adding(days: 14)
        let campaign = try CampaignStore.create(db, CampaignInput(title: "Ngày hội đọc sách cuối năm \(day.year)", startDate: day.display,
                                                                  endDate: day.display, leadUnitId: library), catalogue: nil, by: .system)
        return try CampaignStore.saveActivity(db, campaignId: campaign.id!, ActivityInput(
            kind: "book_fair", title: "Ngày hội đọc sách cho thiếu nhi", startsAt: "\(day.display) 08:00", endsAt: "\(day.display) 11:00",
            place: "Thư viện xã", unitId: library), by: .system)
    }
}
