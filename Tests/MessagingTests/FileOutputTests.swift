import Foundation
import Testing
@testable import Messaging
import Store

/// A refused or failed export must not touch the file it would have replaced, and nobody may open half a file.
@Suite("Export files appear only when complete")
struct FileOutputTests {
    func scratch() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("densach-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.path
    }

    @Test("A refused export leaves last week's file as it was, with no stray temporary file")
    func refusedExportKeepsTheOldFile() throws {
        let folder = try scratch()
        let path = folder + "/moi.csv"
        try Data("tuần trước\n".utf8).write(to: URL(fileURLWithPath: path))
        let fixture = try MessagingFixture()
        try fixture.person("Lê Thị Mai", village: fixture.villageA, phone: "0905111222")
        var options = MessagingFixture.sms()
        options.values = [:]  // the template needs activity.* values: the export is refused
        do {
            let output = try FileOutput(path: path)
            _ = try fixture.exporter.export(options, by: .system, actor: "test", to: output)
            Issue.record("the export should have been refused")
        } catch {}
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "tuần trước\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["moi.csv"])
    }

    @Test("While an export runs the destination keeps its old content; finish() puts the new file in place")
    func renamedIntoPlace() throws {
        let folder = try scratch()
        let path = folder + "/moi.csv"
        try Data("cũ\n".utf8).write(to: URL(fileURLWithPath: path))
        let output = try FileOutput(path: path)
        output.write("mới\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "cũ\n")
        try output.finish()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "mới\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["moi.csv"])
    }

    @Test("A full disk stops the export with a message, not a crash: the old file stays, the partial file goes")
    func fullDisk() throws {
        let folder = try scratch()
        let path = folder + "/moi.csv", temporary = folder + "/.moi.csv.partial"
        try Data("tuần trước\n".utf8).write(to: URL(fileURLWithPath: path))
        try Data().write(to: URL(fileURLWithPath: temporary))
        // /dev/full takes nothing: every write fails with "no space left on device".
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let output = FileOutput(handle: full, paths: (temporary, path))
        for _ in 0..<20_000 { output.write("+84905111222,UBND xa Dak To Re kinh moi Ba Mai du Ngay hoi doc sach,1,GSM-7,,\n") }
        let error = #expect(throws: MessagingError.self) { try output.finish() }
        #expect(error?.description.contains("Không ghi hết được tệp \(path): ổ đĩa đã đầy") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "tuần trước\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["moi.csv"])
    }
}
