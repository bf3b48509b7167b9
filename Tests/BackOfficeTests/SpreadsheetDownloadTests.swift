import BackOffice
import Composition
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Socialization
import Store
import Testing
import Vietnamese
import ZIPFoundation

/// Lists downloaded as Excel workbooks from their pages: real cells, the account's scope, logged like the CSVs.
@Suite("Excel downloads")
struct SpreadsheetDownloadTests {
    /// One part of a downloaded Office file (a workbook's sheet, a document's body), as text.
    static func part(_ path: String, of bytes: [UInt8]) throws -> String {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let entry = try #require(archive[path])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    static func sheet(of bytes: [UInt8]) throws -> String { try part("xl/worksheets/sheet1.xml", of: bytes) }
    static func wordBody(of bytes: [UInt8]) throws -> String { try part("word/document.xml", of: bytes) }

    @Test("The donations list as .xlsx: money as numbers, dates as dates, only the editor's village, one audit entry")
    func donations() async throws {
        let commune = try await TestCommune()
        let today = CivilDate.today()
        let (mine, other) = try await commune.database.write { db -> (String, String) in
            let mine = try DonationStore.create(db, DonationInput(sponsorId: nil, date: today.display, kind: "cash", amount: "1,5 triệu", channel: "cash",
                                                                  purpose: "Tủ sách", recipientUnitId: commune.villageA), by: .system)
            let other = try DonationStore.create(db, DonationInput(sponsorId: nil, date: today.display, kind: "cash", amount: "200000", channel: "cash",
                                                                   purpose: "Học bổng", recipientUnitId: commune.villageB), by: .system)
            return (mine.receiptNumber, other.receiptNumber)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            let response = try await browser.get("/donations.xlsx?year=\(today.year)")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(response.headers[.contentDisposition]?.contains(".xlsx") == true)
            let sheet = try Self.sheet(of: Array(buffer: response.body))
            #expect(sheet.contains(mine) && !sheet.contains(other), "an editor's workbook holds their village's gifts only")
            #expect(sheet.contains(#"s="2"><v>1500000</v>"#), "1,5 triệu as the number 1500000 in the money format")
            #expect(sheet.contains(#"s="3"><v>\#(XLSXSerial.of(today))</v>"#), "the date as a date serial")
        }
        let logged = try await commune.database.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM auditEntry WHERE action = 'export' AND entity = 'donation' AND after LIKE '%.xlsx%'")
        }
        #expect(logged == 1)
    }
}

extension SpreadsheetDownloadTests {
    /// The page path of every list of one sheet (with the query that gives the demo's rows).
    static let lastYear = "?year=\(CivilDate.today().year - 1)"
    static let singleSheetPaths = [
        "people": "/people", "households": "/households", "consents": "/people/consents", "units": "/units", "donations": "/donations",
        "disclosure": "/socialization/disclosure", "sponsors": "/sponsors", "pledges": "/pledges", "volunteers": "/volunteers",
        "volunteer-hours": "/volunteers/hours", "club-members": "/clubs/1/members", "club-attendance": "/clubs/1/attendance",
        "honour-roll": "/honours/roll", "decision-recipients": "/honours/decisions/1/recipients", "assessments": "/recognition/registrations" + lastYear + "&set=gia-dinh-hoc-tap",
        "indicators": "/recognition/report/indicators", "training-courses": "/training" + lastYear, "training-participants": "/training/participants" + lastYear,
    ]
    /// Lists of several sheets, a part per sheet.
    static let multiSheetPaths = ["campaign-report": "/campaigns/1/report", "annual-report": "/recognition/report/report"]

    @Test("Every list of the command line has its page download, and no page offers a list the command line lacks")
    func everyListIsOnAPage() {
        #expect(Set(Lists.all.map(\.name)) == Set(Self.singleSheetPaths.keys).union(Self.multiSheetPaths.keys))
    }

