import Foundation
import GRDB
import Store
import Vietnamese

/// Clubs for the demo commune: most cultural houses have one to three, with members from their village and a year of
/// sessions and attendance. Some meet every month, some skip months, two houses have none — so the indicator means
/// something. Deterministic: the same demo every time.
package enum DemoClubs {
    static let catalogue: [(String, ClubKind, ClubField, [AgeGroup])] = [
        ("CLB Đọc sách thiếu nhi", .club, .reading, [.children]),
        ("Đội cồng chiêng", .club, .gongCulture, [.youth, .adults, .elderly]),
        ("Lớp múa xoang", .talentClass, .artsMusic, [.children, .youth]),
        ("CLB Bóng chuyền", .club, .sports, [.youth, .adults]),
        ("Nhóm dệt thổ cẩm", .interestGroup, .crafts, [.adults, .elderly]),
        ("Lớp kỹ năng số cho người lớn", .talentClass, .digitalSkills, [.adults, .elderly]),
        ("CLB Du lịch cộng đồng", .club, .tourism, [.youth, .adults]),
        ("CLB Văn nghệ người cao tuổi", .club, .artsMusic, [.elderly]),
    ]

    @discardableResult
    package static func seed(_ db: Database, today: CivilDate = .today(), now: Date = Date()) throws -> Int {
        guard try Club.fetchCount(db) == 0 else { return 0 }
        var random = SeededRandom(seed: 2026)
        let houses = try OrgUnit.filter(OrgUnit.Columns.kind == UnitKind.culturalHouse.rawValue).order(OrgUnit.Columns.sortKey).fetchAll(db)
        var made = 0
        for (index, house) in houses.enumerated() where index % 5 != 4 {  // two houses of ten have nothing yet
            let count = 1 + index % 3
            for offset in 0..<count {
                let entry = catalogue[(index * 3 + offset) % catalogue.count]
                let founded = CivilDate(year: today.year - 2 - offset, month: 1 + (index * 5 + offset) % 12, day: 1 + index % 27)!
                let club = try ClubStore.create(db, ClubInput(name: entry.0, unitId: house.id!, kind: entry.1.rawValue, field: entry.2.rawValue,
                                                              ageGroups: entry.3.map(\.rawValue),
                                                              schedule: ["Tối thứ Bảy hằng tuần", "Chiều Chủ nhật",
                                                                         "Tối thứ Tư và thứ Sáu"][offset % 3],
                                                              foundedOn: founded.display), by: .system, now: now)
                let villageId = house.parentId
                let people = try Int64.fetchAll(db, sql: "SELECT id FROM person \(villageId == nil ? "" : "WHERE villageId = ?") ORDER BY id LIMIT 200",
                                                arguments: villageId.map { [$0] } ?? [])
                guard !people.isEmpty else { continue }
                let size = min(people.count, 8 + random.next(13))
                var members: [Int64] = []
                for position in 0..<size {
                    let person = people[(position * 7 + index) % people.count]
                    guard !members.contains(person) else { continue }
                    members.append(person)
                    var member = ClubMember(clubId: club.id!, personId: person, role: position == 0 ? .head : position == 1 ? .deputy : .member,
                                            joinedOn: founded)
                    try member.insert(db)
                }
                if members.count > 0 {
                    try db.execute(sql: "UPDATE club SET leaderId = ? WHERE id = ?", arguments: [members[0], club.id!])
                }
                // Every third club skips months, so it does not count as regularly active.
                let irregular = (index + offset) % 3 == 2
                for back in (1...12).reversed() {
                    let monthIndex = today.year * 12 + (today.month - 1) - back
                    let year = monthIndex / 12, month = monthIndex % 12 + 1
                    if irregular && back % 2 == 1 { continue }
                    if CivilDate(year: year, month: month, day: 28)! < founded { continue }
                    for week in 0..<(2 + random.next(3)) {
                        let day = min(3 + week * 7 + random.next(3), CivilDate.daysIn(month: month, year: year))
                        var session = ClubSession(clubId: club.id!, date: CivilDate(year: year, month: month, day: day)!,
                                                  topic: week == 0 ? "Sinh hoạt định kỳ tháng \(month)" : nil, place: house.name,
                                                  guests: random.next(6), createdAt: now)
                        try session.insert(db)
                        for person in members {
                            let roll = random.next(100)
                            try Attendance(sessionId: session.id!, personId: person,
                                           status: roll < 78 ? .present : roll < 90 ? .absent : .excused).insert(db)
                        }
                    }
                }
                made += 1
            }
        }
        return made
    }
}
