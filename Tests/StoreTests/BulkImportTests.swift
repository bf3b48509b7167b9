import Foundation
import GRDB
import Testing
@testable import Store

/// Files above `BulkWrite.threshold` rows take the set-aside path (indexes and triggers dropped, rows in batches,
/// everything rebuilt, references checked at the end). What a user sees must be the same as row by row.
@Suite("Large imports")
struct BulkImportTests {
    static let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Y", "A", "Đinh", "Bùi", "Võ"]
    static let middles = ["Văn", "Thị", "Hữu", "Ngọc", "Minh", "Thanh", "Đức", "Thu", "Quang", "Kim"]
    static let givens = ["An", "Bình", "Chi", "Dũng", "Hà", "Hiên", "Khánh", "Lan", "Mai", "Nam", "Phụng", "Quý", "Sơn",
                         "Tâm", "Uyên", "Vy", "Xuân", "Yến", "Pớt", "Blin", "Đăng"]

    /// Row i: a distinct name from the three lists, village A or B by parity, a phone on every fifth row and SMS
    /// consent on every village-B row.
    static func csv(rows: Int) -> String {
        var text = "Họ và tên,Giới tính,Năm sinh,Thôn,Điện thoại,Đồng ý nhận tin\n"
        for i in 0..<rows {
            let name = "\(families[i % 10]) \(middles[(i / 10) % 10]) \(givens[(i / 100) % givens.count]) \(givens[(i / 2100) % givens.count])"
            let village = i % 2 == 0 ? "Thôn A" : "Thôn B"
            let phone = i % 5 == 0 ? String(format: "09%08d", i) : ""
            text += "\(name),\(i % 3 == 0 ? "Nữ" : "Nam"),\(1950 + i % 50),\(village),\(phone),\(i % 2 == 1 ? "có" : "không")\n"
        }
        return text
    }

    @Test("A file over the bulk threshold imports whole: counts, consents on the right people, search, and the store stays checked")
    func largeFileImportsLikeSmallOnes() throws {
        let fixture = try Fixture()
        try fixture.addPerson("Trần Văn Trước", village: fixture.villageA)
        let rows = BulkWrite.threshold + 1_000
        let report = try fixture.database.writer.writeWithoutTransaction { db in
            try PeopleImporter.run(db, data: Data(Self.csv(rows: rows).utf8), file: "lon.csv", options: .init(), by: .system)
        }
        #expect(report.succeeded && report.inserted == rows)
        let after = try fixture.database.writer.read { db in
            (people: try Person.fetchCount(db),
             problems: try DatabaseCheck.run(db),  // integrity, references, per-village counters
             countedInB: try Int.fetchOne(db, sql: "SELECT count FROM personCount WHERE villageId = ?", arguments: [fixture.villageB]),
             consents: try Int.fetchOne(db, sql: "SELECT count(*) FROM consent"),
             consentsInB: try Int.fetchOne(db, sql: "SELECT count(*) FROM consent c JOIN person p ON p.id = c.personId WHERE p.villageId = ?",
                                           arguments: [fixture.villageB]),
             byName: try PersonStore.search(db, PersonQuery(text: "tran van binh an"), for: .system).items.map(\.fullName),
             byPhone: try PersonStore.search(db, PersonQuery(text: "0900000005"), for: .system).items.map(\.fullName),
             earlier: try PersonStore.search(db, PersonQuery(text: "trươc"), for: .system).items.map(\.fullName),
             foreignKeys: try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(after.people == rows + 1)
        #expect(after.problems == [])
        #expect(after.countedInB == rows / 2)
        // Every village-B resident, and only they, consented: consents landed on the right rowids.
        #expect(after.consents == rows / 2 && after.consentsInB == rows / 2)
        // The search index holds the new names and phones, and the resident who was there before.
        #expect(after.byName.contains("Trần Văn Bình An"))
        #expect(after.byPhone == ["Y Văn An An"])
        #expect(after.earlier == ["Trần Văn Trước"])
        #expect(after.foreignKeys == 1)

        // Indexes and triggers are back: a resident added by hand is counted and found at once.
        try fixture.addPerson("Lò Thị Sau", village: fixture.villageB)
        let later = try fixture.database.writer.read { db in
            (countedInB: try Int.fetchOne(db, sql: "SELECT count FROM personCount WHERE villageId = ?", arguments: [fixture.villageB]),
             found: try PersonStore.search(db, PersonQuery(text: "lo thi sau"), for: .system).items.map(\.fullName))
        }
        #expect(later.countedInB == rows / 2 + 1)
        #expect(later.found == ["Lò Thị Sau"])
    }

    @Test("A bulk write whose rows point at a missing village is refused at the end and leaves nothing behind")
    func brokenReferenceRollsBack() throws {
        let fixture = try Fixture()
        let before = try fixture.database.writer.read { try Person.fetchCount($0) }
        #expect(throws: DatabaseError.self) {
            try fixture.database.writer.writeWithoutTransaction { db in
                try BulkWrite.run(db, expectedRows: BulkWrite.threshold) {
                    var writer = try PeopleBulkInsert(db, now: Date(), today: .today())
                    try writer.add(Person(fullName: "Hà Văn Lạc", villageId: fixture.villageA), smsConsent: .imported, guardian: nil)
                    try writer.add(Person(fullName: "Hà Văn Lạc Đường", villageId: 424_242), smsConsent: nil, guardian: nil)
                    try writer.finish()
                }
            }
        }
        let after = try fixture.database.writer.read { db in
            (people: try Person.fetchCount(db), consents: try Int.fetchOne(db, sql: "SELECT count(*) FROM consent"),
             sortIndex: try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'person_sort'"),
             foreignKeys: try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(after.people == before && after.consents == 0)
        #expect(after.sortIndex == 1 && after.foreignKeys == 1)
    }

    @Test("A bulk write leaving a consent for a person who does not exist is refused, naming the column and value")
    func brokenConsentRollsBack() throws {
        let fixture = try Fixture()
        var message = ""
        do {
            try fixture.database.writer.writeWithoutTransaction { db in
                try BulkWrite.run(db, expectedRows: BulkWrite.threshold) {
                    var writer = try PeopleBulkInsert(db, now: Date(), today: .today())
                    try writer.add(Person(fullName: "Hà Thị Mơ", villageId: fixture.villageA), smsConsent: .imported, guardian: nil)
                    try writer.finish()
                    try db.execute(sql: """
                        INSERT INTO consent(personId, channel, purpose, givenOn, method, createdAt)
                        VALUES (777777, 'sms', 'x', '2026-01-01', 'imported', '2026-01-01 00:00:00')
                        """)
                }
            }
        } catch let error as DatabaseError {
            message = error.message ?? ""
        }
        #expect(message.contains("consent.personId = 777777"))
        let left = try fixture.database.writer.read { db in
            (try Person.fetchCount(db), try Int.fetchOne(db, sql: "SELECT count(*) FROM consent"))
        }
        #expect(left.0 == 0 && left.1 == 0)
    }
}
