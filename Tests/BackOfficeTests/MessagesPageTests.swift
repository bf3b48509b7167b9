import BackOffice
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Messaging
import Store
import Testing
import Vietnamese

@Suite("Messages page")
struct MessagesPageTests {
    static let fields: [String: String] = [
        "template": "sms-invitation", "channel": "sms", "ascii": "on",
        "v.activity.title": "Ngày hội đọc sách", "v.activity.time": "8h00", "v.activity.date": "21/04/2026", "v.activity.place": "",
    ]

    static func query(_ extra: [String: String] = [:]) -> String {
        fields.merging(extra) { _, new in new }.map { "\(Browser.encode($0.key))=\(Browser.encode($0.value))" }.sorted().joined(separator: "&")
    }

    /// Two people with SMS consent (one per village) besides the commune's own.
    func communeWithConsents() async throws -> TestCommune {
        let commune = try await TestCommune()
        try await commune.database.write { db in
            let lan = try PersonStore.create(db, PersonInput(fullName: "Lê Thị Lan", gender: "female", birthYear: "1960", villageId: commune.villageA,
                                                             phone: "0905111222"), by: .system).id!
            let hoa = try PersonStore.create(db, PersonInput(fullName: "Hồ Thị Hoa", gender: "female", birthYear: "1985", villageId: commune.villageB,
                                                             phone: "0905111333"), by: .system).id!
            for id in [lan, hoa] {
                _ = try ConsentStore.give(db, Consent(personId: id, channel: .sms, givenOn: CivilDate(year: 2026, month: 1, day: 2)!, method: .paperForm),
                                          by: .system)
            }
        }
        return commune
    }

    @Test("Preview shows the count, who is left out and why, the cost, and the first messages; nothing is logged")
    func preview() async throws {
        let commune = try await communeWithConsents()
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let page = try await browser.get("/messages?" + Self.query(["preview": "1"]))
            #expect(page.status == .ok)
            #expect(page.text.contains("Tin nhắn: 2"))
            #expect(page.text.contains("chưa đồng ý nhận qua kênh này: 2"))
            #expect(page.text.contains("Chi phí ước tính: 1.600 đ"))
            // Shown as the phone will show it, not as CSV: the message, then its number and parts.
            #expect(page.text.contains(#"<p class="sms">UBND xa Dak To Re kinh moi Ba Lan du Ngay hoi doc sach luc 8h00 ngay 21/04/2026.</p><small>0905 111 222 · 1 tin</small>"#))
            #expect(!page.text.contains("{{activity.title}}"))
            let logged = try await commune.database.read { try ExportLog.recent($0) }
            #expect(logged.isEmpty)
        }
    }

    @Test("Choosing an SMS template after a letter puts the channel on SMS and offers only the channels that template can use")
    func channelFollowsTemplate() async throws {
        let commune = try await communeWithConsents()
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let page = try await browser.get("/messages?template=sms-invitation&channel=letter")
            #expect(page.text.contains(#"<option value="sms" selected>"#))
            #expect(!page.text.contains(#"<option value="letter""#))
            #expect(try await browser.get("/messages").text.contains(#"<option value="sms-invitation" selected>"#), "SMS invitation is the default")
        }
    }

    @Test("Download gives the file as an attachment and logs who took it; the log shows on the page")
    func download() async throws {
        let commune = try await communeWithConsents()
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            try await browser.get("/messages")
            let file = try await browser.post("/messages/export", Self.fields)
            #expect(file.status == .ok)
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"sms-invitation-") == true)
            #expect(file.text.hasPrefix("phone,message,segments,encoding,sender,send_window\n"))
            #expect(file.text.split(separator: "\n").count == 3)
            let logged = try await commune.database.read { try ExportLog.recent($0) }
            #expect(logged.first?.actor == "canbo")
            #expect(logged.first?.messages == 2)
            #expect(try await browser.get("/messages").text.contains("<code>residents</code>"))
        }
    }

    @Test("Refusals: no CSRF token, a read-only account, and an editor sees only their village")
    func refusals() async throws {
        let commune = try await communeWithConsents()
        try await commune.run { browser in
            _ = try await browser.signIn("xem", TestCommune.password)
            let page = try await browser.get("/messages?" + Self.query(["preview": "1"]))
            #expect(!page.text.contains("0905 111 222") && !page.text.contains("+84905111222"))
            #expect(try await browser.post("/messages/export", Self.fields).status == .forbidden)

            let editor = Browser(browser.client)
            _ = try await editor.signIn("thona", TestCommune.password)
            try await editor.get("/messages")
            #expect(try await editor.post("/messages/export", Self.fields, csrf: "forged").status == .forbidden)
            let file = try await editor.post("/messages/export", Self.fields)
            #expect(file.text.contains("+84905111222"))
            #expect(!file.text.contains("+84905111333"))
        }
    }
}

