import Campaigns
import Clubs
import DataFiles
import Foundation
import GRDB
import Honours
import Store
import Testing
import Vietnamese

@Suite("Honours: nominations, decisions, the roll")
struct HonoursTests {
    @Test("The workflow goes draft → submitted → reviewed → approved; skipping or repeating a step is refused")
    func workflow() throws {
        let fixture = try HonoursFixture()
        let forms = fixture.forms
        try fixture.database.writer.write { db in
            let nomination = try NominationStore.create(db, .init(year: 2025, recipientKind: "individual", recipientId: fixture.woman,
                                                                  achievement: "Duy trì tủ sách gia đình, đọc sách cùng con.", formKey: "giay-khen-xa",
                                                                  proposingUnitId: fixture.villageA), forms: forms, by: fixture.editorA)
            let id = nomination.id!
            let meeting = try NominationStore.recordMeeting(db, date: "10/12/2025", minutesRef: "BB 02", members: 5, notes: nil, by: fixture.officer)
            #expect(throws: DomainError.self) { try NominationStore.review(db, id: id, meetingId: meeting.id!, votesFor: 5, votesAgainst: 0, by: fixture.officer) }
            #expect(throws: DomainError.self) { try NominationStore.decide(db, id: id, approve: true, forms: forms, by: fixture.officer) }
            try NominationStore.submit(db, id: id, by: fixture.editorA)
            #expect(throws: DomainError.self) { try NominationStore.submit(db, id: id, by: fixture.editorA) }
            #expect(throws: DomainError.forbidden) { try NominationStore.review(db, id: id, meetingId: meeting.id!, votesFor: 5, votesAgainst: 0, by: fixture.editorA) }
            let tooMany = #expect(throws: DomainError.self) { try NominationStore.review(db, id: id, meetingId: meeting.id!, votesFor: 5, votesAgainst: 1, by: fixture.officer) }
            #expect(tooMany?.fieldErrors["votes"] != nil)
            try NominationStore.review(db, id: id, meetingId: meeting.id!, votesFor: 4, votesAgainst: 1, by: fixture.officer)
            #expect(throws: DomainError.self) { try NominationStore.decide(db, id: id, approve: false, forms: forms, by: fixture.officer) }
            try NominationStore.decide(db, id: id, approve: true, forms: forms, by: fixture.officer)
            let approved = try Nomination.fetchOne(db, key: id)!
            #expect(approved.status == .approved && approved.award == 300_000 && approved.votesFor == 4)
            #expect(throws: DomainError.self) { try NominationStore.decide(db, id: id, approve: false, reason: "Đổi ý", forms: forms, by: fixture.officer) }
        }
    }

