import Foundation
import GRDB
import Vietnamese

/// A living demo commune for `densach serve --demo`: the commune's units (villages with their cultural houses,
/// schools and their libraries, the commune library, mass organisations), ~2,000 residents with Kinh, Xơ Đăng and
/// Ba Na names, households, and SMS consents (some withdrawn, some given by guardians). Names are fictional.
package enum DemoCommune {
    package struct Summary: Sendable {
        package let units: Int
        package let people: Int
        package let households: Int
        package let villageIds: [Int64]
    }

    /// Fills an empty store; does nothing (returns nil) when units already exist.
    package static func seed(_ db: Database, residents: Int = 2000, now: Date = Date()) throws -> Summary? {
        guard try OrgUnit.fetchCount(db) == 0 else { return nil }
        let actor = Principal.system
        func unit(_ name: String, _ kind: UnitKind, parent: Int64?, contact: String? = nil, phone: String? = nil) throws -> Int64 {
            let input = UnitInput(name: name, kind: kind.rawValue, parentId: parent, phone: phone, contactName: contact)
            return try UnitStore.create(db, input, by: actor, now: now).id!
        }
        let commune = try unit("UBND xã Đăk Tờ Re", .communeCommittee, parent: nil, contact: "Công chức Văn hóa – Xã hội")
        try UnitStore.addFormerName(db, UnitFormerName(unitId: commune, name: "UBND xã Đăk Tờ Re, huyện Kon Rẫy",
                                                       usedUntil: CivilDate(year: 2025, month: 6, day: 30),
                                                       note: "Trước khi bỏ cấp huyện (01/7/2025)"), by: actor)
        var villageIds: [Int64] = []
        for number in 1...10 {
            let village = try unit("Thôn \(number)", .village, parent: commune, contact: "Trưởng thôn \(number)")
            villageIds.append(village)
            _ = try unit("Nhà văn hóa thôn \(number)", .culturalHouse, parent: village)
        }
        _ = try unit("Nhà văn hóa xã", .culturalHouse, parent: commune)
        _ = try unit("Thư viện xã", .communeLibrary, parent: commune, contact: "Cán bộ thư viện")
        _ = try unit("Trung tâm học tập cộng đồng xã", .learningCentre, parent: commune)
        _ = try unit("Điểm Bưu điện – Văn hóa xã", .other, parent: commune)
        for school in ["Trường Mầm non Đăk Tờ Re", "Trường Tiểu học Đăk Tờ Re", "Trường THCS Đăk Tờ Re", "Trường PTDTBT Tiểu học và THCS xã"] {
            let id = try unit(school, .school, parent: commune)
            if !school.contains("Mầm non") { _ = try unit("Thư viện " + school, .schoolLibrary, parent: id) }
        }
        let organisations: [(String, UnitKind)] = [
            ("Ủy ban Mặt trận Tổ quốc Việt Nam xã", .fatherlandFront), ("Hội Liên hiệp Phụ nữ xã", .womensUnion),
            ("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", .youthUnion), ("Hội Nông dân xã", .farmersAssociation),
            ("Hội Cựu chiến binh xã", .veteransAssociation), ("Hội Khuyến học xã", .studyPromotion),
        ]
        for (name, kind) in organisations { _ = try unit(name, kind, parent: commune) }
        try OrgUnit.filter(Column("name") == "Thôn 3").updateAll(db, Column("notes").set(to: "Sáp nhập từ thôn 3 và thôn 11 cũ"))
        try UnitStore.addFormerName(db, UnitFormerName(unitId: villageIds[2], name: "Thôn 11", usedUntil: CivilDate(year: 2020, month: 1, day: 1),
                                                       note: "Sáp nhập vào Thôn 3"), by: actor)
        _ = try unit("Công ty TNHH Nông sản Kon Rẫy (hư cấu)", .business, parent: nil)
        _ = try unit("Cửa hàng sách Đăk Tờ Re (hư cấu)", .business, parent: nil)

        let households = try seedResidents(db, villageIds: villageIds, count: residents, now: now)
        return Summary(units: try OrgUnit.fetchCount(db), people: try Person.fetchCount(db), households: households,
                       villageIds: villageIds)
    }

    /// Residents in households of 2–6 around a head; adults with phones mostly consent to SMS.
    private static func seedResidents(_ db: Database, villageIds: [Int64], count: Int, now: Date) throws -> Int {
        var rng = SeededGenerator(seed: 20_251_124)
        let today = CivilDate.today(now: now)
        var made = 0
        var householdCount = 0
        while made < count {
            let village = villageIds[householdCount % villageIds.count]
            var headDraft = DemoPersonDraft.make(&rng, thisYear: today.year, ethnicPercent: village % 2 == 0 ? 70 : 25)
            if today.year - headDraft.birthYear < 22 {
                headDraft = DemoPersonDraft(fullName: headDraft.fullName, gender: headDraft.gender, birthYear: today.year - rng.int(25...70),
                                            ethnicity: headDraft.ethnicity, phone: headDraft.phone ?? "097" + rng.digits(7))
            }
            var head = person(headDraft, village: village, now: now)
            try head.insert(db)
            var household = Household(name: "Hộ \(head.fullName)", villageId: village, headId: head.id, now: now)
            try household.insert(db)
            head.householdId = household.id
            head.relationToHead = "Chủ hộ"
            try head.update(db)
            try consent(db, head, today: today, rng: &rng)
            made += 1
            householdCount += 1
            for _ in 0..<rng.int(1...5) where made < count {
                let draft = DemoPersonDraft.make(&rng, thisYear: today.year, ethnicPercent: headDraft.ethnicity == "Kinh" ? 10 : 90)
                var member = person(draft, village: village, now: now)
                member.householdId = household.id
                member.relationToHead = rng.pick(draft.gender == .female ? DemoNames.relationsFemale : DemoNames.relationsMale)
                try member.insert(db)
                try consent(db, member, today: today, rng: &rng)
                made += 1
            }
        }
        return householdCount
    }

    private static func person(_ draft: DemoPersonDraft, village: Int64, now: Date) -> Person {
        // Xơ Đăng elders (born 60 years ago or more) prefer messages in Xơ Đăng: the demo's sample translation reaches them.
        let elder = draft.birthYear <= Calendar(identifier: .gregorian).component(.year, from: now) - 60
        return Person(fullName: draft.fullName, gender: draft.gender, birthYear: draft.birthYear, ethnicity: draft.ethnicity,
                      villageId: village, phone: draft.phone.flatMap { try? PhoneNumber.parse($0).get() },
                      language: draft.ethnicity == "Xơ Đăng" && elder ? MessageLanguage.sedang.rawValue : nil, now: now)
    }

    private static func consent(_ db: Database, _ person: Person, today: CivilDate, rng: inout SeededGenerator) throws {
        guard person.phone != nil, rng.chance(75) else { return }
        let child = (person.age(in: today.year) ?? 99) < 16
        let givenOn = CivilDate(year: today.year - rng.int(0...1), month: rng.int(1...12), day: rng.int(1...28)) ?? today
        var record = Consent(personId: person.id!, channel: .sms, givenOn: min(givenOn, today),
                             method: child ? .guardian : (rng.chance(70) ? .paperForm : .inPerson),
                             guardianName: child ? "Phụ huynh của \(person.fullName)" : nil)
        if rng.chance(4) { record.withdrawnOn = today }
        try record.insert(db)
        if rng.chance(30) {
            var zalo = Consent(personId: person.id!, channel: .zalo, givenOn: min(givenOn, today), method: .inPerson,
                               guardianName: child ? "Phụ huynh của \(person.fullName)" : nil)
            try zalo.insert(db)
        }
    }
}