extension MessagesPageTests {
    @Test("Letters download as one Word document, a letter per recipient who consented to letters, a page break between")
    func lettersInWord() async throws {
        let commune = try await communeWithConsents()
        try await commune.database.write { db in
            for person in [commune.personA, commune.personB] {
                _ = try ConsentStore.give(db, Consent(personId: person, channel: .letter, givenOn: CivilDate(year: 2026, month: 1, day: 2)!, method: .paperForm), by: .system)
            }
        }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let fields = ["template": "letter-invitation", "channel": "letter", "audience": "residents", "v.activity.title": "Ngày hội đọc sách",
                          "v.activity.time": "8h00", "v.activity.date": "21/04/2026"]
            let page = try await browser.get("/messages?" + fields.map { "\(Browser.encode($0.key))=\(Browser.encode($0.value))" }.joined(separator: "&") + "&preview=1")
            #expect(page.text.contains(#"name="format" value="docx""#), "a letter preview offers the Word download")
            let file = try await browser.post("/messages/export", fields.merging(["format": "docx"]) { _, new in new })
            #expect(file.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(file.headers[.contentDisposition]?.contains(".docx") == true)
            let body = try SpreadsheetDownloadTests.wordBody(of: Array(buffer: file.body))
            #expect(body.contains("Nguyễn Văn An") && body.contains("Trần Thị Bình") && !body.contains("Lê Thị Lan"), "only who consented to letters")
            #expect(body.components(separatedBy: #"w:type="page""#).count - 1 == 1)
        }
    }
}

/// espeak-ng and lame on PATH (CI installs them).
let audioToolsPresent = ["espeak-ng", "lame"].allSatisfy { tool in
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
}

extension MessagesPageTests {
    @Test("A loudspeaker script downloads read aloud: one MP3, or a ZIP of the script and an MP3 per village; logged",
          .enabled(if: audioToolsPresent || ProcessInfo.processInfo.environment["CI"] != nil, "espeak-ng and lame are not installed here"))
    func loudspeakerAudio() async throws {
        let commune = try await communeWithConsents()
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let fields = ["template": "loudspeaker-learning-week", "channel": "loudspeaker", "audience": "residents",
                          "v.campaign.title": "Tuần lễ học tập suốt đời 2026", "v.campaign.period": "01/10/2026 - 07/10/2026"]
            let page = try await browser.get("/messages?" + fields.map { "\(Browser.encode($0.key))=\(Browser.encode($0.value))" }.joined(separator: "&") + "&preview=1")
            #expect(page.text.contains(#"name="audio" value="mp3""#), "the loudspeaker preview offers the sound")
            let sound = try await browser.post("/messages/export", fields.merging(["audio": "mp3"]) { _, new in new })
            #expect(sound.status == .ok && sound.headers[.contentType] == "audio/mpeg")
            let bytes = Array(buffer: sound.body)
            #expect(bytes.count > 10_000 && (bytes.starts(with: Array("ID3".utf8)) || bytes.starts(with: [0xFF, 0xFB])), "an MP3 stream")
            let zip = try await browser.post("/messages/export", fields.merging(["audio": "mp3", "perVillage": "on"]) { _, new in new })
            #expect(zip.headers[.contentType] == "application/zip")
            let script = try SpreadsheetDownloadTests.part("loudspeaker-learning-week-\(CivilDate.today().iso).txt", of: Array(buffer: zip.body))
            #expect(script.contains("[Mức ưu tiên: Thường]") && script.contains("đo từ tệp âm thanh loudspeaker-learning-week-") && script.contains("-thon-a.mp3"))
        }
        let logged = try await commune.database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM messageExport WHERE channel = 'loudspeaker'") }
        #expect(logged == 2)
    }
}
