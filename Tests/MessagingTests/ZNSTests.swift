import Foundation
@testable import Messaging
import Store
import Testing

/// Zalo Notification Service lines: what Zalo's send API takes, for people who consented to Zalo only, refused whole
/// when a value is over Zalo's limit for its type (the limits read from `zns-limits.yaml`).
@Suite("ZNS export")
struct ZNSTests {
    func options() -> ExportOptions {
        var options = ExportOptions(template: "zns-invitation", audience: "residents", channel: .zns)
        options.values = MessagingFixture.invitation
        return options
    }

    @Test("One JSON line per consenting resident with a mobile: phone as 84…, the approved template id, its parameters, a tracking id")
    func lines() throws {
        let fixture = try MessagingFixture()
        try fixture.person("Nguyễn Thị Lan", village: fixture.villageA, phone: "0905 111 222", consents: [.zalo])
        try fixture.person("Trần Văn Bình", village: fixture.villageB, phone: "0912000111", consents: [.sms])
        try fixture.person("Lê Thị Hoa", village: fixture.villageB, consents: [.zalo])
        let (text, _, summary) = try fixture.export(options())
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1 && summary.messages == 1, "only who consented to Zalo and has a mobile: \(text)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(json["phone"] as? String == "84905111222")
        #expect(json["template_id"] as? String == "231456")
        let data = try #require(json["template_data"] as? [String: String])
        #expect(data == ["customer_name": "Nguyễn Thị Lan", "activity_name": "Ngày hội đọc sách", "activity_date": "21/04/2026",
                         "activity_time": "8h00", "place": "Nhà văn hóa", "commune": "Đăk Tờ Re"])
        #expect((json["tracking_id"] as? String)?.hasPrefix("densach-") == true)
        #expect(summary.excluded[.noConsent] == 1 && summary.excluded[.noPhone] == 1)
    }

    @Test("A value over its limit refuses the export, naming the template, the parameter and the recipient; nothing is written")
    func overLimit() throws {
        let fixture = try MessagingFixture()
        try fixture.person("Nguyễn Thị Lan", village: fixture.villageA, phone: "0905111222", consents: [.zalo])
        try fixture.person("Công Tằng Tôn Nữ Hoàng Thị Phương Thảo Nguyên", village: fixture.villageA, phone: "0905111333", consents: [.zalo])
        let output = StringOutput()
        do {
            _ = try fixture.exporter.export(options(), by: .system, actor: "test", to: output)
            Issue.record("an over-long name must refuse the export")
        } catch let error as MessagingError {
            #expect(error.description.contains("zns-invitation") && error.description.contains("customer_name")
                    && error.description.contains("Công Tằng Tôn Nữ Hoàng Thị Phương Thảo Nguyên") && error.description.contains("30"), "\(error)")
        }
        var long = options()
        long.values["activity.place"] = String(repeating: "Nhà văn hóa thôn ", count: 20)
        #expect(throws: MessagingError.self) { try fixture.export(long) }
        let logged = try fixture.database.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM messageExport") }
        #expect(logged == 0, "a refused export is not logged as sent")
    }

    @Test("A ZNS template without its approved id, or with a type the limits file lacks, is refused when templates load")
    func templateChecks() throws {
        let folder = NSTemporaryDirectory() + "densach-zns-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: MessagingFixture.shippedTemplates + "/zns-limits.yaml", toPath: folder + "/zns-limits.yaml")
        let noId = "---\nchannel: zns\ntitle: t\nparameters: customer_name=recipient.name:name\nvariables: recipient.name\n---\n{{recipient.name}}\n"
        try noId.write(toFile: folder + "/a.mustache", atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.self) { try MessageTemplates(directory: folder) }
        let badType = "---\nchannel: zns\ntitle: t\nzns_template_id: 12\nparameters: customer_name=recipient.name:nickname\nvariables: recipient.name\n---\nx\n"
        try badType.write(toFile: folder + "/a.mustache", atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.self) { try MessageTemplates(directory: folder) }
    }
}
