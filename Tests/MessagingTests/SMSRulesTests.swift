import Foundation
@testable import Messaging
import Store
import Testing

/// Advertising SMS and the sender name (NĐ 91/2020/NĐ-CP): "[QC]" first, 07:00–22:00 only, the brandname checked
/// and carried in the export file.
@Suite("SMS rules")
struct SMSRulesTests {
    /// The shipped templates plus an advertising one.
    func fixture() throws -> (MessagingFixture, String) {
        let folder = NSTemporaryDirectory() + "densach-qc-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: MessagingFixture.shippedTemplates, toPath: folder)
        try """
            ---
            channel: sms
            title: Quảng cáo hội chợ sách
            advertising: có
            variables: activity.title
            ---
            Hoi cho sach giam gia: {{activity.title}}
            """.write(toFile: folder + "/sms-hoi-cho.mustache", atomically: true, encoding: .utf8)
        return (try MessagingFixture(templates: folder), folder)
    }

    @Test("An advertising message starts with [QC], counted in its parts; the file says the sender and the window; others have no window")
    func advertising() throws {
        let (fixture, folder) = try fixture()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try fixture.database.writer.write { try Settings.set($0, Settings.smsBrandname.name, to: "UBNDDakToRe", by: .system) }
        try fixture.person("Nguyễn Thị Lan", village: fixture.villageA, phone: "0905111222")
        var options = ExportOptions(template: "sms-hoi-cho", audience: "residents", channel: .sms)
        options.values = ["activity.title": "Ngay hoi doc sach"]
        let (text, _, summary) = try fixture.export(options)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "phone,message,segments,encoding,sender,send_window")
        #expect(lines[1] == "+84905111222,[QC] Hoi cho sach giam gia: Ngay hoi doc sach,1,GSM-7,UBNDDakToRe,07:00-22:00")
        #expect(summary.lines.contains("Tin quảng cáo: có nhãn [QC], chỉ gửi trong khung 07:00-22:00"))
        var invitation = ExportOptions(template: "sms-invitation", audience: "residents", channel: .sms)
        invitation.values = MessagingFixture.invitation
        invitation.ascii = true
        #expect(try fixture.export(invitation).text.split(separator: "\n")[1].hasSuffix(",UBNDDakToRe,"), "a public-service message may go any time")
    }

    @Test("An advertising send time outside 07:00–22:00 is refused; 07:00 and 21:59 are accepted")
    func window() throws {
        let (fixture, folder) = try fixture()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try fixture.person("Nguyễn Thị Lan", village: fixture.villageA, phone: "0905111222")
        func at(_ hour: Int, _ minute: Int) -> Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
            return calendar.date(from: DateComponents(year: 2026, month: 4, day: 21, hour: hour, minute: minute))!
        }
        var options = ExportOptions(template: "sms-hoi-cho", audience: "residents", channel: .sms)
        options.values = ["activity.title": "x"]
        for (hour, minute, allowed) in [(6, 59, false), (7, 0, true), (21, 59, true), (22, 0, false), (23, 30, false)] {
            options.sendAt = at(hour, minute)
            if allowed {
                #expect(throws: Never.self) { try fixture.export(options) }
            } else {
                #expect(throws: MessagingError.self, "\(hour):\(minute)") { try fixture.export(options) }
            }
        }
    }

    @Test("A brandname is at most 11 characters without tones")
    func brandname() {
        #expect(SMSRules.brandnameProblem("UBNDDakToRe") == nil)
        #expect(SMSRules.brandnameProblem("") == nil)
        #expect(SMSRules.brandnameProblem("UBND DakToRe") != nil, "12 characters")
        #expect(SMSRules.brandnameProblem("Đăk Tờ Re") != nil, "tones")
    }
}
