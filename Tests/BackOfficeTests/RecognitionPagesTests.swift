import BackOffice
import Composition
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Store
import Testing
import Vietnamese

@Suite("Recognition pages, report and API")
struct RecognitionPagesTests {
    @Test("A village registers a household, the commune assesses it on the form and approves; progress, report and appendix show it; the title reaches Honours")
    func householdCycle() async throws {
        let commune = try await TestCommune()
        let household = try await commune.database.write { try HouseholdStore.create($0, headId: commune.personA, address: nil, by: .system).id! }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            try await browser.get("/recognition/registrations?year=2025&set=gia-dinh-hoc-tap")
            #expect(try await browser.post("/recognition/registrations", ["setKey": "gia-dinh-hoc-tap", "year": "2025", "subjectId": String(household)]).status == .found)
        }
        let registration = try await commune.database.read { try Int64.fetchOne($0, sql: "SELECT id FROM registration")! }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let form = try await browser.get("/recognition/registrations/\(registration)")
            #expect(form.text.contains("Trẻ trong độ tuổi đi học đều đến trường"))
            var scores = ["p.tre-di-hoc": "15", "p.tre-hoc-tap-tot": "15", "p.nguoi-lon-hoc": "15", "p.ky-nang-so": "10", "p.tu-sach": "10",
                          "p.ung-ho-khuyen-hoc": "10", "p.ap-dung": "5", "p.gia-dinh-van-hoa": "30"]
            let bad = try await browser.post("/recognition/registrations/\(registration)/assess", scores)
            #expect(bad.status == .unprocessableContent && bad.text.contains("Điểm từ 0 đến 10"))
            scores["p.gia-dinh-van-hoa"] = "10"
            #expect(try await browser.post("/recognition/registrations/\(registration)/assess", scores).status == .found)
            #expect(try await browser.get("/recognition/registrations/\(registration)").text.contains("90/100"))
            #expect(try await browser.post("/recognition/registrations/\(registration)/decide", ["decision": "approve"]).status == .found)
            let progress = try await browser.get("/recognition?year=2025")
            #expect(progress.text.contains("Gia đình học tập") && progress.text.contains("100,0%"))
            #expect(try await browser.post("/recognition/report/text", ["year": "2025", "difficulties": "Thiếu sách cho thiếu nhi."]).status == .found)
            let report = try await browser.get("/recognition/report/print?year=2025")
            #expect(report.text.contains("BÁO CÁO") && report.text.contains("Thiếu sách cho thiếu nhi.") && report.text.contains("Kính gửi:"))
            // The People's Committee reports as a collective: TM. above the deputy's KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.
            #expect(report.text.contains("<p class=\"sign-line\"><strong>TM. ỦY BAN NHÂN DÂN</strong></p>"
                                         + "<p class=\"sign-line\"><strong>KT. CHỦ TỊCH</strong></p>"
                                         + "<p class=\"sign-line\"><strong>PHÓ CHỦ TỊCH</strong></p>"))
            let appendix = try await browser.get("/recognition/report/appendix.md?year=2025")
            #expect(appendix.text.contains("| Gia đình học tập | 1 | 1 | 1 | 1 | 100% | 70% |"))
            #expect(try await browser.get("/recognition/report/indicators.csv?year=2025").text.contains("nha-van-hoa-clb"))
            #expect(try await browser.get("/recognition/indicators?year=2025").text.contains("<svg"))
            // The recognised title goes into the year's decision; once issued, the household's page shows it.
            let nomination = try await commune.database.read { try Int64.fetchOne($0, sql: "SELECT id FROM nomination WHERE householdId = ?", arguments: [household])! }
            try await browser.get("/honours/decisions/new?form=gia-dinh-hoc-tap&year=2025")
            let draft = try await browser.post("/honours/decisions", ["formKey": "gia-dinh-hoc-tap", "year": "2025",
                                                                      "subject": "Công nhận Gia đình học tập năm 2025", "nomination": String(nomination)])
            let decision = try #require(draft.location).components(separatedBy: "?")[0]
            try await browser.get(decision)
            #expect(try await browser.post(decision + "/issue", ["date": "28/12/2025"]).status == .found)
            let home = try await browser.get("/households/\(household)")
            #expect(home.text.contains("Gia đình học tập") && home.text.contains("01/QĐ-UBND"))
        }
        let nomination = try await commune.database.read {
            try String.fetchOne($0, sql: "SELECT status || ' ' || formKey FROM nomination WHERE householdId = ?", arguments: [household])
        }
        #expect(nomination == "approved gia-dinh-hoc-tap")
    }

    @Test("Refusals: another village's editor cannot register, a village editor cannot approve or write the report; library visits stay with their library")
    func refusals() async throws {
        let commune = try await TestCommune()
        let (household, library) = try await commune.database.write { db -> (Int64, Int64) in
            (try HouseholdStore.create(db, headId: commune.personB, address: nil, by: .system).id!,
             try UnitStore.create(db, UnitInput(name: "Thư viện trường thôn B", kind: "school_library", parentId: commune.villageB), by: .system).id!)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            try await browser.get("/recognition/registrations")
            #expect(try await browser.post("/recognition/registrations", ["setKey": "gia-dinh-hoc-tap", "year": "2025", "subjectId": String(household)]).status == .forbidden)
            #expect(try await browser.post("/recognition/report/text", ["year": "2025", "proposals": "x"]).status == .forbidden)
            #expect(try await browser.post("/recognition/visits", ["libraryId": String(library), "year": "2025", "v.1": "100"]).status == .forbidden)
        }
        #expect(try await commune.database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM registration") } == 0)
    }

    @Test("API: criteria sets, assessments and indicators answer with the same data")
    func api() async throws {
        let commune = try await TestCommune()
        let token = try await commune.database.write { db in try AccountStore.issueToken(db, accountId: try AccountStore.find(db, login: "canbo")!.id!, by: .system) }
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            func get(_ path: String) async throws -> String {
                String(buffer: try await client.executeRequest(uri: path, method: .get, headers: [.authorization: "Bearer \(token)"], body: nil).body)
            }
            #expect(try await get("/api/v1/criteria-sets").contains(#""key":"gia-dinh-hoc-tap""#))
            #expect(try await get("/api/v1/assessments?year=2025").contains(#""total":0"#))
            let indicators = try await get("/api/v1/indicators?year=2025")
            #expect(indicators.contains(#""key":"luot-su-dung-thu-vien""#) && indicators.contains(#""expected":"#))
        }
    }

    @Test("densach report annual writes the printable report, the appendix and the CSV, and logs the export")
    func reportFiles() async throws {
        let commune = try await TestCommune()
        let document = try AnnualReportDocument(templatesDirectory: repositoryRoot.appendingPathComponent("Templates").path,
                                                campaignsDirectory: repositoryRoot.appendingPathComponent("campaigns").path)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("densach-report-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let files = try await document.write(commune.database, year: 2025, to: directory, by: .system)
        #expect(files == ["bao-cao-2025-so-lieu.xlsx", "bao-cao-2025.docx", "bao-cao-2025.html", "chi-tieu-2025.csv", "phu-luc-2025.md"])
        for workbook in ["bao-cao-2025-so-lieu.xlsx", "bao-cao-2025.docx"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + workbook)).starts(with: [0x50, 0x4B]), "\(workbook) is a complete Office file")
        }
        let html = try String(contentsOfFile: directory + "/bao-cao-2025.html", encoding: .utf8)
        #expect(html.contains("BÁO CÁO") && html.contains("<!doctype html>") && html.contains("<title>Báo cáo năm 2025</title>"), "the report's own title, not a letter's")
        let csv = try Data(contentsOf: URL(fileURLWithPath: directory + "/chi-tieu-2025.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF] && csv.count > 200)
        #expect(try await commune.database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM auditEntry WHERE entity = 'report' AND action = 'export'") } == 1)
    }
}

@Suite("Registrations of an empty year")
struct EmptyRegistrationYearTests {
    @Test("A year without registrations points to the latest earlier year that has them")
    func pointsToEarlierYear() async throws {
        let database = try await EnglishPagesTests.demoCommune()
        let (setKey, year) = try await database.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT setKey, max(year) FROM registration GROUP BY setKey ORDER BY count(*) DESC LIMIT 1")!
            return (row[0] as String, row[1] as Int)
        }
        let app = try await buildApplication(TestCommune.configuration, database: database)
        let html = try await app.test(.router) { client -> String in
            let browser = Browser(client)
            _ = try await browser.signIn("xem", TestCommune.password)
            return try await browser.get("/recognition/registrations?year=\(year + 1)&set=\(setKey)").text
        }
        #expect(html.contains(#"href="/recognition/registrations?year=\#(year)&amp;set=\#(setKey)""#))
    }
}
