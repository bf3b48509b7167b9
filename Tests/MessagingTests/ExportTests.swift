import Campaigns
import Clubs
import Foundation
import GRDB
import Testing
@testable import Messaging
import Honours
import Socialization
import Store
import Vietnamese

@Suite("Exporting messages")
struct ExportTests {
    @Test("SMS go only to people who consented; withdrawn and missing consents are counted apart")
    func consent() throws {
        let fixture = try MessagingFixture()
        try fixture.person("Lê Thị Mai", village: fixture.villageA, phone: "0905111222")
        try fixture.person("Lò Văn Pọm", village: fixture.villageA, phone: "0905111333", gender: "male", consents: [])
        try fixture.person("Y Hlen", village: fixture.villageA, phone: "0905111444", consents: [.sms], withdrawn: true)
        try fixture.person("A Blưm", village: fixture.villageA, phone: "0905111555", gender: "male", consents: [.zalo])
        let result = try fixture.export(MessagingFixture.sms())
        #expect(result.summary.messages == 1)
        #expect(result.summary.excluded[.noConsent] == 2)
        #expect(result.summary.excluded[.withdrawn] == 1)
        #expect(result.text.contains("+84905111222,UBND xã Đăk Tờ Re kính mời Bà Mai dự Ngày hội đọc sách"))
        #expect(!result.text.contains("+84905111333") && !result.text.contains("+84905111444") && !result.text.contains("+84905111555"))
    }

    @Test("One SMS per phone number; people without a phone are counted")
    func dedupe() throws {
        let fixture = try MessagingFixture()
        try fixture.person("Lê Thị Mai", village: fixture.villageA, phone: "0905 111 222")
        try fixture.person("Lê Văn Nam", village: fixture.villageA, phone: "+84 905-111-222", gender: "male")
        try fixture.person("Đinh Thị Hơ", village: fixture.villageB)
        let result = try fixture.export(MessagingFixture.sms())
        #expect(result.summary.messages == 1)
        #expect(result.summary.excluded[.duplicatePhone] == 1)
        #expect(result.summary.excluded[.noPhone] == 1)
        #expect(result.text.components(separatedBy: "+84905111222").count == 2)
    }

    @Test("A number that is not a Vietnamese mobile goes to the rejects file with the reason")
    func rejects() throws {
        let fixture = try MessagingFixture()
        let id = try fixture.person("Lê Thị Mai", village: fixture.villageA, phone: "0905111222")
        // An old record whose number no longer passes (kept as typed, without a normalised form).
        try fixture.database.writer.write { try $0.execute(sql: "UPDATE person SET phone = NULL, phoneOriginal = '0212 345 678' WHERE id = ?", arguments: [id]) }
        let result = try fixture.export(MessagingFixture.sms())
        #expect(result.summary.messages == 0)
        #expect(result.summary.excluded[.invalidPhone] == 1)
        #expect(result.rejects.contains("Lê Thị Mai,Thôn Một,0212 345 678,"))
        #expect(result.rejects.contains("Số máy cố định (đầu 02) không nhận được tin nhắn SMS"))
    }

    @Test("--ascii strips tones from the template and the names so the message fits one GSM-7 part; cost follows the setting")
    func asciiAndCost() throws {
        let fixture = try MessagingFixture()
        try fixture.person("Nguyễn Thị Ánh Tuyết", village: fixture.villageA, phone: "0905111222")
        try fixture.database.writer.write { try $0.execute(sql: "INSERT INTO setting(key, value) VALUES ('sms.pricePerSegment', '650')") }
        let toned = try fixture.export(MessagingFixture.sms())
        #expect(toned.summary.ucs2Messages == 1)
        #expect(toned.summary.segments == 2)
        let plain = try fixture.export(MessagingFixture.sms(ascii: true))
        #expect(plain.text.contains("UBND xa Dak To Re kinh moi Ba Tuyet du Ngay hoi doc sach luc 8h00 ngay 21/04/2026 tai Nha van hoa.,1,GSM-7"))
        #expect(plain.summary.segments == 1)
        #expect(plain.summary.estimatedCost == 650)
    }

