import BackOffice
import Clubs
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Socialization
import Store
import Testing
import Training
import Vietnamese

@Suite("Duplicates: on entry, the register's pairs, merge and undo")
struct DuplicatesPageTests {
    @Test("The form shows who a new person may be before saving; confirmed, it saves; the API answers 409 with the candidates")
    func onEntry() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            try await browser.get("/people/new")
            let asked = try await browser.post("/people", ["fullName": "Nguyen Van An", "villageId": String(commune.villageA), "phone": "(+84) 912-345-678"])
            #expect(asked.status == .conflict && asked.text.contains("Có thể người này đã có trong danh sách") && asked.text.contains("/people/\(commune.personA)")
                    && asked.text.contains("cùng số điện thoại"))
            #expect(try await commune.database.read { try Person.fetchCount($0) } == 2, "nothing saved")
            let saved = try await browser.post("/people", ["fullName": "Nguyen Van An", "villageId": String(commune.villageA), "phone": "0912345678", "confirmNew": "1"])
            #expect(saved.status == .found)
        }
        let token = try await commune.token("canbo")
        try await commune.run { browser in
            browser.bearer.withLockedValue { $0 = token }
            let refused = try await browser.send("/api/v1/people", method: .post,
                                                 body: #"{"fullName":"Tran Thi Binh","villageId":\#(commune.villageB)}"#,
                                                 contentType: "application/json")
            #expect(refused.status == .conflict && refused.text.contains(#""duplicates":[{"#) && refused.text.contains(#""id":\#(commune.personB)"#))
            let confirmed = try await browser.send("/api/v1/people", method: .post,
                                                   body: #"{"fullName":"Tran Thi Binh","villageId":\#(commune.villageB),"confirmNew":true}"#,
                                                   contentType: "application/json")
            #expect(confirmed.status == .created)
        }
    }

    @Test("A merge moves consents (the stricter wins), club membership, sponsor, training and the household head; undo puts everything back")
    func mergeAndUndo() async throws {
        let commune = try await TestCommune()
        let (kept, removed, clubId) = try await commune.database.write { db -> (Int64, Int64, Int64) in
            let removed = try PersonStore.create(db, PersonInput(fullName: "Nguyen Van An", birthYear: "1970", villageId: commune.villageA, phone: "0912345678"), by: .system).id!
            let kept = commune.personA
            // The kept record consents to SMS; the removed one had consented, then withdrew.
            _ = try ConsentStore.give(db, Consent(personId: kept, channel: .sms, givenOn: CivilDate(year: 2025, month: 1, day: 2)!, method: .paperForm), by: .system)
            let old = try ConsentStore.give(db, Consent(personId: removed, channel: .sms, givenOn: CivilDate(year: 2025, month: 3, day: 1)!, method: .paperForm), by: .system)
            try ConsentStore.withdraw(db, consentId: old.id!, on: CivilDate(year: 2025, month: 6, day: 1)!, by: .system)
            let house = try UnitStore.create(db, UnitInput(name: "Nhà văn hóa thôn A", kind: "cultural_house", parentId: commune.villageA), by: .system).id!
            let club = try ClubStore.create(db, ClubInput(name: "CLB Đọc sách", unitId: house, kind: "club", field: "reading", ageGroups: ["adults"],
                                                          foundedOn: "01/01/2025"), by: .system).id!
            _ = try ClubStore.addMember(db, clubId: club, personId: kept, role: .member, joinedOn: CivilDate(year: 2025, month: 2, day: 1)!, by: .system)
            _ = try ClubStore.addMember(db, clubId: club, personId: removed, role: .member, joinedOn: CivilDate(year: 2025, month: 2, day: 1)!, by: .system)
            _ = try SponsorStore.create(db, .init(kind: "individual", personId: removed), by: .system)
            let course = try TrainingStore.create(db, .init(title: "Kỹ năng số", organiser: "Xã", level: "commune", topic: "digital",
                                                            startDate: "12/05/2026", endDate: "", hours: "4"), by: .system)
            _ = try TrainingStore.saveParticipant(db, courseId: course.id!, .init(personId: removed, unitId: house), by: .system)
            _ = try HouseholdStore.create(db, headId: removed, address: nil, by: .system)
            return (kept, removed, club)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let list = try await browser.get("/people/duplicates?scan=1")
            #expect(list.text.contains("Nguyen Van An") && list.text.contains("Nguyễn Văn An") && list.text.contains(#"name="removeId" value="\#(removed)""#))
            #expect(try await browser.post("/people/merge", ["keepId": String(kept), "removeId": String(removed)]).status == .found)
        }
        let after = try await commune.database.read { db -> (Bool, Bool, Int, Int64?, Int64?, Int64?) in
            (try Person.fetchOne(db, key: removed) == nil, try ConsentStore.hasActiveConsent(db, personId: kept, channel: .sms),
             try ClubStore.members(db, clubId: clubId).count,
             try Int64.fetchOne(db, sql: "SELECT personId FROM sponsor"), try Int64.fetchOne(db, sql: "SELECT personId FROM trainingParticipant"),
             try Int64.fetchOne(db, sql: "SELECT headId FROM household"))
        }
        #expect(try await commune.database.read { try Person.fetchOne($0, key: kept)?.householdId } != nil, "the kept record lives in the household it now heads")
        #expect(after.0 && !after.1, "the removed record is gone; its withdrawal withdraws the kept one's consent")
        #expect(after.2 == 1 && after.3 == kept && after.4 == kept && after.5 == kept, "one membership (the same club), sponsor, training and household moved")
        let mergeId = try await commune.database.read { try Int64.fetchOne($0, sql: "SELECT id FROM personMerge")! }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            #expect(!(try await browser.get("/people/duplicates").text.contains("/undo")), "a village editor is not offered an undo")
            #expect(try await browser.post("/people/merges/\(mergeId)/undo", [:]).status == .forbidden, "nor allowed one")
        }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            #expect(try await browser.get("/people/duplicates").text.contains("/people/merges/\(mergeId)/undo"))
            #expect(try await browser.get("/audit?entity=personMerge").text.contains(#"action="/people/merges/\#(mergeId)/undo""#), "undone from the audit log too")
            #expect(try await browser.post("/people/merges/\(mergeId)/undo", [:]).status == .found)
            #expect(try await browser.post("/people/merges/\(mergeId)/undo", [:]).status == .conflict, "undone once")
            #expect(!(try await browser.get("/audit?entity=personMerge").text.contains("/people/merges/\(mergeId)/undo")), "and no longer offered")
        }
        let restored = try await commune.database.read { db -> (String?, Bool, Int, Int64?, Int64?, Int64?) in
            (try Person.fetchOne(db, key: removed)?.fullName, try ConsentStore.hasActiveConsent(db, personId: kept, channel: .sms),
             try ClubStore.members(db, clubId: clubId).count,
             try Int64.fetchOne(db, sql: "SELECT personId FROM sponsor"), try Int64.fetchOne(db, sql: "SELECT personId FROM trainingParticipant"),
             try Int64.fetchOne(db, sql: "SELECT headId FROM household"))
        }
        #expect(restored.0 == "Nguyen Van An" && restored.1, "the person is back, the kept record's consent given again")
        #expect(restored.2 == 2 && restored.3 == removed && restored.4 == removed && restored.5 == removed)
        let audit = try await commune.database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM auditEntry WHERE entity = 'personMerge'") }
        #expect(audit == 2, "the merge and its undo are in the audit log")
    }
}
