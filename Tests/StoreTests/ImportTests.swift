import Foundation
import GRDB
import Testing
@testable import Store

@Suite("CSV import and export")
struct ImportTests {
    func importPeople(_ fixture: Fixture, _ csv: String, dryRun: Bool = false, createVillages: Bool = false, bom: Bool = false) throws -> ImportReport {
        var data = Data(csv.utf8)
        if bom { data = Data([0xEF, 0xBB, 0xBF]) + data }
        return try fixture.database.writer.writeWithoutTransaction { db in
            try PeopleImporter.run(db, data: data, file: "nguoi.csv", options: .init(dryRun: dryRun, createVillages: createVillages), by: .system)
        }
    }

    func personCount(_ fixture: Fixture) throws -> Int { try fixture.database.writer.read { try Person.fetchCount($0) } }

    @Test("The reader splits records as spreadsheets write them: quotes, line breaks inside quotes, CRLF, a lone CR ends a line")
    func readerSplitsRecords() throws {
        let text = "Họ và tên;Ghi chú\r\n\"Lê \"\"Bé\"\"\";\"hai\r\ndòng\"\r\nA Pớt;có\rCR\n\nY Nhi;\nCuối;không"
        let records = Array(try CSVReader(data: Data(text.utf8), fileName: "x.csv"))
        #expect(records.map(\.fields) == [["Họ và tên", "Ghi chú"], ["Lê \"Bé\"", "hai\r\ndòng"], ["A Pớt", "có"], ["CR"],
                                            ["Y Nhi", ""], ["Cuối", "không"]])
        #expect(records.map(\.line) == [1, 2, 4, 5, 7, 8])
    }

    @Test("Vietnamese headers, BOM and quoted fields import; consent column creates SMS consents")
    func importsGoodFile() throws {
        let fixture = try Fixture()
        let csv = """
            Họ và tên,Giới tính,Năm sinh,Thôn,Điện thoại,Dân tộc,Đồng ý nhận tin\r
            "Nguyễn Văn An",Nam,1980,Thôn A,0912 345 678,Kinh,có\r
            Y Hiên,nữ,1995,thon b,+84 987 654 321,Xơ Đăng,không\r
            "Lê Thị ""Bé"" Ba",Nữ,,Thôn A,,,\r
            """
        let report = try importPeople(fixture, csv, bom: true)
        #expect(report.succeeded)
        #expect(report.inserted == 3)
        let (people, consents) = try fixture.database.writer.read { db in
            (try Person.order(Column("sortKey")).fetchAll(db), try Person.all().consenting(to: .sms).fetchCount(db))
        }
        #expect(people.map(\.fullName) == ["Nguyễn Văn An", "Lê Thị \"Bé\" Ba", "Y Hiên"])
        #expect(people.first { $0.fullName == "Y Hiên" }?.villageId == fixture.villageB)
        #expect(people.first { $0.fullName == "Y Hiên" }?.phone == "+84987654321")
        #expect(consents == 1)
    }

    @Test("English keys and semicolons (Excel in a Vietnamese locale) work too")
    func englishKeysAndSemicolons() throws {
        let fixture = try Fixture()
        let report = try importPeople(fixture, "full_name;gender;birth_year;village\nA Pớt;male;1970;Thôn A\n")
        #expect(report.succeeded && report.inserted == 1)
    }

    @Test("Every bad row is reported with line and field, and nothing is written")
    func allOrNothing() throws {
        let fixture = try Fixture()
        let csv = """
            Họ và tên,Giới tính,Năm sinh,Thôn,Điện thoại
            Nguyễn Văn An,Nam,1980,Thôn A,0912345678
            Trần Thị Bé,Nữ,19x0,Thôn A,0912345678
            Phạm Văn Cư,Nam,1970,Thôn Z,
            ,Nam,1970,Thôn A,
            Hồ Thị Dung,Nữ,1970,Thôn A,0212345678
            """
        let report = try importPeople(fixture, csv)
        #expect(!report.succeeded)
        let found = report.problems.map { "\($0.line):\($0.field)" }
        #expect(found == ["3:Năm sinh", "4:Thôn", "5:Họ và tên", "6:Điện thoại"])
        #expect(report.problems[1].message.contains("Thôn Z"))
        #expect(report.problems.allSatisfy { $0.file == "nguoi.csv" })
        #expect(try personCount(fixture) == 0)
        #expect(try fixture.database.writer.read { try AuditEntry.filter(Column("action") == "import").fetchCount($0) } == 0)
    }

    @Test("A child who consents needs a guardian column")
    func childConsent() throws {
        let fixture = try Fixture()
        let year = Calendar.current.component(.year, from: Date()) - 8
        let report = try importPeople(fixture, "Họ và tên,Năm sinh,Thôn,Đồng ý nhận tin\nY Bia,\(year),Thôn A,có\n")
        #expect(report.problems.map(\.field) == ["Người giám hộ"])
        let fixed = try importPeople(fixture, "Họ và tên,Năm sinh,Thôn,Đồng ý nhận tin,Người giám hộ\nY Bia,\(year),Thôn A,có,A Thuận\n")
        #expect(fixed.succeeded)
    }

    @Test("Dry run reports without writing; --create-villages creates missing villages")
    func dryRunAndCreateVillages() throws {
        let fixture = try Fixture()
        let csv = "Họ và tên,Thôn\nA Kring,Làng Kon Bỉ\nY Lan,Làng Kon Bỉ\n"
        let dry = try importPeople(fixture, csv, dryRun: true, createVillages: true)
        #expect(dry.succeeded && dry.rowsRead == 2)
        #expect(try personCount(fixture) == 0)
        #expect(try fixture.database.writer.read { try UnitStore.find($0, name: "Làng Kon Bỉ") } == nil)
        let real = try importPeople(fixture, csv, createVillages: true)
        #expect(real.created == ["Làng Kon Bỉ"])
        #expect(try personCount(fixture) == 2)
    }

    @Test("Files not in UTF-8 are refused with a message saying how to save them")
    func encodings() throws {
        let fixture = try Fixture()
        let latin1 = Data([0x48, 0x6F, 0x20, 0x76, 0xE0, 0x20, 0x74, 0xEA, 0x6E, 0x0A])  // "Ho và tên" in Latin-1
        #expect(throws: CSVReader.Failure.notUTF8(file: "nguoi.csv")) {
            _ = try fixture.database.writer.writeWithoutTransaction { try PeopleImporter.run($0, data: latin1, file: "nguoi.csv", options: .init(), by: .system) }
        }
        let utf16 = Data([0xFF, 0xFE]) + "Họ và tên\n".data(using: .utf16LittleEndian)!
        #expect(throws: CSVReader.Failure.utf16(file: "nguoi.csv")) {
            _ = try fixture.database.writer.writeWithoutTransaction { try PeopleImporter.run($0, data: utf16, file: "nguoi.csv", options: .init(), by: .system) }
        }
        #expect(CSVReader.Failure.notUTF8(file: "x.csv").message.contains("CSV UTF-8"))
    }

    @Test("A missing required column or an unknown column is named")
    func headerProblems() throws {
        let fixture = try Fixture()
        #expect(throws: ImportReport.Problem.self) { _ = try importPeople(fixture, "Tên,Thôn\nAn,Thôn A\n") }
        do {
            _ = try importPeople(fixture, "Họ và tên,Số nhà\nAn,12\n")
        } catch let problem as ImportReport.Problem {
            #expect(problem.line == 1 && problem.field == "Số nhà")
        }
    }

    @Test("Units import with parents from the file or the store; an export imports back the same")
    func unitsRoundTrip() throws {
        let fixture = try Fixture()
        let csv = "Tên đơn vị,Loại,Đơn vị cấp trên\nThôn C,Thôn,UBND xã Thử\nNhà văn hóa thôn C,nha van hoa,Thôn C\n"
        let report = try fixture.database.writer.writeWithoutTransaction {
            try UnitImporter.run($0, data: Data(csv.utf8), file: "donvi.csv", dryRun: false, by: .system)
        }
        #expect(report.succeeded && report.inserted == 2)
        var exported = ""
        _ = try fixture.database.writer.read { try CSVExport.units($0, to: { exported += $0 }) }
        #expect(exported.hasPrefix("\u{FEFF}Tên đơn vị,Loại,Đơn vị cấp trên"))
        let fresh = try Fixture()
        let data = Data(exported.utf8)
        // The fresh store already holds the fixture's units: importing them again is refused as duplicates...
        let duplicate = try fresh.database.writer.writeWithoutTransaction {
            try UnitImporter.run($0, data: data, file: "donvi.csv", dryRun: false, by: .system)
        }
        #expect(!duplicate.succeeded)
        // ...while an empty store takes the whole tree back.
        let empty = try AppDatabase.inMemory(modules: [StoreSchema.self])
        let restored = try empty.writer.writeWithoutTransaction {
            try UnitImporter.run($0, data: data, file: "donvi.csv", dryRun: false, by: .system)
        }
        #expect(restored.succeeded && restored.inserted == 6)
        let parents = try empty.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT u.name, p.name AS parent FROM unit u LEFT JOIN unit p ON p.id = u.parentId ORDER BY u.id")
                .map { "\($0["name"] as String)<\(($0["parent"] as String?) ?? "")" }
        }
        #expect(parents.contains("Nhà văn hóa thôn C<Thôn C"))
    }

    @Test("People export reads back with the same names, villages, phones and consents")
    func peopleRoundTrip() throws {
        let fixture = try Fixture()
        _ = try importPeople(fixture, "Họ và tên,Giới tính,Năm sinh,Thôn,Điện thoại,Đồng ý nhận tin,Tên sắp xếp\n"
                                 + "Nguyễn Văn An,Nam,1980,Thôn A,0912345678,có,\nY Hiên,Nữ,1990,Thôn B,,không,\n"
                                 + "Thạch Thị Sa Vi,Nữ,1985,Thôn A,,không,Sa Vi Thạch Thị\nLê Văn Tâm,Nam,1975,Thôn B,,không,\n")
        var exported = ""
        _ = try fixture.database.writer.read { try CSVExport.people($0, to: { exported += $0 }) }
        let target = try Fixture()
        let report = try importPeople(target, exported.replacingOccurrences(of: "\u{FEFF}", with: ""))
        #expect(report.succeeded && report.inserted == 4)
        let rows = try target.database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT fullName, birthYear, phone, villageId, sortName FROM person ORDER BY sortKey").map {
                "\($0[0] as String)|\($0[1] as Int)|\(($0[2] as String?) ?? "")|\($0[3] as Int64)|\(($0[4] as String?) ?? "")"
            }
        }
        // The sort name travels with the person and places her by "Sa", before Tâm (her last word, Vi, would follow it).
        #expect(rows == ["Nguyễn Văn An|1980|+84912345678|\(target.villageA)|", "Y Hiên|1990||\(target.villageB)|",
                         "Thạch Thị Sa Vi|1985||\(target.villageA)|Sa Vi Thạch Thị", "Lê Văn Tâm|1975||\(target.villageB)|"])
        #expect(try target.database.writer.read { try Person.all().consenting(to: .sms).fetchCount($0) } == 1)
    }
}