    @Test("A message with a quote or a comma in a name is one CSV field, quotes doubled; tones typed decomposed fold too")
    func csvQuotingOfNames() throws {
        let fixture = try MessagingFixture()
        let id = try fixture.person("Lê Thị Út", village: fixture.villageA, phone: "0905111222")
        // As an old import may have left it: a quote and a comma in the name, the tone of "Tuyết" as a combining mark.
        try fixture.database.writer.write {
            try $0.execute(sql: "UPDATE person SET fullName = ? WHERE id = ?", arguments: ["Lê Thị \"Út\",Tuye\u{0302}\u{0301}t", id])
        }
        let plain = try fixture.export(MessagingFixture.sms(ascii: true))
        #expect(plain.text.contains("+84905111222,\"UBND xa Dak To Re kinh moi Ba \"\"Ut\"\",Tuyet du Ngay hoi doc sach"))
        #expect(plain.text.contains("tai Nha van hoa.\",1,GSM-7,,\n"))
        #expect(plain.summary.gsm7Messages == 1)
        let toned = try fixture.export(MessagingFixture.sms())
        #expect(toned.text.contains("kính mời Bà \"\"Út\"\",Tuye\u{0302}\u{0301}t dự"))
        #expect(toned.summary.ucs2Messages == 1)
    }

    @Test("Filters by village, age and gender, combined with +; an editor only reaches their own villages")
    func audienceFilters() throws {
        let fixture = try MessagingFixture()
        try fixture.person("Lê Thị Mai", village: fixture.villageA, phone: "0905111001", birthYear: 1990)
        try fixture.person("Lê Văn Nam", village: fixture.villageA, phone: "0905111002", gender: "male", birthYear: 1990)
        try fixture.person("Hồ Thị Lan", village: fixture.villageA, phone: "0905111003", birthYear: 1940)
        try fixture.person("Đinh Thị Hơ", village: fixture.villageB, phone: "0905111004", birthYear: 1990)
        let women = try fixture.export(MessagingFixture.sms("residents:village=thon mot,age=18-60,gender=nữ"))
        #expect(women.summary.messages == 1 && women.text.contains("+84905111001"))
        let both = try fixture.export(MessagingFixture.sms("residents:village=Thôn Một,gender=nam + residents:village=Thôn Hai"))
        #expect(both.summary.messages == 2 && both.text.contains("+84905111002") && both.text.contains("+84905111004"))
        let editor = Principal(accountId: 9, login: "thonhai", displayName: "Thôn Hai", role: .editor, unitIds: [fixture.villageB])
        let scoped = try fixture.export(MessagingFixture.sms(), by: editor)
        #expect(scoped.summary.messages == 1 && scoped.text.contains("+84905111004"))
        #expect(throws: MessagingError.self) { try fixture.export(MessagingFixture.sms("residents:village=Thôn Ba")) }
    }

    @Test("A viewer cannot export personal data")
    func viewerRefused() throws {
        let fixture = try MessagingFixture()
        let viewer = Principal(accountId: 8, login: "xem", displayName: "Xem", role: .viewer, unitIds: [])
        #expect(throws: DomainError.self) { try fixture.export(MessagingFixture.sms(), by: viewer) }
    }

    @Test("Letters: printable HTML, one page per recipient, names escaped")
    func letters() throws {
        let fixture = try MessagingFixture()
        try fixture.person("Lê Thị <b>Mai</b>", village: fixture.villageA, consents: [.letter])
        try fixture.person("Hồ Văn Tư", village: fixture.villageB, gender: "male", consents: [.letter])
        try fixture.person("Không Đồng Ý", village: fixture.villageB, consents: [.sms])
        var options = ExportOptions(template: "letter-invitation", audience: "residents", channel: .letter)
        options.values = ["activity.title": "Ngày hội đọc sách", "activity.time": "8h00", "activity.date": "21/04/2026", "activity.place": "Nhà văn hóa"]
        let result = try fixture.export(options)
        #expect(result.summary.messages == 2)
        #expect(result.text.components(separatedBy: "<section class=\"letter\">").count == 3)
        #expect(result.text.contains("Kính gửi: Bà Lê Thị &lt;b&gt;Mai&lt;/b&gt;, Thôn Một"))
        #expect(result.text.contains("page-break-after: always"))
        #expect(result.text.contains("<strong>TM. ỦY BAN NHÂN DÂN</strong>"), "the committee signs as a collective (NĐ 30)")
        #expect(!result.text.contains("Không Đồng Ý"))
    }