    @Test("A form refuses a recipient it is not for; a village editor cannot propose for another village")
    func inputRules() throws {
        let fixture = try HonoursFixture()
        try fixture.database.writer.write { db in
            let wrongKind = #expect(throws: DomainError.self) {
                try NominationStore.create(db, .init(year: 2025, recipientKind: "individual", recipientId: fixture.woman, achievement: "Gia đình hiếu học, chăm chỉ.",
                                                     formKey: "gia-dinh-hoc-tap", proposingUnitId: fixture.villageA), forms: fixture.forms, by: .system)
            }
            #expect(wrongKind?.fieldErrors["formKey"]?.contains("không dành cho cá nhân") == true)
            #expect(throws: DomainError.forbidden) {
                try NominationStore.create(db, .init(year: 2025, recipientKind: "individual", recipientId: fixture.man, achievement: "Tích cực tham gia học tập.",
                                                     formKey: "giay-khen-xa", proposingUnitId: fixture.villageB), forms: fixture.forms, by: fixture.editorA)
            }
        }
    }

    @Test("A person under discipline or investigation cannot be approved while the flag stands; after it ends they can")
    func disciplineBlock() throws {
        let fixture = try HonoursFixture()
        let forms = fixture.forms
        try fixture.database.writer.write { db in
            let nomination = try NominationStore.create(db, .init(year: 2025, recipientKind: "individual", recipientId: fixture.man,
                                                                  achievement: "Vận động bà con tham gia lớp kỹ năng số.", formKey: "giay-khen-xa",
                                                                  proposingUnitId: fixture.villageB), forms: forms, by: .system)
            try NominationStore.submit(db, id: nomination.id!, by: .system)
            let meeting = try NominationStore.recordMeeting(db, date: "10/12/2025", minutesRef: "BB 03", members: 3, notes: nil, by: .system)
            try NominationStore.review(db, id: nomination.id!, meetingId: meeting.id!, votesFor: 3, votesAgainst: 0, by: .system)
            #expect(throws: DomainError.forbidden) {
                try Discipline.flag(db, personId: fixture.man, kind: "discipline", since: "01/11/2025", until: nil, note: nil, by: fixture.editorB)
            }
            _ = try Discipline.flag(db, personId: fixture.man, kind: "discipline", since: "01/11/2025", until: "31/12/2025", note: "Khiển trách", by: .system)
            let refused = #expect(throws: DomainError.self) {
                try NominationStore.decide(db, id: nomination.id!, approve: true, forms: forms, by: .system, today: CivilDate(year: 2025, month: 12, day: 15)!)
            }
            #expect(refused?.message.contains("bị kỷ luật") == true)
            #expect(try Nomination.fetchOne(db, key: nomination.id!)!.status == .reviewed)
            try NominationStore.decide(db, id: nomination.id!, approve: true, forms: forms, by: .system, today: CivilDate(year: 2026, month: 1, day: 5)!)
        }
    }

    @Test("Commune decisions are numbered 01/QĐ-UBND, 02/QĐ-UBND… (two digits at least, NĐ 30/2020) by the year they are signed, without gaps; a higher award keeps its own number")
    func numbering() throws {
        let fixture = try HonoursFixture()
        let first = try fixture.issued([try fixture.approved(.individual, fixture.woman)])
        let second = try fixture.issued([try fixture.approved(.individual, fixture.man)], date: "22/12/2025")
        let nextYear = try fixture.issued([try fixture.approved(.household, fixture.household, form: "gia-dinh-hoc-tap")], form: "gia-dinh-hoc-tap", date: "05/01/2026")
        #expect([first.number, second.number, nextYear.number] == ["01/QĐ-UBND", "02/QĐ-UBND", "01/QĐ-UBND"])
        #expect(nextYear.year == 2025 && nextYear.numberYear == 2026)
        let provincial = try fixture.approved(.individual, fixture.woman, form: "bang-khen-tinh")
        let higher = try fixture.database.writer.write { db -> Decision in
            let id = provincial
            let draft = try DecisionStore.createDraft(db, .init(formKey: "bang-khen-tinh", year: 2025, subject: "Tặng Bằng khen", nominationIds: [id]),
                                                      forms: fixture.forms, by: .system)
            #expect(throws: DomainError.self) { try DecisionStore.issue(db, id: draft.id!, date: "28/12/2025", by: .system) }
            return try DecisionStore.issue(db, id: draft.id!, date: "28/12/2025", number: "2345/QĐ-UBND", by: .system)
        }
        #expect(higher.number == "2345/QĐ-UBND" && higher.seq == nil)
        #expect(try fixture.issued([try fixture.approved(.individual, fixture.man)], date: "30/12/2025").number == "03/QĐ-UBND")
    }

    @Test("An issued decision is never edited — not through the store, not by hand in SQL; an amending decision replaces it on the roll, a revoking one removes it")
    func immutability() throws {
        let fixture = try HonoursFixture()
        let decision = try fixture.issued([try fixture.approved(.individual, fixture.woman), try fixture.approved(.individual, fixture.man)])
        try fixture.database.writer.write { db in
            let recipient = try Nomination.filter(Column("decisionId") == decision.id!).fetchAll(db)[0]
            #expect(throws: DomainError.self) { try DecisionStore.removeRecipient(db, decisionId: decision.id!, nominationId: recipient.id!, by: .system) }
            #expect(throws: DomainError.self) { try DecisionStore.editRecipient(db, nominationId: recipient.id!, achievement: "Sửa thành tích sau khi ký", award: 1, by: .system) }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE decision SET subject = 'khác' WHERE id = ?", arguments: [decision.id!]) }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE nomination SET award = 9 WHERE id = ?", arguments: [recipient.id!]) }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM decision WHERE id = ?", arguments: [decision.id!]) }
        }
        #expect(try fixture.database.writer.read { try HonourRoll.entries($0, forms: fixture.forms) }.count == 2)
        // Amend: the woman's award is corrected, the man is left out.
        try fixture.database.writer.write { db in
            let amend = try DecisionStore.draftCorrection(db, of: decision.id!, kind: .amend, reason: "Ghi sai mức thưởng", by: .system)
            let copies = try Nomination.filter(Column("decisionId") == amend.id!).order(Column("id")).fetchAll(db)
            #expect(copies.count == 2)
            try DecisionStore.editRecipient(db, nominationId: copies[0].id!, achievement: "Tích cực tham gia phong trào đọc sách ở thôn A.", award: 500_000, by: .system)
            try DecisionStore.removeRecipient(db, decisionId: amend.id!, nominationId: copies[1].id!, by: .system)
            let issued = try DecisionStore.issue(db, id: amend.id!, date: "05/01/2026", by: .system)
            #expect(issued.number == "01/QĐ-UBND" && issued.kind == .amend)
            #expect(throws: DomainError.self) { try DecisionStore.draftCorrection(db, of: decision.id!, kind: .revoke, reason: "Lần nữa", by: .system) }
        }
        var roll = try fixture.database.writer.read { try HonourRoll.entries($0, forms: fixture.forms) }
        #expect(roll.map(\.name) == ["Y Hương"] && roll[0].award == 500_000)
        try fixture.database.writer.write { db in
            let amend = try DecisionStore.list(db).first { $0.kind == .amend }!
            let revoke = try DecisionStore.draftCorrection(db, of: amend.id!, kind: .revoke, reason: "Phát hiện thành tích không đúng", by: .system)
            _ = try DecisionStore.issue(db, id: revoke.id!, date: "10/01/2026", by: .system)
        }
        roll = try fixture.database.writer.read { try HonourRoll.entries($0, forms: fixture.forms) }
        #expect(roll.isEmpty)
    }

    @Test("The roll gives names, place, form and achievement; counts by form, gender and individual/collective")
    func rollAndCounts() throws {
        let fixture = try HonoursFixture()
        _ = try fixture.issued([try fixture.approved(.individual, fixture.woman), try fixture.approved(.individual, fixture.man)])
        _ = try fixture.issued([try fixture.approved(.household, fixture.household, form: "gia-dinh-hoc-tap")], form: "gia-dinh-hoc-tap", date: "21/12/2025")
        let roll = try fixture.database.writer.read { try HonourRoll.entries($0, .init(year: 2025), forms: fixture.forms) }
        #expect(roll.count == 3)
        #expect(roll.filter { $0.recipientKind == .individual }.map(\.name) == ["Y Hương", "A Thông"].sorted { NameSortKey.make($0) < NameSortKey.make($1) })
        #expect(Set(roll.map(\.place)) == ["Thôn A", "Thôn B"])
        let counts = HonourRoll.counts(roll)
        #expect(counts.total == 3 && counts.individuals == 2 && counts.collectives == 1 && counts.women == 1 && counts.men == 1)
        #expect(counts.byForm["Giấy khen của Chủ tịch UBND xã"] == 2 && counts.award == 600_000)
        let hers = try fixture.database.writer.read { try HonourRoll.entries($0, .init(personId: fixture.woman), forms: fixture.forms) }
        #expect(hers.count == 1 && hers[0].decisionNumber == "01/QĐ-UBND")
        #expect(try fixture.database.writer.read { try HonourRoll.entries($0, .init(year: 2024), forms: fixture.forms) }.isEmpty)
    }

    @Test("The forms file: shipped defaults load; a mistake names file, line and field")
    func formsFile() throws {
        let fixture = try HonoursFixture()
        #expect(fixture.forms.forms.count >= 10)
        #expect(fixture.forms.form("dong-ho-hoc-tap")?.recipients == [.clan])
        let broken = "forms:\n  - key: x\n    name: X\n    kind: medal\n    level: commune\n    awardedBy: A\n    recipients: [individual]\n"
        let error = #expect(throws: DataFileError.self) { try HonourForms(yaml: broken, file: "honours.yaml") }
        #expect(error?.description == "honours.yaml:4: [kind] \"medal\" không có; dùng commendation, praise hoặc title")
    }

    @Test("The demo has last year's nominations, one council meeting, two issued decisions, a rejection and a held-back nominee")
    func demo() throws {
        let database = try AppDatabase.inMemory(modules: HonoursFixture.modules)
        let forms = try HonourForms(path: HonoursFixture.repositoryRoot + "/campaigns/honours.yaml")
        let today = CivilDate(year: 2026, month: 11, day: 25)!
        let made = try database.writer.write { db -> Int in
            _ = try DemoCommune.seed(db, residents: 600)
            try DemoClubs.seed(db, today: today)
            return try DemoHonours.seed(db, forms: forms, today: today)
        }
        #expect(made > 8)
        let counts = try database.writer.read { db in
            [try Decision.filter(Column("status") == "issued").fetchCount(db), try CouncilMeeting.fetchCount(db),
             try Nomination.filter(Column("status") == "rejected").fetchCount(db), try Nomination.filter(Column("status") == "reviewed").fetchCount(db),
             try HonourRoll.entries(db, .init(year: 2025), forms: forms).count]
        }
        #expect(Array(counts.prefix(4)) == [2, 1, 1, 1])
        #expect(counts[4] > 8)
    }
}

