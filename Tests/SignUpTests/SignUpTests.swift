import Clubs
import Foundation
import GRDB
import SignUp
import Socialization
import Store
import Testing
import Vietnamese

struct SignUpEndToEndTests {
    @Test("Public form → queue → approval → resident with a self sign-up consent → club member → confirmation in the next export, once")
    func endToEnd() throws {
        let fixture = try SignUpFixture()
        let form = try fixture.open(.club)
        #expect(form.code.count == 8)
        #expect(try fixture.submit(form, name: "Lê Văn Tâm", phone: "+84 987 654 321", channels: ["sms"]) == .received(waitingPosition: nil))
        let queued = try fixture.database.writer.read { try SignUpReview.queue($0, formId: form.id!, for: fixture.leader) }
        #expect(queued.count == 1)
        #expect(queued[0].entry.status == .pending)
        #expect(queued[0].entry.phone == "+84987654321")
        #expect(queued[0].candidates.isEmpty)

        let person = try fixture.database.writer.write {
            try SignUpReview.approve($0, entryId: queued[0].entry.id!, personId: nil, by: fixture.leader, today: fixture.today, now: fixture.now)
        }
        #expect(person.fullName == "Lê Văn Tâm")
        #expect(person.villageId == fixture.villageA)
        let (consents, members) = try fixture.database.writer.read { db in
            (try ConsentStore.consents(db, personId: person.id!), try ClubStore.members(db, clubId: fixture.club, includeFormer: false))
        }
        #expect(consents.count == 1)
        #expect(consents[0].channel == .sms)
        #expect(consents[0].method == .selfSignUp)
        #expect(consents[0].wording == PublicSignUp.consentText(form, channel: .sms, commune: "Thử"))
        #expect(consents[0].wording?.contains("Tôi đồng ý nhận tin nhắn SMS của Ủy ban nhân dân xã Thử") == true)
        #expect(consents[0].givenOn == fixture.today)
        #expect(members.map(\.member.personId) == [person.id!])

        let first = try fixture.confirmations(form)
        #expect(first.summary.messages == 1)
        #expect(first.text.contains("đăng ký của Anh/Chị Tâm (Đăng ký vào CLB Đọc sách) đã được xác nhận."))
        #expect(first.text.contains("Lịch sinh hoạt: 19h30 thứ Bảy"))
        let again = try fixture.confirmations(form)
        #expect(again.summary.messages == 0, "a confirmed person is not confirmed twice")
    }

    @Test("A sign-up for an activity is confirmed with its time and place; one who ticked only Zalo gets no SMS")
    func activityConfirmationByConsentedChannel() throws {
        let fixture = try SignUpFixture()
        let form = try fixture.open(.activity)
        _ = try fixture.submit(form, name: "Lê Văn Tâm", phone: "0987654321", channels: ["sms"])
        _ = try fixture.submit(form, name: "Phạm Thị Lan", phone: "0977111222", channels: ["zalo"])
        _ = try fixture.submit(form, name: "Võ Minh Quân", phone: "0966333444", channels: [])
        try fixture.database.writer.write { db in
            for entry in try SignUpEntry.filter(Column("formId") == form.id!).fetchAll(db) {
                try SignUpReview.approve(db, entryId: entry.id!, personId: nil, by: fixture.leader, today: fixture.today, now: fixture.now)
            }
        }
        let sms = try fixture.confirmations(form)
        #expect(sms.summary.messages == 1)
        #expect(sms.text.contains("Mời đến lúc 07h30 ngày 21/04/2026 tại Nhà văn hóa thôn Một."))
        #expect(!sms.text.contains("Lan") && !sms.text.contains("Quân"))
        let lan = try fixture.database.writer.read { db in try Person.filter(Column("fullName") == "Phạm Thị Lan").fetchOne(db)! }
        let lanConsents = try fixture.database.writer.read { try ConsentStore.consents($0, personId: lan.id!) }
        #expect(lanConsents.map(\.channel) == [.zalo])
    }

