import Foundation
@testable import Office
import GRDB
import Store
import Testing

/// Workbooks made by another program (openpyxl, as Excel would type them) read back as the importers expect.
@Suite("Excel import")
struct XLSXReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test("Excel's typing undone: a phone stored as a number keeps its 0, a birth year stored as a date is a year, rows keep their numbers")
    func typedCells() throws {
        // people-openpyxl.xlsx, sheet "Danh sách": row 2 phone 905123456 (a number) and a trailing space in the name;
        // row 3 the year of birth as the date 17/05/1990; row 4 a year 1200; rows 5–8 empty.
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("people-openpyxl.xlsx"))
        let (text, file) = try XLSXReader.csv(data: data, file: "people.xlsx")
        #expect(file == ImportPlace.workbook("people.xlsx", sheet: "Danh sách"))
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "Họ và tên,Giới tính,Năm sinh,Thôn,Điện thoại")
        #expect(lines[1] == "Nguyễn Thị Lan ,Nữ,1985,Thôn 1,0905123456")
        #expect(lines[2] == "Trần Văn Bình,Nam,1990,Thôn 2,0912345678")
        #expect(lines[3] == "Lê Văn C,,1200,Thôn 1,", "row 4 stays line 4, so a message names the row Excel shows")
        let reader = try CSVReader(data: Data(text.utf8), fileName: file)
        #expect(Array(reader).count == 4, "header and three rows; trailing empty rows dropped")
    }

    @Test("An old .xls, a password-protected or a damaged file, or a sheet that is not there: a clear message, nothing read")
    func refusals() throws {
        func message(_ bytes: [UInt8], sheet: String? = nil) -> String {
            do { _ = try XLSXReader.csv(data: Data(bytes), file: "f.xlsx", sheet: sheet); return "" } catch { return "\(error)" }
        }
        #expect(message([0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0]).contains(".xls"))
        #expect(message(Array("PK\u{3}\u{4}garbage".utf8)).contains("bị hỏng"))
        #expect(message(Array("Họ và tên,Thôn".utf8)).contains("không phải tệp Excel"))
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("people-openpyxl.xlsx"))
        #expect(throws: XLSXReader.Failure.self) { try XLSXReader.csv(data: data, file: "f.xlsx", sheet: "Không có") }
    }

    @Test("What this project's writer writes, its reader reads: money, dates and text with markup")
    func roundTrip() throws {
        let path = NSTemporaryDirectory() + "densach-roundtrip-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try XLSXWriter(path: path, properties: .init(title: "t", sheet: "Ủng hộ", company: "c"))
        try writer.begin([TableColumn("Số biên lai"), TableColumn("Ngày nhận"), TableColumn("Số tiền"), TableColumn("Ghi chú")])
        try writer.row([.text("PT-2026-0001"), .date(.init(year: 2026, month: 4, day: 21)!), .money(1_500_000), .text("A & <B>, \"C\"")])
        try writer.finish()
        let (text, file) = try XLSXReader.csv(data: try Data(contentsOf: URL(fileURLWithPath: path)), file: "u.xlsx")
        #expect(file == ImportPlace.workbook("u.xlsx", sheet: "Ủng hộ"))
        #expect(text.components(separatedBy: "\r\n")[1] == #"PT-2026-0001,21/04/2026,1500000,"A & <B>, ""C""""#)
    }

    /// Imports a fixture into a fresh store, creating its villages: the report, and the people written.
    static func importPeople(_ fixture: String) throws -> (ImportReport, [Person]) {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(fixture))
        let (text, file) = try XLSXReader.csv(data: data, file: fixture)
        let database = try AppDatabase.inMemory(modules: [StoreSchema.self])
        let report = try database.writer.writeWithoutTransaction { db in
            try PeopleImporter.run(db, data: Data(text.utf8), file: file, options: .init(createVillages: true), by: .system)
        }
        return (report, try database.writer.read { try Person.order(Column("id")).fetchAll($0) })
    }

    @Test("A title row merged across the table and a two-row header with merged cells: the header is found, rows keep their numbers, errors name sheet, row and column")
    func mergedHeader() throws {
        // people-merged-header.xlsx: row 1 a title merged A1:E1; rows 2–3 the header (names merged down, "Liên hệ"
        // merged over "Thôn" and "Điện thoại"); row 4 a good row (phone typed as a number), row 5 a bad year of birth.
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("people-merged-header.xlsx"))
        let (text, _) = try XLSXReader.csv(data: data, file: "people.xlsx")
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "" && lines[1] == "", "the title and the header's first row become empty lines")
        #expect(lines[2] == "Họ và tên,Giới tính,Năm sinh,Thôn,Điện thoại", "each column named by its lowest header cell")
        #expect(lines[3] == "Phạm Thị Hoa,Nữ,1979,Thôn 1,0905111222")
        let (report, people) = try Self.importPeople("people-merged-header.xlsx")
        #expect(!report.succeeded && people.isEmpty, "all or nothing: the good row is not written either")
        #expect(report.problems.map(\.description).first?.hasPrefix(#"people-merged-header.xlsx, Sheet1, dòng 5, cột "Năm sinh": "#) == true,
                "\(report.problems.map(\.description))")
    }

    @Test("A list saved as .xlsx by LibreOffice from a CSV imports: its phones typed as numbers get their 0 back")
    func savedByLibreOffice() throws {
        // people-libreoffice.xlsx: `soffice --convert-to xlsx` of a three-line CSV (Calc typed years and phones as numbers).
        let (report, people) = try Self.importPeople("people-libreoffice.xlsx")
        #expect(report.succeeded && report.inserted == 2, "\(report.problems)")
        #expect(people.map(\.fullName) == ["Hồ Thị Mai", "Y Bình"])
        #expect(people.map(\.phone) == ["+84987654321", "+84356789012"])
        #expect(people.map(\.birthYear) == [1988, 2001])
    }

    @Test("A workbook of several sheets: each is read by its name, the first by default")
    func severalSheets() throws {
        let path = NSTemporaryDirectory() + "densach-sheets-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try XLSXWriter(path: path, properties: .init(title: "t", sheet: "unused", company: "c"))
        for (name, value) in [("Tổng hợp", "một"), ("Chiến dịch", "hai"), ("Chiến Dịch", "ba")] {
            try writer.sheet(name)
            try writer.begin([TableColumn("Cột A"), TableColumn("Cột B")])
            try writer.row([.text(value), .integer(1)])
        }
        #expect(try writer.finish() == 3)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try XLSXReader.csv(data: data, file: "s.xlsx").text.contains("một,1"))
        #expect(try XLSXReader.csv(data: data, file: "s.xlsx", sheet: "Chiến dịch").text.contains("hai,1"))
        #expect(try XLSXReader.csv(data: data, file: "s.xlsx", sheet: "Chiến Dịch (2)").text.contains("ba,1"), "Excel refuses two names alike in any case")
    }

    @Test("A sheet over libxml2's 10 MB one-piece limit (a list of some 30,000 people) is read, not called damaged")
    func largeSheet() throws {
        let path = NSTemporaryDirectory() + "densach-large-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try XLSXWriter(path: path, properties: .init(title: "t", sheet: "Người dân", company: "c"))
        try writer.begin([TableColumn("Họ và tên"), TableColumn("Ghi chú")])
        let note = String(repeating: "Ghi chú dài về hoạt động học tập. ", count: 120)
        for number in 1...3_000 { try writer.row([.text("Người \(number)"), .text(note)]) }
        try writer.finish()
        let (text, _) = try XLSXReader.csv(data: try Data(contentsOf: URL(fileURLWithPath: path)), file: "lon.xlsx")
        #expect(text.utf8.count > 10_000_000)
        #expect(text.hasSuffix("Người 3000,\(note)\r\n"))
    }
}