    @Test("Every list downloads as .xlsx with its CSV's rows: people, households, consents, units, gifts, sponsors, pledges, volunteers, clubs, honours, indicators…")
    func everyListHasItsWorkbook() async throws {
        let database = try await EnglishPagesTests.demoCommune()
        let app = try await buildApplication(TestCommune.configuration, database: database)
        let results = try await app.test(.router) { client -> [(String, Int, Int, String)] in
            let browser = Browser(client)
            _ = try await browser.signIn("admin", TestCommune.password)
            var results: [(String, Int, Int, String)] = []
            for page in Self.singleSheetPaths.values.sorted() {
                // "/recognition/registrations?year=2025" → "/recognition/registrations.csv?year=2025"
                let parts = page.split(separator: "?", maxSplits: 1).map(String.init)
                let (path, query) = (parts[0], parts.count > 1 ? "?" + parts[1] : "")
                let csv = try await browser.get(path + ".csv" + query)
                let xlsx = try await browser.get(path + ".xlsx" + query)
                let sheet = try Self.sheet(of: Array(buffer: xlsx.body))
                let csvRows = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count
                results.append((path, csvRows, sheet.components(separatedBy: "<row ").count - 1, xlsx.headers[.contentType] ?? ""))
            }
            return results
        }
        for (path, csvRows, sheetRows, type) in results {
            #expect(type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "\(path)")
            #expect(csvRows > 1 && sheetRows == csvRows, "\(path): \(csvRows) CSV lines, \(sheetRows) sheet rows")
        }
    }
}

