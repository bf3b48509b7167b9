import Foundation
import GRDB
@testable import Messaging
import Store
import Testing
import Vietnamese

/// Message fatigue: a person gets at most the weekly cap of messages on a channel over all exports in a rolling
/// seven days (default 3), computed from the export log.
@Suite("Message fatigue")
struct FatigueTests {
    func invitation() -> ExportOptions {
        var options = ExportOptions(template: "sms-invitation", audience: "residents", channel: .sms)
        options.values = MessagingFixture.invitation
        options.ascii = true
        return options
    }

    @Test("The fourth message within 7 days is left out with its reason; on the eighth day the first no longer counts")
    func cap() throws {
        let fixture = try MessagingFixture()
        try fixture.person("Nguyễn Thị Lan", village: fixture.villageA, phone: "0905111222")
        try fixture.person("Trần Thị Hoa", village: fixture.villageB, phone: "0905111333")
        for _ in 1...3 { #expect(try fixture.export(invitation()).summary.messages == 2) }
        let fourth = try fixture.export(invitation())
        #expect(fourth.summary.messages == 0 && fourth.summary.excluded[.weeklyCap] == 2)
        #expect(fourth.rejects.contains("Nguyễn Thị Lan,Thon Mot,+84905111222,đã nhận 3 tin qua kênh này trong 7 ngày"))
        #expect(fourth.summary.lines.contains { $0.contains("đã nhận đủ số tin tối đa") })
        // Another channel has its own count.
        try fixture.database.writer.write { db in
            _ = try ConsentStore.give(db, Consent(personId: try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE fullName = 'Nguyễn Thị Lan'")!,
                                                  channel: .letter, givenOn: CivilDate(year: 2026, month: 1, day: 5)!, method: .paperForm), by: .system)
        }
        var letter = ExportOptions(template: "letter-invitation", audience: "residents", channel: .letter)
        letter.values = ["activity.title": "Ngày hội đọc sách", "activity.time": "8h00", "activity.date": "21/04/2026"]
        #expect(try fixture.export(letter).summary.messages == 1)
        // Eight days later the first export is out of the window.
        try fixture.database.writer.write { db in
            let first = try Int64.fetchOne(db, sql: "SELECT min(id) FROM messageExport WHERE channel = 'sms'")!
            try db.execute(sql: "UPDATE messageExport SET createdAt = ? WHERE id = ?", arguments: [Date().addingTimeInterval(-8 * 86_400), first])
        }
        #expect(try fixture.export(invitation()).summary.messages == 2)
        #expect(try fixture.export(invitation()).summary.messages == 0)
    }

    @Test("A cap of 0 turns it off; a preview is not counted")
    func off() throws {
        let fixture = try MessagingFixture()
        try fixture.person("Nguyễn Thị Lan", village: fixture.villageA, phone: "0905111222")
        var preview = invitation()
        preview.previewLimit = 5
        for _ in 1...5 { _ = try fixture.export(preview) }
        #expect(try fixture.export(invitation()).summary.messages == 1, "previews are not sends")
        try fixture.database.writer.write { try Settings.set($0, Settings.weeklyMessageCap.name, to: "0", by: .system) }
        for _ in 1...5 { #expect(try fixture.export(invitation()).summary.messages == 1) }
    }

    @Test("The recipients' list round-trips through its encoding")
    func encoding() {
        let ids: [Int64] = [1, 2, 3, 127, 128, 16_384, 1_000_000, 9_000_000_000]
        var decoded: [Int64] = []
        MessageFatigue.decode(MessageFatigue.encode(ids.shuffled())) { decoded.append($0) }
        #expect(decoded == ids)
    }
}
