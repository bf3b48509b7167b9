import Foundation
import GRDB
import Testing
@testable import Store
import Vietnamese

@Suite("Records, permissions and audit")
struct RecordRulesTests {
    @Test("Every create and update leaves an audit row with who, what, before and after")
    func auditTrail() throws {
        let fixture = try Fixture()
        let person = try fixture.database.writer.write { db in
            try PersonStore.create(db, PersonInput(fullName: "Đỗ Thị Mai", villageId: fixture.villageA), by: fixture.editorA)
        }
        try fixture.database.writer.write { db in
            _ = try PersonStore.update(db, id: person.id!, PersonInput(fullName: "Đỗ Thị Mai Anh", villageId: fixture.villageA), by: fixture.editorA)
        }
        let entries = try fixture.database.writer.read { try Audit.entries($0, filter: .init(entity: "person")) }.items
        #expect(entries.map(\.action) == ["update", "create"])
        #expect(entries.allSatisfy { $0.actor == "thona" && $0.accountId == 99 && $0.entityId == String(person.id!) })
        #expect(entries[0].before?.contains("Đỗ Thị Mai") == true)
        #expect(entries[0].after?.contains("Đỗ Thị Mai Anh") == true)
    }

    @Test("A unit editor cannot create or move people outside their units; a viewer writes nothing")
    func writeRefusals() throws {
        let fixture = try Fixture()
        let mine = try fixture.addPerson("Y Hiên", village: fixture.villageA)
        #expect(throws: DomainError.forbidden) {
            try fixture.database.writer.write { try PersonStore.create($0, PersonInput(fullName: "A Pớt", villageId: fixture.villageB), by: fixture.editorA) }
        }
        #expect(throws: DomainError.forbidden) {
            try fixture.database.writer.write {
                _ = try PersonStore.update($0, id: mine.id!, PersonInput(fullName: "Y Hiên", villageId: fixture.villageB), by: fixture.editorA)
            }
        }
        let viewer = Principal(accountId: 5, login: "xem", displayName: "Xem", role: .viewer)
        #expect(throws: DomainError.forbidden) {
            try fixture.database.writer.write { try PersonStore.create($0, PersonInput(fullName: "A Sang", villageId: fixture.villageA), by: viewer) }
        }
        #expect(throws: DomainError.forbidden) {
            try fixture.database.writer.write { try UnitStore.create($0, UnitInput(name: "Thôn C", kind: "village"), by: fixture.editorA) }
        }
    }

    @Test("Bad input is refused field by field, in Vietnamese")
    func validation() throws {
        let fixture = try Fixture()
        do {
            try fixture.database.writer.write {
                _ = try PersonStore.create($0, PersonInput(fullName: " ", gender: "abc", birthYear: "1700", villageId: fixture.school, phone: "12345"), by: .system)
            }
            Issue.record("invalid person was saved")
        } catch let error as DomainError {
            #expect(error.kind == .invalid)
            #expect(Set(error.fieldErrors.keys) == ["fullName", "gender", "birthYear", "phone", "villageId"])
            #expect(error.fieldErrors["villageId"] == "Đơn vị được chọn không phải là thôn, làng")
        }
    }

    @Test("A unit cannot become its own ancestor; a renamed unit keeps its former name")
    func unitTree() throws {
        let fixture = try Fixture()
        let commune = try fixture.database.writer.read { try OrgUnit.filter(Column("kind") == "commune_committee").fetchOne($0)! }
        #expect(throws: DomainError.self) {
            try fixture.database.writer.write {
                _ = try UnitStore.update($0, id: commune.id!, UnitInput(name: commune.name, kind: "commune_committee", parentId: fixture.villageA), by: .system)
            }
        }
        try fixture.database.writer.write {
            _ = try UnitStore.update($0, id: fixture.villageA, UnitInput(name: "Thôn Kon Rờ", kind: "village", parentId: commune.id), by: .system)
        }
        let (former, found) = try fixture.database.writer.read { db in
            (try UnitStore.formerNames(db, unitId: fixture.villageA).map(\.name), try UnitStore.find(db, name: "thon a")?.id)
        }
        #expect(former == ["Thôn A"])
        #expect(found == fixture.villageA)
    }

    @Test("Children need a guardian's consent; withdrawal takes effect at once")
    func consents() throws {
        let fixture = try Fixture()
        let thisYear = CivilDate.today().year
        let child = try fixture.addPerson("Y Nhàn", village: fixture.villageA, phone: "0912000111", birthYear: thisYear - 10)
        let today = CivilDate.today()
        #expect(throws: DomainError.self) {
            try fixture.database.writer.write { _ = try ConsentStore.give($0, Consent(personId: child.id!, channel: .sms, givenOn: today, method: .inPerson), by: .system) }
        }
        let consent = try fixture.database.writer.write {
            try ConsentStore.give($0, Consent(personId: child.id!, channel: .sms, givenOn: today, method: .guardian, guardianName: "A Dũng"), by: .system)
        }
        let before = try fixture.database.writer.read { try Person.all().consenting(to: .sms).fetchCount($0) }
        try fixture.database.writer.write { try ConsentStore.withdraw($0, consentId: consent.id!, on: today, by: .system) }
        let after = try fixture.database.writer.read { try Person.all().consenting(to: .sms).fetchCount($0) }
        #expect(before == 1 && after == 0)
    }

    @Test("Five failed logins lock the login for that address for 15 minutes, not for other addresses")
    func throttling() throws {
        let fixture = try Fixture()
        let now = Date()
        try fixture.database.writer.write { db in
            for _ in 0..<5 { _ = try AccountStore.beginAttempt(db, login: "admin", address: "10.0.0.1", now: now) }
        }
        let (locked, other, later) = try fixture.database.writer.read { db in
            (try AccountStore.lockedUntil(db, login: "admin", address: "10.0.0.1", now: now),
             try AccountStore.lockedUntil(db, login: "admin", address: "10.0.0.2", now: now),
             try AccountStore.lockedUntil(db, login: "admin", address: "10.0.0.1", now: now.addingTimeInterval(15 * 60 + 1)))
        }
        #expect(locked != nil)
        #expect(other == nil)
        #expect(later == nil)
    }

    @Test("Migrations run on a file database in WAL mode with foreign keys on")
    func fileDatabase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("densach-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let database = try AppDatabase.open(path: path, modules: [StoreSchema.self])
        let (journal, foreignKeys, synchronous, applied) = try database.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try Int.fetchOne(db, sql: "PRAGMA synchronous"), try AppDatabase.migrator(modules: [StoreSchema.self]).appliedMigrations(db))
        }
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
        #expect(synchronous == 2, "FULL: a commit survives a power cut")
        #expect(applied == ["store.v1", "store.v2-household-index", "store.v3-person-search", "store.v4-consent-index", "store.v5-login-throttle",
                            "store.v6-token-scope", "store.v7-password-change", "store.v8-person-language", "store.v9-given-name-order",
                            "store.v10-person-merge", "store.v11-consent-wording", "store.v12-consent-covering-index"])
        // The export reads a channel's consents from the index alone, in person order (no visit to the table).
        let plan = try database.writer.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT personId, max(CASE WHEN withdrawnOn IS NULL THEN 2 ELSE 1 END) FROM consent
                WHERE channel = 'sms' GROUP BY personId ORDER BY personId
                """).map { $0["detail"] as String }.joined(separator: "; ")
        }
        #expect(plan.contains("COVERING INDEX consent_person_channel_withdrawn"))
    }

    @Test("A backup restores to the same counts")
    func backup() throws {
        let fixture = try Fixture()
        try fixture.addPerson("Lý Văn Long", village: fixture.villageA)
        try fixture.addPerson("Lý Thị Lan", village: fixture.villageB)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let target = try DatabaseQueue(path: path)
        try fixture.database.writer.backup(to: target)
        try target.close()
        let restored = try AppDatabase.open(path: path, modules: [StoreSchema.self])
        let counts = try restored.writer.read { db in
            (try Person.fetchCount(db), try OrgUnit.fetchCount(db), try AuditEntry.fetchCount(db), try DatabaseCheck.run(db))
        }
        #expect(counts.0 == 2 && counts.1 == 4 && counts.2 == 6)
        #expect(counts.3.isEmpty)
    }
}

@Suite("Secrets")
struct SecretsTests {
    @Test("Tokens are stored as the standard SHA-256 hex digest")
    func sha256() {
        #expect(Secrets.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Secrets.sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
