import Foundation
import GRDB
import Store
import Vietnamese

/// Sponsors and gifts for the demo commune: about forty sponsors (businesses, associations, residents, an overseas
/// family), two years of cash and in-kind donations with their receipts (one voided), books handed to libraries,
/// pledges (one overdue), and volunteers with approved hours. Deterministic, like the rest of the demo.
package enum DemoSocialization {
    static let businesses = [
        "Công ty TNHH Nông sản Kon Rẫy (hư cấu)", "Cửa hàng sách Đăk Tờ Re (hư cấu)", "HTX Cà phê Măng Cành (hư cấu)",
        "Công ty CP Thủy điện Đăk Pône (hư cấu)", "Nhà sách Minh Trí (hư cấu)", "Cửa hàng điện máy Hòa Phát Kon Tum (hư cấu)",
        "Tiệm vàng Kim Long (hư cấu)", "Công ty TNHH Xây dựng Sao Mai (hư cấu)", "Quỹ tín dụng nhân dân xã (hư cấu)",
        "HTX Dệt thổ cẩm Kon Klor (hư cấu)", "Công ty Du lịch Măng Đen Xanh (hư cấu)", "Nhà thuốc An Khang (hư cấu)",
    ]
    static let associations = ["Hội Đồng hương Quảng Ngãi tại TP.HCM (hư cấu)", "Câu lạc bộ Thiện nguyện Kon Tum (hư cấu)",
                               "Chi hội Cựu giáo chức xã (hư cấu)"]
    static let purposes = ["Tủ sách thiếu nhi", "Học bổng cho học sinh nghèo vượt khó", "Phòng đọc nhà văn hóa",
                           "Ngày Sách và Văn hóa đọc Việt Nam", "Tuần lễ hưởng ứng học tập suốt đời", "Khen thưởng học sinh giỏi"]
    static let books: [(String, String, String?)] = [
        ("Dế Mèn phiêu lưu ký", "Tô Hoài", "9786042088473"), ("Tuổi thơ dữ dội", "Phùng Quán", nil),
        ("Đất rừng phương Nam", "Đoàn Giỏi", "9786042111102"), ("Kính vạn hoa", "Nguyễn Nhật Ánh", nil),
        ("Sổ tay kỹ năng số cho người dân", "Nhiều tác giả", nil), ("Truyện cổ tích Việt Nam", "Nguyễn Đổng Chi", nil),
    ]

    @discardableResult
    package static func seed(_ db: Database, today: CivilDate = .today(), now: Date = Date()) throws -> Int {
        guard try Sponsor.fetchCount(db) == 0 else { return 0 }
        var random = SeededRandom(seed: 4)
        let admin = Principal.system
        // A second, named pair of hands: hours are entered by the village and approved by the commune.
        let clerk = Principal(accountId: nil, login: "demo:thon1", displayName: "Trưởng thôn 1", role: .admin)

        var sponsors: [Int64] = []
        for name in businesses {
            let existing = try UnitStore.find(db, name: name, kind: .business)
            let input = SponsorStore.Input(kind: "business", unitId: existing?.id, name: name, phone: existing == nil ? "0260 3812 \(100 + sponsors.count)" : nil,
                                           tags: sponsors.count % 3 == 0 ? "Doanh nghiệp địa phương, Đối tác thường xuyên" : "Doanh nghiệp địa phương")
            sponsors.append(try SponsorStore.create(db, input, by: admin, now: now).id!)
        }
        for name in associations {
            sponsors.append(try SponsorStore.create(db, SponsorStore.Input(kind: "association", name: name, tags: "Tổ chức"), by: admin, now: now).id!)
        }
        let residents = try Int64.fetchAll(db, sql: "SELECT id FROM person WHERE birthYear < ? ORDER BY id LIMIT 24 OFFSET 40", arguments: [today.year - 30])
        for (index, person) in residents.enumerated() {
            let kind = index == 5 ? "overseas" : "individual"
            sponsors.append(try SponsorStore.create(db, SponsorStore.Input(kind: kind, personId: person, tags: index % 4 == 0 ? "Mạnh thường quân" : nil),
                                                    by: admin, now: now).id!)
        }

        let commune = try OrgUnit.filter(OrgUnit.Columns.kind == UnitKind.communeCommittee.rawValue).fetchOne(db)
        let libraries = try OrgUnit.filter([UnitKind.communeLibrary.rawValue, UnitKind.schoolLibrary.rawValue].contains(OrgUnit.Columns.kind))
            .order(OrgUnit.Columns.sortKey).fetchAll(db)
        let studyPromotion = try OrgUnit.filter(OrgUnit.Columns.kind == UnitKind.studyPromotion.rawValue).fetchOne(db) ?? commune
        guard let commune, let studyPromotion, !libraries.isEmpty else { return 0 }
        let campaigns = try Row.fetchAll(db, sql: "SELECT id, year FROM campaign ORDER BY startDate")

        var made = 0
        var donations: [Donation] = []
        for year in [today.year - 1, today.year] {
            let lastMonth = year == today.year ? today.month : 12
            for step in 0..<(year == today.year ? 34 : 40) {
                let month = 1 + step * lastMonth / 40 % lastMonth
                var day = 1 + random.next(27)
                if year == today.year && month == today.month { day = min(day, today.day) }
                let date = CivilDate(year: year, month: month, day: day)!
                let anonymous = step % 11 == 7
                let sponsor = anonymous ? nil : sponsors[(step * 7 + year) % sponsors.count]
                let purpose = purposes[(step + year) % purposes.count]
                let campaign = campaigns.first { ($0[1] as Int) == year && (step % 3 == 0) }?[0] as Int64?
                let inKind = step % 4 == 1
                let library = libraries[step % libraries.count]
                var input = DonationInput(sponsorId: sponsor, date: date.display, kind: inKind ? "in_kind" : "cash", purpose: purpose, campaignId: campaign,
                                          recipientUnitId: inKind ? library.id : (step % 2 == 0 ? studyPromotion.id : commune.id),
                                          receivedBy: inKind ? "Cán bộ thư viện" : "Kế toán xã", publishAnonymous: step % 13 == 5)
                if inKind {
                    let book = books[step % books.count]
                    let count = 10 + random.next(40)
                    input.items = [DonationInput.ItemInput(description: book.0, quantity: String(count), unitOfMeasure: "cuốn",
                                                           estimatedValue: String(count * (45 + random.next(60)) * 1000), isBook: true, author: book.1, isbn: book.2)]
                    if step % 8 == 1 {
                        input.items!.append(DonationInput.ItemInput(description: "Tủ sách gỗ", quantity: "1", unitOfMeasure: "cái", estimatedValue: "2.500.000"))
                    }
                } else {
                    input.channel = step % 3 == 0 ? "bank_transfer" : "cash"
                    input.amount = String((1 + random.next(20)) * 500_000)
                }
                let donation = try DonationStore.create(db, input, by: admin, now: now)
                donations.append(donation)
                made += 1
                if inKind && date < today.adding(days: -7) {
                    let items = try DonationStore.items(db, donationId: donation.id!)
                    _ = try DonationStore.recordHandover(db, donationId: donation.id!, toUnitId: library.id, date: date.adding(days: 3).display,
                                                         deliveredBy: "Công chức Văn hóa – Xã hội", receivedBy: "Cán bộ thư viện",
                                                         quantities: Dictionary(uniqueKeysWithValues: items.map { ($0.id!, $0.quantity) }), notes: nil,
                                                         by: admin, now: now)
                }
                if year < today.year || step < 20 {
                    try DonationStore.markLetterSent(db, ids: [donation.id!], on: min(date.adding(days: 5), today), by: admin)
                }
            }
        }
        // One receipt written twice by mistake, voided with its reason.
        if let wrong = donations.first(where: { $0.receiptYear == today.year && $0.kind == .cash }) {
            try DonationStore.void(db, id: wrong.id!, reason: "Ghi trùng với biên lai khác, người nộp chỉ nộp một lần", by: admin, now: now)
        }

        // Pledges: one kept, one partly kept and overdue, one still open.
        let pledgers = [sponsors[2], sponsors[3], sponsors[12]]
        let pledgeSpecs: [(CivilDate, CivilDate, Int64)] = [
            (CivilDate(year: today.year - 1, month: 3, day: 10)!, CivilDate(year: today.year - 1, month: 9, day: 30)!, 10_000_000),
            (today.adding(days: -200), today.adding(days: -20), 20_000_000),
            (today.adding(days: -10), today.adding(days: 60), 5_000_000),
        ]
        for (index, spec) in pledgeSpecs.enumerated() {
            let pledge = try PledgeStore.create(db, PledgeStore.Input(sponsorId: pledgers[index], date: spec.0.display, value: String(spec.2),
                                                                      dueOn: spec.1.display, purpose: purposes[index], recipientUnitId: studyPromotion.id),
                                                by: admin, now: now)
            guard index < 2 else { continue }
            let paid = try DonationStore.create(db, DonationInput(sponsorId: pledgers[index], date: min(spec.0.adding(days: 30), today).display, kind: "cash",
                                                                  amount: String(index == 0 ? spec.2 : spec.2 / 4), channel: "bank_transfer",
                                                                  purpose: purposes[index], recipientUnitId: studyPromotion.id, receivedBy: "Kế toán xã",
                                                                  pledgeId: pledge.id), by: admin, now: now)
            try DonationStore.markLetterSent(db, ids: [paid.id!], on: min(spec.0.adding(days: 35), today), by: admin)
        }

        // Volunteers: residents with a skill, working with a cultural house, a library or the Youth Union.
        let hosts = try OrgUnit.filter([UnitKind.culturalHouse.rawValue, UnitKind.communeLibrary.rawValue, UnitKind.youthUnion.rawValue].contains(OrgUnit.Columns.kind))
            .order(OrgUnit.Columns.sortKey).fetchAll(db)
        let people = try Int64.fetchAll(db, sql: "SELECT id FROM person WHERE birthYear BETWEEN ? AND ? ORDER BY id LIMIT 18 OFFSET 300",
                                        arguments: [today.year - 60, today.year - 17])
        let activities = try Int64.fetchAll(db, sql: "SELECT id FROM activity WHERE startsAt < ? ORDER BY startsAt", arguments: [today.iso])
        for (index, person) in people.enumerated() where !hosts.isEmpty {
            let skills = [VolunteerSkill.allCases[index % 7], VolunteerSkill.allCases[(index + 3) % 7]].map(\.rawValue)
            let since = CivilDate(year: today.year - 1, month: 1 + index % 6, day: 1)!
            let volunteer = try VolunteerStore.create(db, VolunteerStore.Input(personId: person, unitId: hosts[index % hosts.count].id, skills: skills,
                                                                               availability: ["Tối thứ Bảy", "Chủ nhật", "Các buổi chiều"][index % 3],
                                                                               since: since.display), by: admin, now: now)
            if let activity = activities.isEmpty ? nil : activities[index % activities.count] {
                _ = try VolunteerStore.addRole(db, volunteerId: volunteer.id!, activityId: activity, clubSessionId: nil,
                                               role: ["Kể chuyện cho thiếu nhi", "Hướng dẫn tra cứu", "Hậu cần"][index % 3], by: admin)
            }
            for entry in 0..<(3 + random.next(6)) {
                let day = since.adding(days: 20 + entry * 37 + random.next(10))
                guard day <= today else { break }
                let hours = try VolunteerStore.logHours(db, volunteerId: volunteer.id!, VolunteerStore.HoursInput(
                    date: day.display, hours: String(1 + random.next(4)) + (entry % 2 == 0 ? ",5" : ""),
                    activityId: entry == 0 ? activities.first : nil, description: "Hỗ trợ sinh hoạt"), by: clerk, now: now)
                // The most recent entries still wait for approval.
                if day < today.adding(days: -14) { try VolunteerStore.review(db, hoursId: hours.id!, approve: true, by: admin, now: now) }
            }
            // A few of this week's hours wait in the approval queue.
            if index < 3 {
                _ = try VolunteerStore.logHours(db, volunteerId: volunteer.id!, VolunteerStore.HoursInput(
                    date: today.adding(days: -2).display, hours: "2", description: "Hướng dẫn đọc sách cuối tuần"), by: clerk, now: now)
            }
        }
        return made
    }
}