    @Test("Loudspeaker: one script per village with its reading time; Zalo as JSON lines")
    func groupChannels() throws {
        let fixture = try MessagingFixture()
        try fixture.person("Lê Thị Mai", village: fixture.villageA)
        try fixture.person("Hồ Văn Tư", village: fixture.villageB, gender: "male")
        try fixture.person("Hồ Văn Ba", village: fixture.villageB, gender: "male")
        var options = ExportOptions(template: "loudspeaker-learning-week", audience: "residents", channel: .loudspeaker)
        options.perVillage = true
        options.values = ["campaign.title": "Tuần lễ học tập suốt đời", "campaign.period": "01/10 đến 07/10/2026", "campaign.theme": "",
                          "activity.title": "", "activity.place": ""]
        let script = try fixture.export(options)
        #expect(script.text.contains("===== Thôn Một (1 người) ====="))
        #expect(script.text.contains("===== Thôn Hai (2 người) ====="))
        #expect(script.text.contains("[Thời gian đọc: khoảng"))
        #expect(script.summary.readingSeconds > 30)
        var zalo = ExportOptions(template: "zalo-reading-day", audience: "residents", channel: .zalo)
        zalo.format = .jsonl
        zalo.values = MessagingFixture.invitation
        let post = try fixture.export(zalo)
        let object = try JSONSerialization.jsonObject(with: Data(post.text.utf8)) as? [String: Any]
        #expect(object?["reach"] as? Int == 3)
        #expect((object?["text"] as? String)?.contains("NGÀY SÁCH VÀ VĂN HÓA ĐỌC") == true)
    }

