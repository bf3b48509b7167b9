import Foundation
import GRDB
import Vietnamese

/// Streams synthetic residents into the store for benchmarks (`densach demo generate --people N`):
/// multi-row inserts in one transaction, ~90% with SMS consent. Villages are reused or created.
package enum SyntheticPeople {
    package static func generate(_ db: Database, count: Int, seed: UInt64 = 2026, consentPercent: Int = 90,
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
        var rng = SeededGenerator(seed: seed)
        var writer = try PeopleBulkInsert(db, now: now, today: today)
        for index in 0..<count {
            let draft = DemoPersonDraft.make(&rng, thisYear: today.year)
            let person = Person(fullName: draft.fullName, gender: draft.gender, birthYear: draft.birthYear,
                                ethnicity: draft.ethnicity, villageId: villages[index % villages.count],
                                phone: draft.phone.flatMap { try? PhoneNumber.parse($0).get() }, now: now)
            if rng.chance(consentPercent) {
                let child = today.year - draft.birthYear < 16
                try writer.add(person, smsConsent: child ? .guardian : .imported, guardian: child ? "Phụ huynh" : nil)
            } else {
                try writer.add(person, smsConsent: nil, guardian: nil)
            }
            if (index + 1) % 10_000 == 0 { progress?(index + 1) }
        }
        try writer.finish()
        progress?(count)
    }
}
