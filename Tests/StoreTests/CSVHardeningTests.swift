import Foundation
import GRDB
import Testing
@testable import Store

/// Files that used to import wrong without a word: mixed line endings, extra columns, a quote never closed,
/// control characters.
@Suite("CSV files that are not what they seem")
struct CSVHardeningTests {
    func importPeople(_ fixture: Fixture, _ csv: String) throws -> ImportReport {
        try fixture.database.writer.writeWithoutTransaction { db in
            try PeopleImporter.run(db, data: Data(csv.utf8), file: "nguoi.csv", options: .init(), by: .system)
        }
    }

    func failure(_ csv: String) -> CSVReader.Failure? {
        do { _ = try CSVReader(data: Data(csv.utf8), fileName: "nguoi.csv"); return nil } catch { return error as? CSVReader.Failure }
    }

    @Test("59 residents in CR, LF and CRLF line endings all import, each with their own guardian")
    func mixedLineEndings() throws {
        let fixture = try Fixture()
        let endings = ["\r", "\n", "\r\n"]
        var csv = "Họ và tên,Năm sinh,Thôn,Người giám hộ" + endings[0]
        for i in 1...59 { csv += "Người Số \(i),\(1950 + i),Thôn A,Giám hộ \(i)" + endings[i % 3] }
        let report = try importPeople(fixture, csv)
        #expect(report.succeeded)
        #expect(report.inserted == 59)
        let people = try fixture.database.writer.read { try Person.fetchAll($0) }
        #expect(people.count == 59)
        #expect(Set(people.map(\.fullName)).count == 59)
        #expect(people.first { $0.fullName == "Người Số 24" }?.birthYear == 1974)
    }

    @Test("A row with more fields than the header is refused with its line; nothing is imported")
    func extraColumns() throws {
        let fixture = try Fixture()
        #expect(throws: CSVReader.Failure.self) {
            try importPeople(fixture, "Họ và tên,Thôn\nNguyễn An,Thôn A\nTrần Bình,Thôn A,thừa\n")
        }
        #expect(failure("Họ và tên,Thôn\nNguyễn An,Thôn A\nTrần Bình,Thôn A,thừa\n")?.message.hasPrefix("nguoi.csv:3:") == true)
        #expect(try fixture.database.writer.read { try Person.fetchCount($0) } == 0)
    }

    @Test("A quote that never closes is refused, naming the line where it opened")
    func unterminatedQuote() throws {
        let message = failure("Họ và tên,Thôn\nNguyễn An,Thôn A\n\"Trần Bình,Thôn A\nLê Chi,Thôn A\n")?.message
        #expect(message?.hasPrefix("nguoi.csv:3:") == true)
        #expect(message?.contains("ngoặc kép") == true)
        // A quoted line break is fine.
        #expect(failure("Họ và tên,Ghi chú\nNguyễn An,\"hai\ndòng\"\n") == nil)
    }

    @Test("NUL, ANSI escapes and BiDi overrides in a file are refused with the line")
    func controlCharacters() throws {
        for bad in ["\u{0}", "\u{1B}[31m", "\u{202E}", "\u{2066}", "\u{85}"] {
            let message = failure("Họ và tên,Thôn\nNguyễn An,Thôn A\nTrần\(bad)Bình,Thôn A\n")?.message
            #expect(message?.hasPrefix("nguoi.csv:3:") == true, "\(bad.unicodeScalars.map(\.value))")
        }
        #expect(failure("Họ và tên\tGhi chú\nNguyễn An\tcó\n") == nil, "tabs are text")
    }

    @Test("The formula guard and quoting work on scalars: = or \" followed by a combining mark is caught")
    func writerEscapesScalars() {
        // Compared by scalars: hasPrefix itself compares Characters, and "=" + U+0301 is not the Character "=".
        #expect(Array(CSVWriter.escape("=\u{301}HYPERLINK(\"x\")").unicodeScalars.prefix(3)) == ["\"", "'", "="])
        #expect(Array(CSVWriter.escape("a\"\u{301}b").unicodeScalars) == Array("\"a\"\"\u{301}b\"".unicodeScalars))
        #expect(CSVWriter.escape("+84912345678") == "+84912345678")
        #expect(CSVWriter.escape("-12") == "-12")
        #expect(CSVWriter.escape("@SUM(1)") == "'@SUM(1)")
    }
}
