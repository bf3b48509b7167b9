import Foundation
@testable import Office
import Store
import Testing
import Vietnamese
import ZIPFoundation

/// The workbook's parts as Excel reads them (an independent reader, openpyxl, checks the same files in CI:
/// Tests/office/check_xlsx.py).
@Suite("Excel export")
struct XLSXWriterTests {
    func write(_ rows: [[TableCell]], columns: [TableColumn], sheet: String = "Người dân") throws -> (URL, [String: String]) {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("densach-test-\(UUID().uuidString).xlsx")
        let writer = try XLSXWriter(path: url.path, properties: .init(title: "Danh sách", sheet: sheet, company: "UBND xã Thử"))
        try writer.begin(columns)
        for row in rows { try writer.row(row) }
        #expect(try writer.finish() == rows.count)
        let archive = try Archive(url: url, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return (url, parts)
    }

    @Test("Numbers, money, dates and shares are real cells; text keeps its leading zero; the header is bold, frozen and filtered")
    func typedCells() throws {
        let (url, parts) = try write([[.text("0905123456"), .integer(1985), .money(1_500_000), .date(CivilDate(year: 2026, month: 12, day: 1)!),
                                       .percent(0.727), .empty, .text("A & <B> \"C\"")]],
                                     columns: [TableColumn("Điện thoại"), TableColumn("Năm sinh"), TableColumn("Số tiền"), TableColumn("Ngày"),
                                               TableColumn("Tỉ lệ"), TableColumn("Trống"), TableColumn("Ghi chú")])
        defer { try? FileManager.default.removeItem(at: url) }
        let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains(#"<c r="A2" t="inlineStr"><is><t xml:space="preserve">0905123456</t></is></c>"#))
        #expect(sheet.contains(#"<c r="B2"><v>1985</v></c>"#))
        #expect(sheet.contains(#"<c r="C2" s="2"><v>1500000</v></c>"#))
        #expect(sheet.contains(#"<c r="D2" s="3"><v>46357</v></c>"#), "01/12/2026 is Excel's day 46357")
        #expect(sheet.contains(#"<c r="E2" s="4"><v>0.727</v></c>"#))
        #expect(!sheet.contains(#"r="F2""#), "an empty cell is left out")
        #expect(sheet.contains("A &amp; &lt;B&gt; &quot;C&quot;"))
        #expect(sheet.contains(#"<c r="A1" s="1" t="inlineStr">"#), "header in the bold style")
        #expect(sheet.contains(#"state="frozen""#) && sheet.contains(#"<autoFilter ref="A1:G2"/>"#))
        #expect(parts["xl/styles.xml"]?.contains(#"formatCode="dd/mm/yyyy""#) == true)
        #expect(parts["xl/workbook.xml"]?.contains(#"<sheet name="Người dân""#) == true)
        #expect(parts["docProps/core.xml"]?.contains("<dc:title>Danh sách</dc:title>") == true)
        #expect(!FileManager.default.fileExists(atPath: url.path + ".partial"))
    }

    @Test("Sheet names follow Excel's rules; columns past Z are named AA, AB…; control characters never reach the XML")
    func namesAndHostileText() throws {
        let name = XLSXWriter.sheetName("Danh sách: người dân [2026] / thôn 1 ?*")
        #expect(name.count <= 31 && name.hasPrefix("Danh sách người dân 2026") && !name.contains { ":\\/?*[]".contains($0) })
        #expect(XLSXWriter.sheetName("[]") == "Sheet1")
        #expect(XLSXWriter.column(0) == "A" && XLSXWriter.column(25) == "Z" && XLSXWriter.column(26) == "AA" && XLSXWriter.column(701) == "ZZ")
        #expect(XLSXWriter.escaped("a\u{0001}b\u{FFFE}c") == "abc")
        #expect(XLSXWriter.serial(CivilDate(year: 1900, month: 3, day: 1)!) == 61)
    }
}
