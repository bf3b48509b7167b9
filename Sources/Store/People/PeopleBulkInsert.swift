import Foundation
import GRDB
import Vietnamese

/// Residents and their SMS consent written in batches (CSV import and synthetic people): people go in by multi-row
/// INSERTs; once a batch is written its rowids are known, and the consents of that batch follow in batches of their
/// own. Call `finish()` before reading what was written.
struct PeopleBulkInsert {
    private var people: BatchInsert
    private var consents: BatchInsert
    /// Consents waiting for their person's rowid: position in the pending people batch, method, guardian.
    private var waiting: [(row: Int64, method: ConsentMethod, guardian: String?)] = []
    private var expectedFirstId: Int64?

    init(_ db: Database, now: Date, today: CivilDate) throws {
        let stamp = BatchInsert.literal(String.fromDatabaseValue(now.databaseValue) ?? "")  // formatted once, not once a row
        people = try BatchInsert(db, into: "person", columns: """
            fullName, sortKey, searchKey, gender, birthDate, birthYear, ethnicity, villageId, phone, phoneOriginal, email,
            notes, language, sortName, createdAt, updatedAt
            """, row: "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,\(stamp),\(stamp))")
        consents = try BatchInsert(db, into: "consent", columns: "personId, channel, purpose, givenOn, method, guardianName, createdAt",
                                   row: "(?,'sms',\(BatchInsert.literal(Consent.defaultPurpose)),\(BatchInsert.literal(today.iso)),?,?,\(stamp))")
    }

    /// Adds one resident; `smsConsent` says how their SMS consent was given, if it was.
    mutating func add(_ person: Person, smsConsent: ConsentMethod?, guardian: String?) throws {
        people.add(person.fullName); people.add(person.sortKey); people.add(person.searchKey)
        people.add(person.gender.rawValue); people.add(person.birthDate?.iso); people.add(person.birthYear)
        people.add(person.ethnicity); people.add(person.villageId); people.add(person.phone); people.add(person.phoneOriginal)
        people.add(person.email); people.add(person.notes); people.add(person.language); people.add(person.sortName)
        if let smsConsent { waiting.append((Int64(people.pendingRows), smsConsent, guardian)) }
        people.endRow()
        if people.isFull { try flushPeople() }
    }

    mutating func finish() throws {
        try flushPeople()
        try consents.flush()
    }

    private mutating func flushPeople() throws {
        let pending = Int64(people.pendingRows)
        guard let firstId = try people.flush() else { return }
        // Rowids are taken from the ones just written; make sure nothing else wrote in between.
        if let expectedFirstId, expectedFirstId != firstId {
            throw DatabaseError(message: "person rowids are not consecutive (expected \(expectedFirstId), got \(firstId))")
        }
        expectedFirstId = firstId + pending
        for consent in waiting {
            consents.add(firstId + consent.row); consents.add(consent.method.rawValue); consents.add(consent.guardian)
            consents.endRow()
            if consents.isFull { try consents.flush() }
        }
        waiting.removeAll(keepingCapacity: true)
    }
}
