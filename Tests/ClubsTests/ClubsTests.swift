import Foundation
import GRDB
@testable import Clubs
import Store
import Testing
import Vietnamese

/// Two villages, each with a cultural house; an editor scoped to house A (a club leader's account).
struct ClubFixture {
    let database: AppDatabase
    let houseA: Int64
    let houseB: Int64
    let village: Int64
    let leaderA: Principal

    init() throws {
        database = try AppDatabase.inMemory(modules: [StoreSchema.self, ClubsSchema.self])
        let ids = try database.writer.write { db -> [Int64] in
            let commune = try UnitStore.create(db, UnitInput(name: "UBND xã Thử", kind: "commune_committee"), by: .system).id!
            let village = try UnitStore.create(db, UnitInput(name: "Thôn Một", kind: "village", parentId: commune), by: .system).id!
            let a = try UnitStore.create(db, UnitInput(name: "Nhà văn hóa thôn Một", kind: "cultural_house", parentId: village), by: .system).id!
            let b = try UnitStore.create(db, UnitInput(name: "Nhà văn hóa thôn Hai", kind: "cultural_house", parentId: commune), by: .system).id!
            _ = try UnitStore.create(db, UnitInput(name: "Nhà văn hóa cũ", kind: "cultural_house", parentId: commune, isActive: false), by: .system)
            return [a, b, village]
        }
        houseA = ids[0]; houseB = ids[1]; village = ids[2]
        leaderA = Principal(accountId: 5, login: "clb", displayName: "CLB", role: .editor, unitIds: [ids[0]])
    }

    func club(_ name: String, house: Int64, kind: ClubKind = .club, field: ClubField = .reading, ages: [AgeGroup] = [.children],
              founded: String = "01/01/2025") throws -> Int64 {
        try database.writer.write { db in
            try ClubStore.create(db, ClubInput(name: name, unitId: house, kind: kind.rawValue, field: field.rawValue,
                                               ageGroups: ages.map(\.rawValue), foundedOn: founded), by: .system).id!
        }
    }

    func sessions(_ club: Int64, on dates: [String]) throws {
        try database.writer.write { db in
            for date in dates { _ = try ClubStore.recordSession(db, clubId: club, .init(date: date), by: .system) }
        }
    }

    func person(_ name: String) throws -> Int64 {
        try database.writer.write { try PersonStore.create($0, PersonInput(fullName: name, villageId: village), by: .system).id! }
    }
}

func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

extension ClubFixture {
    func active(on day: String, months: Int = 3) throws -> Set<Int64> {
        try database.writer.read { try ActivityIndicator.activeClubs($0, on: date(day), rule: ActivityRule(months: months)) }
    }
}

@Suite("Clubs: the activity rule and the indicator")
struct ActivityRuleTests {
    @Test("The window is the full months before the date, across a year boundary")
    func window() {
        #expect(ActivityRule().window(before: date("15/02/2026")) == ["2025-11", "2025-12", "2026-01"])
        #expect(ActivityRule().window(before: date("01/03/2026")) == ["2025-12", "2026-01", "2026-02"])
        #expect(ActivityRule(months: 1).window(before: date("31/01/2026")) == ["2025-12"])
    }

    @Test("A session in each of the three months counts; the current month does not; a gap does not")
    func monthBoundaries() throws {
        let fixture = try ClubFixture()
        let regular = try fixture.club("CLB Đọc sách", house: fixture.houseA)
        let gap = try fixture.club("CLB Cồng chiêng", house: fixture.houseB, field: .gongCulture)
        try fixture.sessions(regular, on: ["31/08/2025", "01/09/2025", "30/09/2025", "01/10/2025"])
        try fixture.sessions(gap, on: ["15/08/2025", "15/10/2025", "01/11/2025"])
        #expect(try fixture.active(on: "01/11/2025") == [regular])   // Aug, Sep, Oct
        #expect(try fixture.active(on: "31/10/2025").isEmpty)        // Jul, Aug, Sep: no July
        #expect(try fixture.active(on: "01/12/2025").isEmpty)        // Sep, Oct, Nov: no November
        #expect(try fixture.active(on: "01/11/2025", months: 1) == [regular, gap])
    }

