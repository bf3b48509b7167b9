import Foundation
import GRDB
import Socialization
import Store
import Testing
import Vietnamese

@Suite("Donations and receipts")
struct DonationTests {
    @Test("Forty clerks saving at once on a file database get PT-2026-0001 … 0040: no gap, no duplicate")
    func concurrentReceiptNumbers() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("densach-receipts-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let fixture = try SocializationFixture(database: AppDatabase.open(path: path, modules: SocializationFixture.modules))
        let sponsor = try fixture.sponsor(name: "Công ty Sao Mai")
        let database = fixture.database
        let association = fixture.association
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    _ = try await database.write { db in
                        try DonationStore.create(db, DonationInput(sponsorId: sponsor, date: "0\(1 + index % 9)/04/2026", kind: "cash",
                                                                   amount: "100000", channel: "cash", purpose: "Học bổng",
                                                                   recipientUnitId: association), by: .system)
                    }
                }
            }
            try await group.waitForAll()
        }
        let numbers = try await database.read { try String.fetchAll($0, sql: "SELECT receiptSeq FROM donation WHERE receiptYear = 2026 ORDER BY receiptSeq") }
        #expect(numbers == (1...40).map(String.init))
        let items = try await database.read { try DonationStore.list($0, for: .system) }
        #expect(Set(items.map(\.donation.receiptNumber)).count == 40)
        #expect(items.contains { $0.donation.receiptNumber == "PT-2026-0040" })
    }

    @Test("Each year starts again at 0001; a later year does not disturb an earlier one")
    func numberingPerYear() throws {
        let fixture = try SocializationFixture()
        let a = try fixture.cash(500_000, sponsor: nil, date: "30/12/2025")
        let b = try fixture.cash(500_000, sponsor: nil, date: "02/01/2026")
        let c = try fixture.cash(500_000, sponsor: nil, date: "31/12/2025")
        #expect([a.receiptNumber, b.receiptNumber, c.receiptNumber] == ["PT-2025-0001", "PT-2026-0001", "PT-2025-0002"])
    }

    @Test("A wrong receipt is voided with reason, who and when; it stays listed, leaves the totals, and can be neither deleted nor renumbered")
    func voiding() throws {
        let fixture = try SocializationFixture()
        let sponsor = try fixture.sponsor(name: "Công ty Sao Mai")
        let kept = try fixture.cash(1_000_000, sponsor: sponsor)
        let wrong = try fixture.cash(2_000_000, sponsor: sponsor)
        #expect(throws: DomainError.self) {
            try fixture.database.writer.write { try DonationStore.void($0, id: wrong.id!, reason: "", by: .system) }
        }
        try fixture.database.writer.write { try DonationStore.void($0, id: wrong.id!, reason: "Ghi trùng biên lai", by: .system) }
        let (listed, totals) = try fixture.database.writer.read { db in
            (try DonationStore.list(db, for: .system), try SocializationTotals.compute(db, year: 2026, for: .system))
        }
        let voided = try #require(listed.first { $0.donation.id == wrong.id })
        #expect(voided.donation.voidReason == "Ghi trùng biên lai")
        #expect(voided.donation.voidedBy == "Hệ thống")
        #expect(voided.donation.voidedAt != nil)
        #expect(totals.total == 1_000_000)
        #expect(totals.donations == 1)
        #expect(throws: DomainError.self) {
            try fixture.database.writer.write { try DonationStore.void($0, id: wrong.id!, reason: "Lần nữa cho chắc", by: .system) }
        }
        #expect(throws: DatabaseError.self) { try fixture.database.writer.write { try $0.execute(sql: "DELETE FROM donation WHERE id = ?", arguments: [wrong.id!]) } }
        #expect(throws: DatabaseError.self) { try fixture.database.writer.write { try $0.execute(sql: "UPDATE donation SET receiptSeq = 9 WHERE id = ?", arguments: [kept.id!]) } }
        // The next receipt does not reuse the voided number.
        #expect(try fixture.cash(300_000, sponsor: nil).receiptNumber == "PT-2026-0003")
    }

    @Test("Bad input names its field: amount not in whole đồng, future date, items without quantity, a wrong ISBN")
    func validation() throws {
        let fixture = try SocializationFixture()
        let error = try #require(throws: DomainError.self) {
            try fixture.database.writer.write { db in
                try DonationStore.create(db, DonationInput(sponsorId: nil, date: "01/01/2999", kind: "cash", amount: "1,5", channel: "cash",
                                                           purpose: "", recipientUnitId: fixture.association), by: .system)
            }
        }
        #expect(Set(error.fieldErrors.keys) == ["date", "amount", "purpose"])
        let items = try #require(throws: DomainError.self) {
            try fixture.database.writer.write { db in
                try DonationStore.create(db, DonationInput(sponsorId: nil, date: "01/03/2026", kind: "in_kind", items: [
                    .init(description: "Sách", quantity: "không"), .init(description: "Truyện", quantity: "3", isbn: "978-604-2-08847-0"),
                ], purpose: "Tủ sách", recipientUnitId: fixture.libraryA), by: .system)
            }
        }
        #expect(items.fieldErrors["items.1.quantity"] != nil)
        #expect(items.fieldErrors["items.2.isbn"]?.contains("ISBN") == true)
        #expect(try fixture.database.writer.read { try Donation.fetchCount($0) } == 0)
    }

    @Test("Books handed to a library: a handover lists items; more than was given is refused")
    func handover() throws {
        let fixture = try SocializationFixture()
        let gift = try fixture.books(40, value: 2_000_000, sponsor: nil)
        let item = try #require(try fixture.database.writer.read { try DonationStore.items($0, donationId: gift.id!) }.first)
        #expect(item.isBook && item.isbn == "9786042088473" && item.unitOfMeasure == "cuốn")
        _ = try fixture.database.writer.write { db in
            try DonationStore.recordHandover(db, donationId: gift.id!, toUnitId: fixture.libraryA, date: "12/03/2026", deliveredBy: "Cán bộ văn hóa",
                                             receivedBy: "Thủ thư", quantities: [item.id!: 30], notes: nil, by: .system)
        }
        let tooMany = try #require(throws: DomainError.self) {
            try fixture.database.writer.write { db in
                try DonationStore.recordHandover(db, donationId: gift.id!, toUnitId: fixture.libraryA, date: "13/03/2026", deliveredBy: "A",
                                                 receivedBy: "B", quantities: [item.id!: 11], notes: nil, by: .system)
            }
        }
        #expect(tooMany.fieldErrors.values.contains("Chỉ còn 10 chưa bàn giao"))
        let handovers = try fixture.database.writer.read { try DonationStore.handovers($0, donationId: gift.id!) }
        #expect(handovers.count == 1 && handovers[0].2[0].quantity == 30)
    }

    @Test("An editor records and voids donations of their own units only; a viewer records nothing")
    func permissions() throws {
        let fixture = try SocializationFixture()
        let mine = try fixture.cash(100_000, sponsor: nil, to: fixture.libraryA, by: fixture.editorA)
        #expect(mine.createdBy == "thona")
        let theirs = try fixture.cash(100_000, sponsor: nil, to: fixture.villageB)
        #expect(throws: DomainError.forbidden) { try fixture.cash(100_000, sponsor: nil, to: fixture.villageB, by: fixture.editorA) }
        #expect(throws: DomainError.forbidden) { try fixture.cash(100_000, sponsor: nil, to: fixture.libraryA, by: fixture.viewer) }
        #expect(throws: DomainError.outsideScope) {
            try fixture.database.writer.write { try DonationStore.void($0, id: theirs.id!, reason: "Không phải của tôi", by: fixture.editorA) }
        }
        let seen = try fixture.database.writer.read { try DonationStore.list($0, for: fixture.editorA) }
        #expect(seen.map(\.donation.id) == [mine.id])
    }
}