@Suite("Decision wording")
struct DecisionWordingTests {
    static let forms = try! HonourForms(path: HonoursFixture.repositoryRoot + "/campaigns/honours.yaml")

    @Test("Article 1 opens with its verb and names recipients by what they are", arguments: [
        ("giay-khen-xa", [RecipientKind.unit, .individual, .individual, .club], 2025,
         "Tặng Giấy khen của Chủ tịch UBND xã cho 2 tập thể và 2 cá nhân đã có thành tích (danh sách kèm theo).", "Tập thể, cá nhân"),
        ("gia-dinh-hoc-tap", [RecipientKind.household, .household, .household], 2025,
         "Công nhận danh hiệu \"Gia đình học tập\" năm 2025 cho 3 hộ gia đình (danh sách kèm theo).", "Hộ gia đình"),
        ("bieu-duong", [RecipientKind.individual], 2026, "Biểu dương 1 cá nhân đã có thành tích (danh sách kèm theo).", "Cá nhân"),
        ("dong-ho-hoc-tap", [RecipientKind.clan, .clan], 2026, "Công nhận danh hiệu \"Dòng họ học tập\" năm 2026 cho 2 dòng họ (danh sách kèm theo).", "Dòng họ"),
        ("giay-khen-xa", [RecipientKind.household, .clan, .individual], 2026,
         "Tặng Giấy khen của Chủ tịch UBND xã cho 1 dòng họ, 1 hộ gia đình và 1 cá nhân đã có thành tích (danh sách kèm theo).", "Tập thể, cá nhân"),
    ])
    func articleOne(formKey: String, kinds: [RecipientKind], year: Int, text: String, heading: String) throws {
        let form = try #require(Self.forms.form(formKey))
        #expect(DecisionWording.articleOne(form: form, formName: form.name, year: year, kinds: kinds) == text)
        #expect(DecisionWording.recipientHeading(kinds) == heading)
    }

    @Test("Grounds come from the data file, citing each act by its date, and end with the proposal")
    func grounds() {
        #expect(Self.forms.grounds == [
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
            "Xét đề nghị của Hội đồng Thi đua - Khen thưởng xã",
        ])
        #expect(Self.forms.defaultGrounds.hasSuffix("Khen thưởng xã."))
    }
}
