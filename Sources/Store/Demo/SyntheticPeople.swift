import Foundation
import GRDB
import Vietnamese

/// Streams synthetic residents into the store for benchmarks (`densach demo generate --people N`):
/// prepared statements in one transaction, ~90% with SMS consent. Villages are reused or created.
public enum SyntheticPeople {
    public static func generate(_ db: Database, count: Int, seed: UInt64 = 2026, consentPercent: Int = 90,
                                now: Date = Date(), progress: ((Int) -> Void)? = nil) throws {
        try BulkWrite.run(db, expectedRows: count) {
            try insert(db, count: count, seed: seed, consentPercent: consentPercent, now: now, progress: progress)
        }
    }

    private static func insert(_ db: Database, count: Int, seed: UInt64, consentPercent: Int, now: Date,
                               progress: ((Int) -> Void)?) throws {
        var villages = try Int64.fetchAll(db, sql: "SELECT id FROM unit WHERE kind = 'village' ORDER BY id")
        if villages.isEmpty {
            for number in 1...10 {
                var village = OrgUnit(name: "Thôn \(number)", kind: .village, now: now)
                try village.insert(db)
                villages.append(village.id!)
            }
        }
        let today = CivilDate.today(now: now)
        let stamp = String.fromDatabaseValue(now.databaseValue) ?? ""  // formatted once, not once a row
        let todayText = today.iso
        var rng = SeededGenerator(seed: seed)
        let person = try RawInsert(db, sql: """
            INSERT INTO person (fullName, sortKey, searchKey, gender, birthYear, ethnicity, villageId, phone, phoneOriginal,
              createdAt, updatedAt) VALUES (?,?,?,?,?,?,?,?,?,?,?)
            """)
        let consent = try RawInsert(db, sql: """
            INSERT INTO consent (personId, channel, purpose, givenOn, method, guardianName, createdAt) VALUES (?, 'sms', ?, ?, ?, ?, ?)
            """)
        for index in 0..<count {
            let draft = DemoPersonDraft.make(&rng, thisYear: today.year)
            let phone = draft.phone.flatMap { try? PhoneNumber.parse($0).get() }
            person.bind(1, draft.fullName); person.bind(2, NameSortKey.make(draft.fullName))
            person.bind(3, VietnameseText.searchKey(draft.fullName)); person.bind(4, draft.gender.rawValue)
            person.bind(5, draft.birthYear); person.bind(6, draft.ethnicity); person.bind(7, villages[index % villages.count])
            person.bind(8, phone?.normalized); person.bind(9, phone?.original); person.bind(10, stamp); person.bind(11, stamp)
            try person.run()
            if rng.chance(consentPercent) {
                let child = today.year - draft.birthYear < 16
                consent.bind(1, db.lastInsertedRowID); consent.bind(2, Consent.defaultPurpose); consent.bind(3, todayText)
                consent.bind(4, child ? ConsentMethod.guardian.rawValue : ConsentMethod.imported.rawValue)
                consent.bind(5, child ? "Phụ huynh" : nil); consent.bind(6, stamp)
                try consent.run()
            }
            if (index + 1) % 10_000 == 0 { progress?(index + 1) }
        }
        progress?(count)
    }
}
