import Foundation
@testable import Office
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
        #expect(file == "people.xlsx, Danh sách")
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
        #expect(file == "u.xlsx, Ủng hộ")
        #expect(text.components(separatedBy: "\r\n")[1] == #"PT-2026-0001,21/04/2026,1500000,"A & <B>, ""C""""#)
    }
}
