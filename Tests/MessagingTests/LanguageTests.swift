import Foundation
import GRDB
@testable import Messaging
import Store
import Testing

/// Messages in a person's own language: the template's translation when it has one (`NAME.sed.mustache`),
/// Vietnamese otherwise, each counted in the summary.
@Suite("Local languages")
struct LanguageTests {
    @Test("A Xơ Đăng speaker gets the Xơ Đăng variant, a Ba Na speaker (no variant) and everyone else Vietnamese; the summary counts each")
    func variants() throws {
        let fixture = try MessagingFixture()
        let sedang = try fixture.person("Y Blăk", village: fixture.villageA, phone: "0905111222")
        let bahnar = try fixture.person("A Lưu", village: fixture.villageA, phone: "0905111333")
        try fixture.person("Nguyễn Thị Lan", village: fixture.villageB, phone: "0905111444")
        try fixture.database.writer.write { db in
            try db.execute(sql: "UPDATE person SET language = 'sed' WHERE id = ?", arguments: [sedang])
            try db.execute(sql: "UPDATE person SET language = 'bdq' WHERE id = ?", arguments: [bahnar])
        }
        var options = ExportOptions(template: "sms-invitation", audience: "residents", channel: .sms)
        options.values = MessagingFixture.invitation
        let (text, _, summary) = try fixture.export(options)
        let lines = text.split(separator: "\n").dropFirst()
        #expect(lines.first { $0.hasPrefix("+84905111222") }?.contains("[Ban mau Xo Dang - can dich]") == true, "the Xơ Đăng variant")
        #expect(lines.first { $0.hasPrefix("+84905111333") }?.contains("kính mời") == true, "Ba Na has no variant: Vietnamese")
        #expect(lines.first { $0.hasPrefix("+84905111444") }?.contains("kính mời") == true)
        #expect(summary.languages == ["sed": 1, "vie": 2])
        #expect(summary.lines.contains("Theo ngôn ngữ: Tiếng Việt 2, Tiếng Xơ Đăng 1"))
    }

    @Test("A translation is not a template of its own; one without its original, or on another channel, is refused at load")
    func loading() throws {
        let templates = try MessageTemplates(directory: MessagingFixture.shippedTemplates)
        #expect(!templates.all.contains { $0.name.contains(".") })
        #expect(templates.variants["sms-invitation"]?["sed"] != nil)
        let folder = NSTemporaryDirectory() + "densach-variants-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "---\nchannel: sms\ntitle: t\n---\nxin chao\n".write(toFile: folder + "/orphan.sed.mustache", atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.self) { try MessageTemplates(directory: folder) }
        try "---\nchannel: zalo\ntitle: t\n---\nxin chao\n".write(toFile: folder + "/orphan.mustache", atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.self) { try MessageTemplates(directory: folder) }
    }

    @Test("The language is read from a form or a file by code or by name, tones or not; anything else is refused")
    func parsing() {
        #expect(MessageLanguage(text: "Tiếng Xơ Đăng") == .sedang && MessageLanguage(text: "xo dang") == .sedang && MessageLanguage(text: "sed") == .sedang)
        #expect(MessageLanguage(text: "Ba Na") == .bahnar && MessageLanguage(text: "") == .vietnamese && MessageLanguage(text: "Tiếng Việt") == .vietnamese)
        #expect(MessageLanguage(text: "Klingon") == nil)
        #expect(PersonInput(fullName: "A", language: "Klingon").validate(thisYear: 2026).failureFields == ["language"])
    }
}

extension Result where Success == PersonInput.Validated, Failure == DomainError {
    var failureFields: [String] {
        if case .failure(let error) = self { return error.fieldErrors.keys.sorted() }
        return []
    }
}
