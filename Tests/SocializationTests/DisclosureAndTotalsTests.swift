import Foundation
import GRDB
import Socialization
import Store
import Testing
import Vietnamese

@Suite("Disclosure list, totals, CSV")
struct DisclosureAndTotalsTests {
    @Test("The public list shows names, gifts and purposes — never phones — and writes Nhà hảo tâm for anonymous gifts")
    func disclosure() throws {
        let fixture = try SocializationFixture()
        let named = try fixture.sponsor(.individual, personId: fixture.residentA)
        let shy = try fixture.sponsor(.individual, personId: fixture.residentB)
        _ = try fixture.cash(1_500_000, sponsor: named, date: "01/03/2026")
        _ = try fixture.cash(700_000, sponsor: shy, date: "02/03/2026", anonymous: true)
        _ = try fixture.cash(200_000, sponsor: nil, date: "03/03/2026")
        _ = try fixture.books(10, value: 500_000, sponsor: named, date: "04/03/2026")
        let lines = try fixture.database.writer.read { try Disclosure.lines($0, year: 2026, campaignId: nil, for: .system) }
        #expect(lines.map(\.name) == ["Nguyễn Văn An", "Nhà hảo tâm", "Nhà hảo tâm", "Nguyễn Văn An"])
        #expect(lines.map(\.gift) == ["1.500.000 đ", "700.000 đ", "200.000 đ", "10 cuốn Dế Mèn phiêu lưu ký"])
        let everything = lines.map { "\($0.name) \($0.gift) \($0.purpose) \($0.receipt)" }.joined(separator: " ")
        #expect(!everything.contains("0912") && !everything.contains("Trần Thị Bình") && !everything.contains("+84"))
    }

