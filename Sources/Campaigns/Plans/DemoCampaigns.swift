import Foundation
import GRDB
import Store
import Vietnamese

/// Last year's and this year's Reading Culture Day (21/4) and Lifelong Learning Week (early October) for the demo
/// commune, with activities in villages and schools, outcomes for what already happened, tasks and budget lines.
package enum DemoCampaigns {
    @discardableResult
    package static func seed(_ db: Database, today: CivilDate = .today(), now: Date = Date()) throws -> Int {
        guard try Campaign.fetchCount(db) == 0 else { return 0 }
        let units = try OrgUnit.order(OrgUnit.Columns.sortKey).fetchAll(db)
        func first(_ kind: UnitKind) -> Int64? { units.first { $0.kind == kind }?.id }
        guard let library = first(.communeLibrary) ?? first(.communeCommittee), let committee = first(.communeCommittee) else { return 0 }
        let schools = units.filter { $0.kind == .school }.compactMap(\.id)
        let houses = units.filter { $0.kind == .culturalHouse }.compactMap(\.id)
        let promotion = first(.studyPromotion) ?? committee
        var made = 0
        for year in [today.year - 1, today.year] {
            made += try plan(db, year: year, today: today, now: now, title: "Ngày Sách và Văn hóa đọc Việt Nam năm \(year)", key: "reading-day",
                             start: "15/04/\(year)", end: "25/04/\(year)", theme: "Đọc sách – Mở cửa tương lai", lead: library,
                             coordinating: Array(schools.prefix(2)) + [promotion],
                             activities: [
                                ("opening_ceremony", "Lễ phát động Ngày Sách", "21/04/\(year) 07:30", "21/04/\(year) 09:00", "Nhà văn hóa xã", committee, 250),
                                ("book_fair", "Ngày hội sách thiếu nhi", "21/04/\(year) 09:00", "21/04/\(year) 16:00", "Sân nhà văn hóa xã", library, 400),
                                ("mobile_library", "Thư viện lưu động về thôn", "23/04/\(year) 14:00", "23/04/\(year) 17:00", "Nhà văn hóa thôn 3",
                                 houses.dropFirst(2).first ?? library, 120),
                                ("reading_session", "Đọc sách cùng em", "24/04/\(year) 08:00", "24/04/\(year) 10:00", "Thư viện trường",
                                 first(.schoolLibrary) ?? schools.first ?? library, 180),
                                ("online_post", "Giới thiệu sách hay trên Zalo thôn", "16/04/\(year) 19:00", "25/04/\(year) 20:00", nil, library, nil),
                             ],
                             budget: [("In băng rôn, khẩu hiệu", "state_budget", 2_500_000), ("Mua sách thiếu nhi", "socialization", 15_000_000),
                                      ("Phần thưởng cuộc thi", "socialization", 3_000_000)])
            made += try plan(db, year: year, today: today, now: now, title: "Tuần lễ hưởng ứng học tập suốt đời năm \(year)", key: "lifelong-learning-week",
                             start: "01/10/\(year)", end: "07/10/\(year)", theme: "Học tập suốt đời – nền tảng của xã hội học tập", lead: promotion,
                             coordinating: [library] + Array(houses.prefix(3)),
                             activities: [
                                ("opening_ceremony", "Khai mạc Tuần lễ", "01/10/\(year) 07:30", "01/10/\(year) 09:00", "Hội trường UBND xã", committee, 200),
                                ("digital_skills_class", "Lớp kỹ năng số: dùng dịch vụ công trực tuyến", "03/10/\(year) 19:00", "03/10/\(year) 21:00",
                                 "Nhà văn hóa thôn 1", houses.first ?? library, 40),
                                ("talk", "Nói chuyện chuyên đề: nuôi dạy con trong thời đại số", "04/10/\(year) 19:30", "04/10/\(year) 21:00",
                                 "Nhà văn hóa thôn 2", houses.dropFirst().first ?? library, 60),
                                ("loudspeaker_broadcast", "Phát thanh tuyên truyền trên loa", "01/10/\(year) 06:00", "07/10/\(year) 18:00", nil, committee, nil),
                                ("book_rotation", "Luân chuyển sách giữa các nhà văn hóa", "05/10/\(year) 08:00", "05/10/\(year) 11:00", nil, library, nil),
                             ],
                             budget: [("Tài liệu tuyên truyền", "state_budget", 1_800_000), ("Máy chiếu cho lớp kỹ năng số (mượn)", "socialization", 0)])
        }
        return made
    }

    private static func plan(_ db: Database, year: Int, today: CivilDate, now: Date, title: String, key: String, start: String, end: String,
                             theme: String, lead: Int64, coordinating: [Int64],
                             activities: [(String, String, String, String, String?, Int64, Int?)], budget: [(String, String, Int64)]) throws -> Int {
        let campaign = try CampaignStore.create(db, CampaignInput(title: title, theme: theme, observanceKey: key, startDate: start, endDate: end,
                                                                  goals: "Lan tỏa văn hóa đọc và học tập suốt đời tới mọi thôn, mọi lứa tuổi.",
                                                                  leadUnitId: lead, coordinatingUnitIds: coordinating), catalogue: nil, by: .system, now: now)
        let past = campaign.endDate < today
        let running = !past && campaign.startDate <= today
        for step in (past ? [CampaignStatus.approved, .running, .done] : running ? [.approved, .running] : [.approved]) {
            try CampaignStore.setStatus(db, id: campaign.id!, to: step, note: nil, by: .system, now: now)
        }
        var random = UInt64(year) &* 2654435761
        func next(_ bound: Int) -> Int { random = random &* 6364136223846793005 &+ 1442695040888963407; return Int((random >> 33) % UInt64(bound)) }
        for (kind, name, from, to, place, unit, expected) in activities {
            let activity = try CampaignStore.saveActivity(db, campaignId: campaign.id!,
                                                          ActivityInput(kind: kind, title: name, startsAt: from, endsAt: to, place: place,
                                                                        unitId: unit, channels: ["loudspeaker", "zalo"],
                                                                        expectedParticipants: expected),
                                                          by: .system, now: now)
            guard let date = activity.endDate, date < today else { continue }
            var outcomes = ActivityOutcomes()
            if let expected {
                let total = expected * (70 + next(50)) / 100
                outcomes.participantsFemale = total * (45 + next(15)) / 100
                outcomes.participantsMale = total - outcomes.participantsFemale!
                outcomes.participantsChildren = total * 40 / 100
                outcomes.participantsYouth = total * 20 / 100
                outcomes.participantsAdults = total * 30 / 100
                outcomes.participantsElderly = total - outcomes.participantsChildren! - outcomes.participantsYouth! - outcomes.participantsAdults!
            }
            if kind == "book_fair" || kind == "mobile_library" || kind == "reading_session" || kind == "book_rotation" { outcomes.booksLent = 50 + next(300) }
            if kind == "book_fair" { outcomes.newLibraryCards = 10 + next(40) }
            if kind == "online_post" || kind == "loudspeaker_broadcast" { outcomes.postsPublished = 5 + next(10); outcomes.reach = 800 + next(2500) }
            try CampaignStore.recordOutcomes(db, activityId: activity.id!, outcomes, notes: nil, by: .system, now: now)
        }
        for (item, source, planned) in budget {
            try CampaignStore.saveBudgetLine(db, campaignId: campaign.id!, item: item, source: source, planned: String(planned),
                                             spent: past ? String(planned * Int64(85 + next(15)) / 100) : "0", by: .system)
        }
        for (offset, unit) in coordinating.prefix(2).enumerated() {
            try CampaignStore.addAssignment(db, campaignId: campaign.id!, unitId: unit,
                                            task: offset == 0 ? "Huy động người tham gia, chuẩn bị địa điểm" : "Tuyên truyền trên loa và nhóm Zalo",
                                            dueDate: start, by: .system)
        }
        if past { try db.execute(sql: "UPDATE assignment SET status = 'done' WHERE campaignId = ?", arguments: [campaign.id!]) }
        return 1
    }
}