    @Test("SMS as JSON lines carry phone, message, parts and encoding")
    func smsJSONLines() throws {
        let fixture = try MessagingFixture()
        try fixture.person("Lê Thị Mai", village: fixture.villageA, phone: "0905111222")
        var options = MessagingFixture.sms()
        options.format = .jsonl
        let line = try fixture.export(options).text.trimmingCharacters(in: .newlines)
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["phone"] as? String == "+84905111222")
        #expect(object?["encoding"] as? String == "UCS-2")
        #expect(object?["segments"] as? Int == 2)
    }

    @Test("Every export is logged with who, template, audience and count; a preview is not")
    func log() throws {
        let fixture = try MessagingFixture()
        try fixture.person("Lê Thị Mai", village: fixture.villageA, phone: "0905111222")
        var preview = MessagingFixture.sms()
        preview.previewLimit = 1
        _ = try fixture.export(preview)
        #expect(try fixture.database.writer.read { try ExportLog.recent($0) }.isEmpty)
        _ = try fixture.export(MessagingFixture.sms("residents:village=Thôn Một"))
        let entries = try fixture.database.writer.read { try ExportLog.recent($0) }
        #expect(entries.count == 1)
        #expect(entries.first?.template == "sms-invitation")
        #expect(entries.first?.audience == "residents:village=Thôn Một")
        #expect(entries.first?.messages == 1)
        #expect(entries.first?.actor == Principal.system.login)
    }

    @Test("A large audience streams through in blocks: 30,000 people, every consenting phone once")
    func largeAudience() throws {
        let fixture = try MessagingFixture()
        try fixture.database.writer.write { try SyntheticPeople.generate($0, count: 30_000, consentPercent: 90) }
        let expected = try fixture.database.writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(DISTINCT p.phone) FROM person p WHERE p.phone IS NOT NULL AND EXISTS
                (SELECT 1 FROM consent c WHERE c.personId = p.id AND c.channel = 'sms' AND c.withdrawnOn IS NULL)
                """) ?? 0
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sms-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try FileOutput(path: path)
        let summary = try fixture.exporter.export(MessagingFixture.sms(ascii: true), by: .system, actor: "test", to: output)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(expected > 15_000)
        #expect(summary.messages == expected)
        #expect(lines.count == expected + 1)
        #expect(summary.gsm7Messages == expected)
    }

    @Test("Club members as an audience: current members only, and the template gets the club's name and place")
    func clubAudience() throws {
        let fixture = try MessagingFixture()
        let mai = try fixture.person("Lê Thị Mai", village: fixture.villageA, phone: "0905111222")
        let nam = try fixture.person("Hồ Văn Nam", village: fixture.villageA, phone: "0905111333", gender: "male")
        try fixture.person("Đinh Thị Hơ", village: fixture.villageA, phone: "0905111444")
        let clubId = try fixture.database.writer.write { db -> Int64 in
            let house = try UnitStore.create(db, UnitInput(name: "Nhà văn hóa thôn Một", kind: "cultural_house", parentId: fixture.villageA), by: .system).id!
            let club = try ClubStore.create(db, ClubInput(name: "CLB Đọc sách", unitId: house, kind: "club", field: "reading", ageGroups: ["adults"]), by: .system).id!
            _ = try ClubStore.addMember(db, clubId: club, personId: mai, role: .head, joinedOn: CivilDate(year: 2025, month: 1, day: 1)!, by: .system)
            let left = try ClubStore.addMember(db, clubId: club, personId: nam, role: .member, joinedOn: CivilDate(year: 2025, month: 1, day: 1)!, by: .system)
            try ClubStore.endMembership(db, memberId: left.id!, on: CivilDate(year: 2025, month: 6, day: 1)!, by: .system)
            return club
        }
        var options = ExportOptions(template: "sms-club-reminder", audience: "club:\(clubId)", channel: .sms)
        options.values = ["club.sessionDate": "29/11/2026", "club.sessionTime": "19h30"]
        let result = try fixture.export(options)
        #expect(result.summary.messages == 1)
        #expect(result.text.contains("+84905111222,CLB Đọc sách: mời Bà Mai sinh hoạt lúc 19h30 ngày 29/11/2026 tại Nhà văn hóa thôn Một."))
        let all = try fixture.export(MessagingFixture.sms("clubs:active"))
        #expect(all.summary.messages == 1)
        #expect(throws: MessagingError.self) { try fixture.export(MessagingFixture.sms("club:999")) }
    }

    @Test("Donors of a year (a voided receipt does not count; businesses through their contact) and volunteers by skill")
    func donorsAndVolunteers() throws {
        let fixture = try MessagingFixture()
        let giver = try fixture.person("Lê Thị Mai", village: fixture.villageA, phone: "0905111222")
        let voided = try fixture.person("Hồ Văn Nam", village: fixture.villageA, phone: "0905111333", gender: "male")
        let helper = try fixture.person("Đinh Thị Hơ", village: fixture.villageB, phone: "0905111444")
        try fixture.database.writer.write { db in
            let commune = fixture.villageA
            func give(_ sponsor: Int64, _ date: String) throws -> Donation {
                try DonationStore.create(db, DonationInput(sponsorId: sponsor, date: date, kind: "cash", amount: "500000", channel: "cash",
                                                           purpose: "Tủ sách", recipientUnitId: commune), by: .system)
            }
            _ = try give(try SponsorStore.create(db, .init(kind: "individual", personId: giver), by: .system).id!, "01/03/2026")
            let wrong = try give(try SponsorStore.create(db, .init(kind: "individual", personId: voided), by: .system).id!, "02/03/2026")
            try DonationStore.void(db, id: wrong.id!, reason: "Ghi nhầm người", by: .system)
            _ = try give(try SponsorStore.create(db, .init(kind: "business", name: "Nhà sách Minh Trí", phone: "0905999888"), by: .system).id!, "03/03/2026")
            _ = try VolunteerStore.create(db, .init(personId: helper, unitId: fixture.villageB, skills: ["storytelling"], since: "01/01/2026"), by: .system)
        }
        let donors = try fixture.export(MessagingFixture.sms("donors:year=2026"))
        #expect(donors.summary.messages == 2)
        #expect(donors.text.contains("+84905111222") && donors.text.contains("+84905999888") && !donors.text.contains("+84905111333"))
        #expect(try fixture.export(MessagingFixture.sms("donors:year=2025")).summary.messages == 0)
        let volunteers = try fixture.export(MessagingFixture.sms("volunteers:skill=storytelling"))
        #expect(volunteers.summary.messages == 1 && volunteers.text.contains("+84905111444"))
        #expect(try fixture.export(MessagingFixture.sms("volunteers:skill=arts")).summary.messages == 0)
    }

    @Test("The honoured of a year: people in issued decisions; a revoked decision takes them out")
    func honoured() throws {
        let fixture = try MessagingFixture()
        let forms = try HonourForms(path: MessagingFixture.repositoryRoot + "/campaigns/honours.yaml")
        let person = try fixture.person("Lê Thị Mai", village: fixture.villageA, phone: "0905111222")
        let decision = try fixture.database.writer.write { db -> Int64 in
            let nomination = try NominationStore.create(db, .init(year: 2025, recipientKind: "individual", recipientId: person, achievement: "Đọc sách cùng con mỗi tối.",
                                                                  formKey: "giay-khen-xa", proposingUnitId: fixture.villageA), forms: forms, by: .system)
            try NominationStore.submit(db, id: nomination.id!, by: .system)
            let meeting = try NominationStore.recordMeeting(db, date: "10/12/2025", minutesRef: "BB 01", members: 3, notes: nil, by: .system)
            try NominationStore.review(db, id: nomination.id!, meetingId: meeting.id!, votesFor: 3, votesAgainst: 0, by: .system)
            try NominationStore.decide(db, id: nomination.id!, approve: true, forms: forms, by: .system)
            let draft = try DecisionStore.createDraft(db, .init(formKey: "giay-khen-xa", year: 2025, subject: "Khen thưởng", nominationIds: [nomination.id!]),
                                                      forms: forms, by: .system)
            return try DecisionStore.issue(db, id: draft.id!, date: "20/12/2025", by: .system).id!
        }
        #expect(try fixture.export(MessagingFixture.sms("honoured:year=2025")).summary.messages == 1)
        #expect(try fixture.export(MessagingFixture.sms("honoured:year=2024")).summary.messages == 0)
        try fixture.database.writer.write { db in
            let revoke = try DecisionStore.draftCorrection(db, of: decision, kind: .revoke, reason: "Thu hồi vì nhầm", by: .system)
            _ = try DecisionStore.issue(db, id: revoke.id!, date: "05/01/2026", by: .system)
        }
        #expect(try fixture.export(MessagingFixture.sms("honoured")).summary.messages == 0)
    }
}

@Suite("Messages with a campaign's context")
struct CampaignContextTests {
    @Test("--activity gives the template the activity's title, date, time and place and its campaign")
    func activityValues() throws {
        let fixture = try MessagingFixture()
        try fixture.person("Lê Thị Mai", village: fixture.villageA, phone: "0905111222")
        let activityId = try fixture.database.writer.write { db -> Int64 in
            let campaign = try CampaignStore.create(db, CampaignInput(title: "Ngày Sách 2026", startDate: "15/04/2026", endDate: "25/04/2026",
                                                                      leadUnitId: fixture.villageA), catalogue: nil, by: .system)
            return try CampaignStore.saveActivity(db, campaignId: campaign.id!, ActivityInput(kind: "book_fair", title: "Ngày hội sách", startsAt: "21/04/2026 07:30",
                                                                                           endsAt: "", place: "Nhà văn hóa thôn Một", unitId: fixture.villageA), by: .system).id!
        }
        var options = ExportOptions(template: "sms-invitation", audience: "residents", channel: .sms)
        options.activityId = activityId
        let result = try fixture.export(options)
        #expect(result.text.contains("kính mời Bà Mai dự Ngày hội sách lúc 07h30 ngày 21/04/2026 tại Nhà văn hóa thôn Một."))
        options.activityId = 999
        #expect(throws: DomainError.self) { try fixture.export(options) }
    }
}
