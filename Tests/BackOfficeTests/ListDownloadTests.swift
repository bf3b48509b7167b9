import BackOffice
import Clubs
import Composition
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Store
import Testing
import Vietnamese

/// The lists that became downloads: an editor's scope holds in every format, reports come a sheet per part.
@Suite("List downloads")
struct ListDownloadTests {
    @Test("An editor's people, households and consents workbooks hold their village only; the phone keeps its 0; each export is logged")
    func editorScope() async throws {
        let commune = try await TestCommune()
        try await commune.database.write { db in
            for person in [commune.personA, commune.personB] {
                _ = try ConsentStore.give(db, Consent(personId: person, channel: .sms, givenOn: CivilDate.today(), method: .paperForm), by: .system)
                _ = try HouseholdStore.create(db, headId: person, address: nil, by: .system)
            }
        }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            for path in ["/people.xlsx", "/people/consents.xlsx", "/households.xlsx"] {
                let response = try await browser.get(path)
                #expect(response.status == .ok, "\(path)")
                let sheet = try SpreadsheetDownloadTests.sheet(of: Array(buffer: response.body))
                #expect(sheet.contains("Nguyễn Văn An") && !sheet.contains("Trần Thị Bình"), "\(path): Thôn A only")
            }
            let people = try SpreadsheetDownloadTests.sheet(of: Array(buffer: try await browser.get("/people.xlsx").body))
            #expect(people.contains(#"<t xml:space="preserve">0912345678</t>"#), "the phone as text with its leading 0")
            let csv = try await browser.get("/people/consents.csv?channel=sms")
            #expect(csv.text.contains("Phiếu đồng ý có chữ ký") && !csv.text.contains("Trần Thị Bình"))
            #expect(try await browser.get("/people/consents.csv?channel=pigeon").status == .badRequest, "an unknown channel is refused")
        }
        let logged = try await commune.database.read {
            try String.fetchAll($0, sql: "SELECT entity FROM auditEntry WHERE action = 'export' ORDER BY id")
        }
        #expect(logged == ["person", "consent", "household", "person", "consent"])
    }

    @Test("The yearly report's tables and a campaign report download as one workbook with a sheet per section; the CSV has the same parts")
    func sheetPerSection() async throws {
        let database = try await EnglishPagesTests.demoCommune()
        let app = try await buildApplication(TestCommune.configuration, database: database)
        let year = CivilDate.today().year - 1
        try await app.test(.router) { client in
            let browser = Browser(client)
            _ = try await browser.signIn("canbo", TestCommune.password)
            let report = Array(buffer: try await browser.get("/recognition/report/report.xlsx?year=\(year)").body)
            let workbook = try SpreadsheetDownloadTests.part("xl/workbook.xml", of: report)
            for (number, name) in ["Tổng hợp", "Chiến dịch", "Mô hình học tập", "Chỉ tiêu"].enumerated() {
                #expect(workbook.contains(#"<sheet name="\#(name)" sheetId="\#(number + 1)""#), "sheet \(name)")
                _ = try SpreadsheetDownloadTests.part("xl/worksheets/sheet\(number + 1).xml", of: report)
            }
            let indicators = try SpreadsheetDownloadTests.part("xl/worksheets/sheet4.xml", of: report)
            #expect(indicators.contains("Chỉ tiêu") && indicators.contains("Mục tiêu 2025"), "the indicators' own columns on their sheet")
            let csv = try await browser.get("/recognition/report/report.csv?year=\(year)").text
            #expect(csv.contains("\r\n\r\nChiến dịch\r\n") && csv.contains("\r\n\r\nChỉ tiêu\r\n"), "the CSV's parts after an empty line")

            let campaign = Array(buffer: try await browser.get("/campaigns/1/report.xlsx").body)
            let parts = try SpreadsheetDownloadTests.part("xl/workbook.xml", of: campaign)
            #expect(["Hoạt động", "Người tham gia", "Kinh phí", "Đơn vị"].allSatisfy { parts.contains(#"name="\#($0)""#) })
            #expect(try await browser.get("/campaigns/999999/report.xlsx").status == .notFound)
        }
    }

    @Test("A unit editor cannot take another village's club or a list that needs a record without one")
    func refusals() async throws {
        let (commune, _, houseB) = try await ClubsPageTests().communeWithHouses()
        let club = try await commune.database.write {
            try ClubStore.create($0, ClubInput(name: "CLB Cồng chiêng", unitId: houseB, kind: "club", field: "gong_culture", ageGroups: ["adults"]), by: .system).id!
        }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            #expect(try await browser.get("/clubs/\(club)/members.xlsx").status == .forbidden)
            #expect(try await browser.get("/clubs/\(club)/attendance.csv").status == .forbidden)
        }
        let query = ListQuery()
        #expect(throws: DomainError.self) {
            try commune.database.writer.read { db in try ClubLists.members.write(db, query, by: .system, data: try Self.data(), into: try CSVTableSink { _ in }) }
        }
    }

    static func data() throws -> ListData {
        ListData(campaignsDirectory: repositoryRoot.appendingPathComponent("campaigns").path, today: CivilDate.today())
    }
}