    @Test("A sign-up matched to the resident already registered (no tones, phone in another form) adds no one")
    func matchExisting() throws {
        let fixture = try SignUpFixture()
        let form = try fixture.open(.club, by: .system)
        _ = try fixture.submit(form, name: "nguyen thi hoa", year: "1985", village: fixture.villageB, phone: "091 234 5678")
        let officer = Principal(accountId: 1, login: "canbo", displayName: "Cán bộ", role: .officer)
        let item = try fixture.database.writer.read { try SignUpReview.queue($0, formId: form.id!, for: officer)[0] }
        #expect(item.candidates.first?.id == fixture.resident)
        // The club leader may not see village B's residents: the likely match is counted, not shown.
        let leaderView = try fixture.database.writer.read { try SignUpReview.queue($0, formId: form.id!, for: fixture.leader)[0] }
        #expect(leaderView.candidates.isEmpty)
        #expect(leaderView.hiddenCandidates == 1)
        let before = try fixture.database.writer.read { try Person.fetchCount($0) }
        try fixture.database.writer.write {
            _ = try SignUpReview.approve($0, entryId: item.entry.id!, personId: fixture.resident, by: officer, today: fixture.today, now: fixture.now)
        }
        #expect(try fixture.database.writer.read { try Person.fetchCount($0) } == before)
        #expect(try fixture.entries(form)[0].personId == fixture.resident)
    }

    @Test("A call for volunteers: approval makes the person a volunteer of the unit with the call's role on the activity")
    func volunteerCall() throws {
        let fixture = try SignUpFixture()
        let form = try fixture.open(.volunteer, role: "Hướng dẫn đọc sách")
        _ = try fixture.submit(form)
        let entryId = try fixture.entries(form)[0].id!
        let person = try fixture.database.writer.write {
            try SignUpReview.approve($0, entryId: entryId, personId: nil, by: fixture.leader, today: fixture.today, now: fixture.now)
        }
        let roles = try fixture.database.writer.read { db -> [VolunteerStore.RoleItem] in
            let id = try VolunteerStore.id(ofPerson: person.id!, db)!
            return try VolunteerStore.roles(db, volunteerId: id)
        }
        #expect(roles.map(\.role.role) == ["Hướng dẫn đọc sách"])
        #expect(roles.map(\.role.activityId) == [fixture.activity])
        #expect(throws: DomainError.self) { try fixture.open(.volunteer, role: "") }
    }

    @Test("A child under 16 who ticks a channel needs a guardian; the consent keeps the guardian's name")
    func childNeedsGuardian() throws {
        let fixture = try SignUpFixture()
        let form = try fixture.open(.club)
        do {
            _ = try fixture.submit(form, name: "Lê Bảo Ngọc", year: "2014")
            Issue.record("a child's consent without a guardian was accepted")
        } catch let error as DomainError {
            #expect(error.fieldErrors["guardianName"] != nil)
        }
        _ = try fixture.submit(form, name: "Lê Bảo Ngọc", year: "2014", guardian: "Lê Văn Tâm")
        let entryId = try fixture.entries(form)[0].id!
        let person = try fixture.database.writer.write {
            try SignUpReview.approve($0, entryId: entryId, personId: nil, by: fixture.leader, today: fixture.today, now: fixture.now)
        }
        let consent = try fixture.database.writer.read { try ConsentStore.consents($0, personId: person.id!)[0] }
        #expect(consent.guardianName == "Lê Văn Tâm")
    }

    @Test("Every field the page asks is checked at once, in the field's words")
    func fieldErrors() throws {
        let fixture = try SignUpFixture()
        let form = try fixture.open(.club)
        do {
            _ = try fixture.submit(form, name: "  ", year: "19x0", village: 99_999, phone: "0530000000")
            Issue.record("an empty sign-up was accepted")
        } catch let error as DomainError {
            #expect(Set(error.fieldErrors.keys) == ["fullName", "birthYear", "villageId", "phone"])
            #expect(error.fieldErrors["phone"]?.contains("053") == true)
        }
        #expect(try fixture.entries(form).isEmpty)
    }
}