    @Test("Totals by year, campaign, purpose and source type match a hand count")
    func totals() throws {
        let fixture = try SocializationFixture()
        let business = try fixture.sponsor(.business, name: "Công ty Sao Mai")
        let person = try fixture.sponsor(.individual, personId: fixture.residentA)
        let campaign = try fixture.database.writer.write { db -> Int64 in
            try db.execute(sql: """
                INSERT INTO campaign(title, year, startDate, endDate, leadUnitId, status, createdAt, updatedAt)
                VALUES ('Ngày Sách 2026', 2026, '2026-04-15', '2026-04-30', ?, 'approved', '2026-01-01', '2026-01-01')
                """, arguments: [fixture.commune])
            return db.lastInsertedRowID
        }
        _ = try fixture.cash(5_000_000, sponsor: business, date: "20/04/2026", purpose: "Học bổng", campaign: campaign)
        _ = try fixture.cash(3_000_000, sponsor: business, date: "01/06/2026", purpose: "Tủ sách thiếu nhi")
        _ = try fixture.cash(1_000_000, sponsor: person, date: "02/06/2026", purpose: "Học bổng")
        _ = try fixture.cash(500_000, sponsor: nil, date: "03/06/2026", purpose: "Học bổng")
        _ = try fixture.books(20, value: 2_000_000, sponsor: person, date: "04/06/2026")
        _ = try fixture.cash(9_000_000, sponsor: business, date: "01/06/2025", purpose: "Học bổng")
        let totals = try fixture.database.writer.read { try SocializationTotals.compute($0, year: 2026, for: .system) }
        #expect(totals.total == 11_500_000)
        #expect(totals.cash == 9_500_000 && totals.inKind == 2_000_000)
        #expect(totals.donations == 5 && totals.anonymous == 500_000)
        #expect(totals.byYear == [.init(label: "2025", value: 9_000_000, count: 1), .init(label: "2026", value: 11_500_000, count: 5)])
        #expect(totals.byPurpose == [.init(label: "Học bổng", value: 6_500_000, count: 3), .init(label: "Tủ sách thiếu nhi", value: 5_000_000, count: 2)])
        #expect(totals.byCampaign == [.init(label: "Ngoài chiến dịch", value: 6_500_000, count: 4, englishLabel: "Outside any campaign"),
                                      .init(label: "Ngày Sách 2026", value: 5_000_000, count: 1)])
        #expect(totals.bySource == [.init(label: "Doanh nghiệp", value: 8_000_000, count: 2, englishLabel: "Business"),
                                    .init(label: "Cá nhân", value: 3_000_000, count: 2, englishLabel: "Individual"),
                                    .init(label: "Nhà hảo tâm", value: 500_000, count: 1, englishLabel: "Anonymous donor")])
        #expect(totals.topSponsors.map(\.label) == ["Công ty Sao Mai", "Nguyễn Văn An"])
        let campaignOnly = try fixture.database.writer.read { try SocializationTotals.compute($0, year: 2026, campaignId: campaign, for: .system) }
        #expect(campaignOnly.total == 5_000_000)
    }

    @Test("A CSV import with one bad row names file, line and column and writes nothing; a good file writes every row")
    func csvImport() throws {
        let fixture = try SocializationFixture()
        let bad = """
            Ngày nhận,Nhà tài trợ,Loại nhà tài trợ,Hình thức,Số tiền,Hiện vật,Số lượng,Mục đích,Đơn vị nhận
            01/03/2026,Công ty Sao Mai,Doanh nghiệp,tiền,1.000.000,,,Học bổng,Hội Khuyến học xã
            02/03/2026,,,hiện vật,,Truyện tranh,mười,Tủ sách,Thư viện thôn A
            03/03/2026,Nguyễn Văn An,,tiền,500000,,,Học bổng,Hội Không Có
            """
        let report = try fixture.database.writer.write { try DonationCSV.importFile($0, data: Data(bad.utf8), file: "ung-ho.csv", dryRun: false, by: .system) }
        #expect(!report.succeeded)
        #expect(report.problems.map(\.description) == [
            "ung-ho.csv:3: [Số lượng] Dòng 1: số lượng là số nguyên dương",
            "ung-ho.csv:4: [Đơn vị nhận] không có đơn vị \"Hội Không Có\"",
        ])
        #expect(try fixture.database.writer.read { try Donation.fetchCount($0) + Sponsor.fetchCount($0) } == 0)
        let good = bad.replacingOccurrences(of: ",mười,", with: ",10,").replacingOccurrences(of: "Hội Không Có", with: "hoi khuyen hoc xa")
        let done = try fixture.database.writer.write { try DonationCSV.importFile($0, data: Data(good.utf8), file: "ung-ho.csv", dryRun: false, by: .system) }
        #expect(done.succeeded && done.inserted == 3)
        let items = try fixture.database.writer.read { try DonationStore.list($0, for: .system) }
        #expect(Set(items.compactMap(\.sponsorName)) == ["Công ty Sao Mai", "Nguyễn Văn An"])
        var csv = ""
        try DonationCSV.export(items, to: CSVWriter(bom: false) { csv += $0 })
        #expect(csv.contains("PT-2026-0001,01/03/2026,Công ty Sao Mai,Doanh nghiệp"))
    }

    @Test("The demo has about forty sponsors, two years of gifts, one voided receipt, one overdue pledge and approved hours")
    func demo() throws {
        let database = try AppDatabase.inMemory(modules: SocializationFixture.modules)
        let today = CivilDate(year: 2026, month: 11, day: 25)!
        try database.writer.write { db in
            _ = try DemoCommune.seed(db, residents: 600)
            _ = try DemoSocialization.seed(db, today: today)
        }
        try database.writer.read { db in
            let sponsors = try Sponsor.fetchCount(db)
            #expect(sponsors >= 35 && sponsors <= 45)
            #expect(try Int.fetchOne(db, sql: "SELECT count(DISTINCT receiptYear) FROM donation") == 2)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM donation WHERE voidedAt IS NOT NULL") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM donation WHERE kind = 'in_kind'")! > 10)
            #expect(try PledgeStore.list(db, overdueOnly: true, on: today, for: .system).count == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM volunteerHours WHERE status = 'approved'")! > 20)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM volunteerHours WHERE status = 'pending'") == 3)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM handover")! > 5)
        }
    }
}