    @Test("A paused or closed club does not count while paused, and counts again once reopened")
    func pausedAndClosed() throws {
        let fixture = try ClubFixture()
        let club = try fixture.club("CLB Văn nghệ", house: fixture.houseA, field: .artsMusic)
        try fixture.sessions(club, on: ["05/05/2025", "05/06/2025", "05/07/2025", "05/08/2025", "05/09/2025"])
        try fixture.database.writer.write { try ClubStore.setStatus($0, id: club, .paused, since: date("20/08/2025"), note: "Mùa mưa", by: .system) }
        #expect(try fixture.active(on: "19/08/2025") == [club])
        #expect(try fixture.active(on: "01/09/2025").isEmpty)
        try fixture.database.writer.write { try ClubStore.setStatus($0, id: club, .active, since: date("25/08/2025"), note: nil, by: .system) }
        #expect(try fixture.active(on: "01/09/2025") == [club])
        try fixture.database.writer.write { try ClubStore.setStatus($0, id: club, .closed, since: date("30/09/2025"), note: nil, by: .system) }
        #expect(try fixture.active(on: "01/10/2025").isEmpty)
    }

    @Test("The indicator: active cultural houses over all active ones, with breakdowns")
    func indicatorShare() throws {
        let fixture = try ClubFixture()
        let reading = try fixture.club("CLB Đọc sách", house: fixture.houseA, kind: .club, field: .reading, ages: [.children, .youth])
        let dance = try fixture.club("Lớp múa", house: fixture.houseA, kind: .talentClass, field: .artsMusic, ages: [.children])
        let idle = try fixture.club("Nhóm thêu", house: fixture.houseB, kind: .interestGroup, field: .crafts, ages: [.adults])
        try fixture.sessions(reading, on: ["10/01/2026", "10/02/2026", "10/03/2026"])
        try fixture.sessions(dance, on: ["11/01/2026", "11/02/2026", "11/03/2026"])
        try fixture.sessions(idle, on: ["10/03/2026"])
        let indicator = try fixture.database.writer.read { try ActivityIndicator.compute($0, on: date("01/04/2026"), rule: ActivityRule()) }
        #expect(indicator.houses == 2)          // the inactive house is not counted
        #expect(indicator.activeHouses == 1)
        #expect(indicator.share == 50)
        #expect(indicator.byKind.first { $0.label == ClubKind.talentClass.label }?.clubs == 1)
        #expect(indicator.byAgeGroup.first { $0.label == AgeGroup.children.label }.map { ($0.clubs, $0.houses) }! == (2, 1))
        #expect(indicator.byField.first { $0.label == ClubField.crafts.label }?.clubs == 0)
    }
}