struct SignUpAbuseTests {
    @Test("The honeypot: answered like a success, nothing kept")
    func honeypot() throws {
        let fixture = try SignUpFixture()
        let form = try fixture.open(.club)
        #expect(try fixture.submit(form, honeypot: "http://spam.example") == .ignored)
        #expect(try fixture.entries(form).isEmpty)
    }

    @Test("More sign-ups from one address in an hour than the setting allows are refused; another address is not")
    func perSource() throws {
        let fixture = try SignUpFixture()
        let form = try fixture.open(.activity)
        let limits = PublicSignUp.Limits(perSourcePerHour: 2, perPhonePerDay: 10)
        _ = try fixture.submit(form, phone: "0987000001", limits: limits)
        _ = try fixture.submit(form, phone: "0987000002", limits: limits)
        do { _ = try fixture.submit(form, phone: "0987000003", limits: limits); Issue.record("third from one source accepted") }
        catch let error as DomainError { #expect(error.kind == .tooManyRequests) }
        _ = try fixture.submit(form, phone: "0987000003", address: "10.0.0.2", limits: limits)
        // An hour later the first address may sign up again.
        _ = try fixture.submit(form, phone: "0987000004", limits: limits, at: fixture.now.addingTimeInterval(3601))
        #expect(try fixture.entries(form).count == 4)
        #expect(try fixture.entries(form).allSatisfy { !$0.source.contains("10.0.0") }, "the address itself is never kept")
    }

    @Test("One phone signs up at most the setting's number of times a day; the next day counts again")
    func perPhone() throws {
        let fixture = try SignUpFixture()
        let form = try fixture.open(.activity)
        let limits = PublicSignUp.Limits(perSourcePerHour: 100, perPhonePerDay: 2)
        _ = try fixture.submit(form, phone: "0987654321", address: "a", limits: limits)
        _ = try fixture.submit(form, phone: "+84987654321", address: "b", limits: limits)
        do { _ = try fixture.submit(form, phone: "0987 654 321", address: "c", limits: limits); Issue.record("third with one phone accepted") }
        catch let error as DomainError { #expect(error.kind == .tooManyRequests); #expect(error.message.contains("2 lần hôm nay")) }
        _ = try fixture.submit(form, phone: "0987654321", address: "d", limits: limits, at: fixture.now.addingTimeInterval(86_400))
        #expect(try fixture.entries(form).count == 3)
    }

    @Test("Beyond the capacity sign-ups wait in line; a declined place goes to the first waiting")
    func capacityAndWaitingList() throws {
        let fixture = try SignUpFixture()
        let form = try fixture.open(.activity, capacity: 1)
        #expect(try fixture.submit(form, name: "Lê Văn Tâm", phone: "0987000001") == .received(waitingPosition: nil))
        #expect(try fixture.submit(form, name: "Phạm Thị Lan", phone: "0987000002") == .received(waitingPosition: 1))
        #expect(try fixture.submit(form, name: "Võ Minh Quân", phone: "0987000003") == .received(waitingPosition: 2))
        let first = try fixture.entries(form)[0]
        try fixture.database.writer.write { try SignUpReview.reject($0, entryId: first.id!, reason: "Không đến được", by: fixture.leader, now: fixture.now) }
        #expect(try fixture.entries(form).map(\.status) == [.rejected, .pending, .waitlisted])
        #expect(throws: DomainError.self) {
            try fixture.database.writer.write { try SignUpReview.reject($0, entryId: first.id!, reason: " ", by: fixture.leader) }
        }
    }

    @Test("A closed page, or one past its closing day, takes no sign-ups")
    func closed() throws {
        let fixture = try SignUpFixture()
        let form = try fixture.open(.activity)
        try fixture.database.writer.write { try SignUpForms.close($0, id: form.id!, by: fixture.leader) }
        let closed = try fixture.database.writer.read { try SignUpForms.get($0, id: form.id!, for: fixture.leader) }
        do { _ = try fixture.submit(closed); Issue.record("a closed page took a sign-up") }
        catch let error as DomainError { #expect(error.kind == .conflict) }
        var past = try fixture.open(.activity)
        past.closesOn = CivilDate(year: 2026, month: 4, day: 9)
        #expect(!past.isOpen(on: fixture.today))
    }
}

struct SignUpScopeTests {
    @Test("Another unit's editor can neither open a page for the club, nor read or review its queue")
    func scope() throws {
        let fixture = try SignUpFixture()
        #expect(throws: DomainError.forbidden) { try fixture.open(.club, by: fixture.editorB) }
        let form = try fixture.open(.club)
        _ = try fixture.submit(form)
        #expect(throws: DomainError.outsideScope) { try fixture.database.writer.read { try SignUpReview.queue($0, formId: form.id!, for: fixture.editorB) } }
        let entry = try fixture.entries(form)[0]
        #expect(throws: DomainError.outsideScope) {
            try fixture.database.writer.write { try SignUpReview.approve($0, entryId: entry.id!, personId: nil, by: fixture.editorB, today: fixture.today) }
        }
        #expect(throws: DomainError.outsideScope) {
            try fixture.database.writer.write { try SignUpReview.reject($0, entryId: entry.id!, reason: "x", by: fixture.editorB) }
        }
        let viewer = Principal(accountId: 9, login: "xem", displayName: "Xem", role: .viewer)
        #expect(throws: DomainError.forbidden) {
            try fixture.database.writer.write { try SignUpReview.approve($0, entryId: entry.id!, personId: nil, by: viewer, today: fixture.today) }
        }
        #expect(try fixture.database.writer.read { try SignUpForms.list($0, for: fixture.editorB) }.isEmpty)
    }

    @Test("A village added by the reviewer must be one they may write; an approved sign-up is not declined afterwards")
    func reviewerVillage() throws {
        let fixture = try SignUpFixture()
        var form = try fixture.open(.activity, channels: [])
        form.askVillage = false
        try fixture.database.writer.write { db in try form.update(db) }
        _ = try fixture.submit(form)
        let entry = try fixture.entries(form)[0]
        #expect(entry.villageId == nil)
        #expect(throws: DomainError.forbidden) {
            try fixture.database.writer.write {
                _ = try SignUpReview.approve($0, entryId: entry.id!, personId: nil, villageId: fixture.villageB, by: fixture.leader,
                                             today: fixture.today)
            }
        }
        let person = try fixture.database.writer.write {
            try SignUpReview.approve($0, entryId: entry.id!, personId: nil, villageId: fixture.villageA, by: fixture.leader, today: fixture.today)
        }
        #expect(person.villageId == fixture.villageA)
        do {
            try fixture.database.writer.write { try SignUpReview.reject($0, entryId: entry.id!, reason: "nhầm", by: fixture.leader) }
            Issue.record("an approved sign-up was declined")
        } catch let error as DomainError { #expect(error.kind == .conflict) }
    }

    @Test("An approved sign-up cannot be approved twice")
    func twice() throws {
        let fixture = try SignUpFixture()
        let form = try fixture.open(.club)
        _ = try fixture.submit(form)
        let entry = try fixture.entries(form)[0]
        try fixture.database.writer.write { _ = try SignUpReview.approve($0, entryId: entry.id!, personId: nil, by: fixture.leader, today: fixture.today) }
        do {
            try fixture.database.writer.write { _ = try SignUpReview.approve($0, entryId: entry.id!, personId: nil, by: fixture.leader, today: fixture.today) }
            Issue.record("approved twice")
        } catch let error as DomainError { #expect(error.kind == .conflict) }
    }
}
