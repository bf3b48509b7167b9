import BackOffice
import Composition
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Store
import Testing
import Vietnamese

/// The import pages: a CSV or Excel file uploaded from a form without JavaScript, all or nothing, its problems with
/// sheet, row and column; refused to accounts that may not import, and to a form without its CSRF token.
@Suite("Import pages")
struct ImportPageTests {
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/OfficeTests/Fixtures")

    static func fixture(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: fixtures.appendingPathComponent(name))) }

    @Test("A school's list with a resident already on the register: listed with who it may be, or skipped when asked")
    func uploadWithDuplicates() async throws {
        let commune = try await TestCommune()
        let before = try await commune.personCount()
        let csv = Array("Họ và tên,Năm sinh,Thôn,Điện thoại\nNguyen Van An,1970,Thôn A,0912 345 678\nY Blưm,2012,Thôn A,\n".utf8)
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            _ = try await browser.get("/import/people")
            let skipped = try await browser.upload("/import/people", file: ("truong.csv", csv), fields: ["duplicates": "skip"])
            #expect(skipped.status == .ok && skipped.text.contains("Đã bỏ qua 1 dòng có thể là người đã có")
                    && skipped.text.contains("truong.csv:2: Nguyen Van An có thể đã có: #\(commune.personA) Nguyễn Văn An"))
        }
        #expect(try await commune.personCount() == before + 1, "the possible duplicate was not written")
    }

    @Test("An Excel list uploads on the people page: checked first, then imported; a bad row names sheet, row and column and writes nothing")
    func uploadExcel() async throws {
        let commune = try await TestCommune()
        let before = try await commune.personCount()
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let page = try await browser.get("/import/people")
            #expect(page.status == .ok && page.text.contains(#"enctype="multipart/form-data""#) && page.text.contains("Họ và tên *, Giới tính"))
            let bad = try await browser.upload("/import/people", file: ("danh-sach.xlsx", try Self.fixture("people-merged-header.xlsx")),
                                               fields: ["createVillages": "1"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("danh-sach.xlsx, Sheet1, dòng 5, cột &quot;Năm sinh&quot;: "), "the problem's place as a clerk reads it")
            _ = try await browser.get("/import/people")
            let checked = try await browser.upload("/import/people", file: ("lo.xlsx", try Self.fixture("people-libreoffice.xlsx")),
                                                   fields: ["createVillages": "1", "dryRun": "1"])
            #expect(checked.status == .ok && checked.text.contains("Kiểm tra xong: 2 dòng hợp lệ"))
            _ = try await browser.get("/import/people")
            let done = try await browser.upload("/import/people", file: ("lo.xlsx", try Self.fixture("people-libreoffice.xlsx")), fields: ["createVillages": "1"])
            #expect(done.status == .ok && done.text.contains("Đã nhập 2 dòng") && done.text.contains("Thôn 2"))
        }
        #expect(try await commune.personCount() == before + 2, "only the good file was written")
    }

    @Test("A CSV uploads as well; an old .xls, a damaged file, no file, no CSRF token, a viewer or an editor on units are refused")
    func refusals() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("admin", TestCommune.password)
            _ = try await browser.get("/import/units")
            let csv = try await browser.upload("/import/units", file: ("don-vi.csv", Array("Tên đơn vị,Loại,Đơn vị cấp trên\nThôn C,Thôn,UBND xã Thử\n".utf8)))
            #expect(csv.status == .ok && csv.text.contains("Đã nhập 1 dòng"), "\(csv.text.prefix(0))")
            _ = try await browser.get("/import/units")
            let xls = try await browser.upload("/import/units", file: ("cu.xls", [0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0]))
            #expect(xls.status == .unprocessableContent && xls.text.contains(".xls"))
            _ = try await browser.get("/import/units")
            let broken = try await browser.upload("/import/units", file: ("hong.xlsx", Array("PK\u{3}\u{4}garbage".utf8)))
            #expect(broken.status == .unprocessableContent && broken.text.contains("bị hỏng"))
            _ = try await browser.get("/import/units")
            #expect(try await browser.upload("/import/units", file: ("rong.csv", [])).status == .unprocessableContent)
            #expect(try await browser.upload("/import/units", file: ("x.csv", Array("a".utf8)), csrf: "wrong").status == .forbidden)
            let cut = try await browser.send("/import/units", method: .post, bytes: Array("--b\r\nContent-Disp".utf8), contentType: "multipart/form-data; boundary=b")
            #expect(cut.status == .unprocessableContent || cut.status == .forbidden, "a cut-off body is refused, not half read")
            #expect(try await browser.get("/import/nothing").status == .notFound)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("xem", TestCommune.password)
            #expect(try await browser.get("/import/people").status == .forbidden)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            #expect(try await browser.get("/import/units").status == .forbidden)
            #expect(try await browser.get("/import/donations").status == .forbidden)
            #expect(try await browser.get("/import/people").status == .ok, "a village's editor imports their residents")
        }
        let units = try await commune.database.read { try String.fetchAll($0, sql: "SELECT name FROM unit ORDER BY id") }
        #expect(units.last == "Thôn C", "the one good file wrote one unit")
    }
}
