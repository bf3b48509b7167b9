import Foundation
import GRDB
import Vietnamese

/// Streams synthetic residents into the store for benchmarks (`densach demo generate --people N`):
/// prepared statements in one transaction, ~90% with SMS consent. Villages are reused or created.
public enum SyntheticPeople {
    public static func generate(_ db: Database, count: Int, seed: UInt64 = 2026, consentPercent: Int = 90,
                                now: Date = Date(), progress: ((Int) -> Void)? = nil) throws {
        var villages = try Int64.fetchAll(db, sql: "SELECT id FROM unit WHERE kind = 'village' ORDER BY id")
        if villages.isEmpty {
            for number in 1...10 {
                var village = OrgUnit(name: "Thôn \(number)", kind: .village, now: now)
                try village.insert(db)
                villages.append(village.id!)
            }
        }
        let today = CivilDate.today(now: now)
        var rng = SeededGenerator(seed: seed)
        let person = try db.makeStatement(sql: """
            INSERT INTO person (fullName, sortKey, searchKey, gender, birthYear, ethnicity, villageId, phone, phoneOriginal,
              createdAt, updatedAt) VALUES (?,?,?,?,?,?,?,?,?,?,?)
            """)
        let consent = try db.makeStatement(sql: """
            INSERT INTO consent (personId, channel, purpose, givenOn, method, guardianName, createdAt) VALUES (?, 'sms', ?, ?, ?, ?, ?)
            """)
        for index in 0..<count {
            let draft = DemoPersonDraft.make(&rng, thisYear: today.year)
            let phone = draft.phone.flatMap { try? PhoneNumber.parse($0).get() }
            try person.execute(arguments: [draft.fullName, NameSortKey.make(draft.fullName), VietnameseText.searchKey(draft.fullName),
                                           draft.gender.rawValue, draft.birthYear, draft.ethnicity, villages[index % villages.count],
                                           phone?.normalized, phone?.original, now, now])
            if rng.chance(consentPercent) {
                let child = today.year - draft.birthYear < 16
                try consent.execute(arguments: [db.lastInsertedRowID, Consent.defaultPurpose, today.iso,
                                                child ? ConsentMethod.guardian.rawValue : ConsentMethod.imported.rawValue,
                                                child ? "Phụ huynh" : nil, now])
            }
            if (index + 1) % 10_000 == 0 { progress?(index + 1) }
        }
        progress?(count)
    }
}