extension SpreadsheetDownloadTests {
    @Test("A decision (and a handover record, the yearly report) downloads as a Word document, logged; signed out, it is refused")
    func decisionInWord() async throws {
        let database = try await EnglishPagesTests.demoCommune()
        let app = try await buildApplication(TestCommune.configuration, database: database)
        let (signedOut, type, document) = try await app.test(.router) { client -> (UInt, String, String) in
            let browser = Browser(client)
            let signedOut = try await browser.get("/honours/decisions/1/decision.docx").status.code
            _ = try await browser.signIn("xem", TestCommune.password)
            let handover = try await browser.get("/handovers/1/handover.docx")
            #expect(handover.status == .ok && handover.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "a handover record downloads for Word too")
            let report = try Self.wordBody(of: Array(buffer: try await browser.get("/recognition/report/report.docx?year=2025").body))
            #expect(report.contains("BÁO CÁO") && report.contains("I. KẾT QUẢ THỰC HIỆN") && report.contains(">Chiến dịch<")
                    && report.contains("7. Các chỉ tiêu của Kế hoạch") && report.contains("5. Bồi dưỡng, tự học của đội ngũ")
                    && report.contains("8. Nhiệm vụ thường xuyên của các đơn vị"), "the yearly report for Word, with its tables")
            let response = try await browser.get("/honours/decisions/1/decision.docx")
            let body = try Self.wordBody(of: Array(buffer: response.body))
            return (UInt(signedOut), response.headers[.contentType] ?? "", body)
        }
        #expect(signedOut == 303 || signedOut == 302 || signedOut == 401, "signed out: \(signedOut)")
        #expect(type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(document.contains("QUYẾT ĐỊNH") && document.contains("Tập thể, cá nhân") && document.contains("Điều 1. "))
        let recipients = try await database.read { try String.fetchAll($0, sql: "SELECT p.fullName FROM nomination n JOIN person p ON p.id = n.personId WHERE n.decisionId = 1") }
        #expect(!recipients.isEmpty && recipients.allSatisfy { document.contains($0) }, "every recipient named")
        let logged = try await database.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM auditEntry WHERE action = 'export' AND entity IN ('decision', 'report', 'handover')")
        }
        #expect(logged == 3)
    }

    @Test("A thank-you letter downloads for Word with the sponsor's name; an anonymous gift has none")
    func letterInWord() async throws {
        let database = try await EnglishPagesTests.demoCommune()
        let (named, anonymous) = try await database.read { db in
            (try Int64.fetchOne(db, sql: "SELECT id FROM donation WHERE sponsorId IS NOT NULL AND voidedAt IS NULL ORDER BY id LIMIT 1")!,
             try Int64.fetchOne(db, sql: "SELECT id FROM donation WHERE sponsorId IS NULL ORDER BY id LIMIT 1"))
        }
        let app = try await buildApplication(TestCommune.configuration, database: database)
        let (document, refused) = try await app.test(.router) { client -> (String, UInt?) in
            let browser = Browser(client)
            _ = try await browser.signIn("canbo", TestCommune.password)
            let response = try await browser.get("/donations/\(named)/letter.docx")
            let body = try Self.wordBody(of: Array(buffer: response.body))
            var refused: UInt?
            if let anonymous { refused = UInt(try await browser.get("/donations/\(anonymous)/letter.docx").status.code) }
            return (body, refused)
        }
        let sponsor = try await database.read { db in
            try String.fetchOne(db, sql: "SELECT coalesce(p.fullName, u.name) FROM donation d JOIN sponsor s ON s.id = d.sponsorId "
                                    + "LEFT JOIN person p ON p.id = s.personId LEFT JOIN unit u ON u.id = s.unitId WHERE d.id = ?",
                                arguments: [named]) ?? ""
        }
        #expect(document.contains("THƯ CẢM ƠN") && !sponsor.isEmpty && document.contains(sponsor))
        if let refused { #expect(refused == 409, "an anonymous gift has no letter") }
    }

    @Test("A receipt downloads for Word: number, giver, amount in words; an editor cannot take another village's")
    func receiptInWord() async throws {
        let commune = try await TestCommune()
        let (mine, other) = try await commune.database.write { db -> (Donation, Int64) in
            (try DonationStore.create(db, DonationInput(sponsorId: nil, date: CivilDate.today().display, kind: "cash", amount: "1,5 triệu", channel: "cash",
                                                        purpose: "Tủ sách", recipientUnitId: commune.villageA), by: .system),
             try DonationStore.create(db, DonationInput(sponsorId: nil, date: CivilDate.today().display, kind: "cash", amount: "200000", channel: "cash",
                                                        purpose: "Học bổng", recipientUnitId: commune.villageB), by: .system).id!)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            let response = try await browser.get("/donations/\(mine.id!)/receipt.docx")
            #expect(response.status == .ok)
            let body = try Self.wordBody(of: Array(buffer: response.body))
            let document = body
            #expect(document.contains("GIẤY BIÊN NHẬN ỦNG HỘ") && document.contains(mine.receiptNumber))
            #expect(document.contains("1.500.000 đ") && document.contains("Một triệu năm trăm nghìn đồng"))
            #expect(try await browser.get("/donations/\(other)/receipt.docx").status == .forbidden)
        }
    }

    @Test("Certificates download as one Word document: A4 landscape, one page each")
    func certificatesInWord() async throws {
        let database = try await EnglishPagesTests.demoCommune()
        let app = try await buildApplication(TestCommune.configuration, database: database)
        let document = try await app.test(.router) { client -> String in
            let browser = Browser(client)
            _ = try await browser.signIn("xem", TestCommune.password)
            let response = try await browser.get("/honours/decisions/1/certificates.docx")
            let body = try Self.wordBody(of: Array(buffer: response.body))
            return body
        }
        let recipients = try await database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM nomination WHERE decisionId = 1") ?? 0 }
        #expect(recipients > 1)
        #expect(document.components(separatedBy: ">GIẤY KHEN<").count - 1 == recipients, "one certificate per recipient")
        #expect(document.components(separatedBy: #"w:type="page""#).count - 1 == recipients - 1, "a page break between certificates")
        #expect(document.contains(#"w:orient="landscape""#))
    }
}

/// Excel's day number, computed independently of the writer (days since 30/12/1899).
enum XLSXSerial {
    static func of(_ date: CivilDate) -> Int {
        let start = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(secondsFromGMT: 0), year: 1899, month: 12, day: 30).date!
        let day = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(secondsFromGMT: 0), year: date.year, month: date.month, day: date.day).date!
        return Int((day.timeIntervalSince(start) / 86_400).rounded())
    }
}