@Suite("Clubs: members, sessions, permissions")
struct ClubRecordTests {
    @Test("Membership history: leaving keeps the record, rejoining makes a new one; only one open at a time")
    func membershipHistory() throws {
        let fixture = try ClubFixture()
        let club = try fixture.club("CLB Đọc sách", house: fixture.houseA)
        let person = try fixture.person("Lê Thị Mai")
        try fixture.database.writer.write { db in
            let first = try ClubStore.addMember(db, clubId: club, personId: person, role: .member, joinedOn: date("01/02/2025"), by: .system)
            #expect(throws: DomainError.self) {
                try ClubStore.addMember(db, clubId: club, personId: person, role: .member, joinedOn: date("01/03/2025"), by: .system)
            }
            try ClubStore.endMembership(db, memberId: first.id!, on: date("30/06/2025"), by: .system)
            _ = try ClubStore.addMember(db, clubId: club, personId: person, role: .deputy, joinedOn: date("01/01/2026"), by: .system)
        }
        let members = try fixture.database.writer.read { try ClubStore.members($0, clubId: club) }
        #expect(members.count == 2)
        #expect(members[0].member.leftOn == nil && members[0].member.role == .deputy)
        #expect(members[1].member.leftOn == date("30/06/2025"))
        let onSheet = try fixture.database.writer.read { try ClubStore.members($0, clubId: club, on: date("01/09/2025")) }
        #expect(onSheet.isEmpty)
    }

    @Test("Attendance is saved with the session in one go, and the member's rate follows")
    func attendance() throws {
        let fixture = try ClubFixture()
        let club = try fixture.club("CLB Đọc sách", house: fixture.houseA)
        let mai = try fixture.person("Lê Thị Mai"), nam = try fixture.person("Hồ Văn Nam")
        try fixture.database.writer.write { db in
            for person in [mai, nam] { _ = try ClubStore.addMember(db, clubId: club, personId: person, role: .member, joinedOn: date("01/01/2025"), by: .system) }
            _ = try ClubStore.recordSession(db, clubId: club, .init(date: "05/01/2026", topic: "Sách hay", guests: 3,
                                                                   attendance: [mai: .present, nam: .absent]), by: .system)
            _ = try ClubStore.recordSession(db, clubId: club, .init(date: "12/01/2026", attendance: [mai: .present, nam: .present]), by: .system)
        }
        let members = try fixture.database.writer.read { try ClubStore.members($0, clubId: club) }
        #expect(members.first { $0.member.personId == mai }?.attendanceRate == 100)
        #expect(members.first { $0.member.personId == nam }?.attendanceRate == 50)
        let sessions = try fixture.database.writer.read { try ClubStore.sessions($0, clubId: club) }
        #expect(sessions.map { ($0.present, $0.absent, $0.session.guests) }.first! == (2, 0, 0))
        #expect(sessions.last.map { ($0.present, $0.absent, $0.session.guests) }! == (1, 1, 3))
        // Someone who is not a member cannot be marked.
        let stranger = try fixture.person("Người Lạ")
        #expect(throws: DomainError.self) {
            try fixture.database.writer.write { try ClubStore.recordSession($0, clubId: club, .init(date: "19/01/2026", attendance: [stranger: .present]), by: .system) }
        }
        #expect(throws: DomainError.self) {
            try fixture.database.writer.write { try ClubStore.recordSession($0, clubId: club, .init(date: "31/02/2026"), by: .system) }
        }
    }

    @Test("A club leader's account works on its own cultural house and is refused on another")
    func permissions() throws {
        let fixture = try ClubFixture()
        let own = try fixture.club("CLB Đọc sách", house: fixture.houseA)
        let other = try fixture.club("CLB Bóng chuyền", house: fixture.houseB, field: .sports)
        try fixture.database.writer.write { db in
            _ = try ClubStore.recordSession(db, clubId: own, .init(date: "05/01/2026"), by: fixture.leaderA)
            #expect(throws: DomainError.self) { try ClubStore.recordSession(db, clubId: other, .init(date: "05/01/2026"), by: fixture.leaderA) }
            #expect(throws: DomainError.self) { try ClubStore.setStatus(db, id: other, .closed, since: date("01/01/2026"), note: nil, by: fixture.leaderA) }
            #expect(throws: DomainError.self) {
                try ClubStore.create(db, ClubInput(name: "Lấn sân", unitId: fixture.houseB, kind: "club", field: "reading", ageGroups: ["youth"]), by: fixture.leaderA)
            }
        }
        let visible = try fixture.database.writer.read { try ClubStore.list($0, for: fixture.leaderA) }
        #expect(visible.map(\.club.id) == [own])
    }

    @Test("Bad input is refused with a message per field")
    func validation() throws {
        let fixture = try ClubFixture()
        do {
            _ = try fixture.database.writer.write {
                try ClubStore.create($0, ClubInput(name: " ", unitId: fixture.village, kind: "band", field: "x", ageGroups: []), by: .system)
            }
            Issue.record("expected a refusal")
        } catch let error as DomainError {
            #expect(Set(error.fieldErrors.keys) == ["name", "unitId", "kind", "field", "ageGroups"])
        }
    }
}
