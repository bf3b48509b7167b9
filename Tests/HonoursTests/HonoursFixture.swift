import Campaigns
import Clubs
import Foundation
import GRDB
import Honours
import Store
import Vietnamese

/// Two villages, residents (one woman, one man) with phones and birth dates, a household; the shipped forms file;
/// an editor of village A and the commune officer.
struct HonoursFixture {
    static var modules: [any SchemaModule.Type] { [StoreSchema.self, CampaignsSchema.self, ClubsSchema.self, HonoursSchema.self] }
    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    let database: AppDatabase
    let forms: HonourForms
    let villageA: Int64
    let villageB: Int64
    let woman: Int64
    let man: Int64
    let household: Int64
    let editorA: Principal
    let editorB: Principal
    let officer = Principal(accountId: 2, login: "canbo", displayName: "Cán bộ", role: .officer)

    init() throws {
        database = try AppDatabase.inMemory(modules: Self.modules)
        forms = try HonourForms(path: Self.repositoryRoot + "/campaigns/honours.yaml")
        let ids = try database.writer.write { db -> [Int64] in
            let commune = try UnitStore.create(db, UnitInput(name: "UBND xã Thử", kind: "commune_committee"), by: .system).id!
            let a = try UnitStore.create(db, UnitInput(name: "Thôn A", kind: "village", parentId: commune), by: .system).id!
            let b = try UnitStore.create(db, UnitInput(name: "Thôn B", kind: "village", parentId: commune), by: .system).id!
            let woman = try PersonStore.create(db, PersonInput(fullName: "Y Hương", gender: "female", birthDate: "12/03/1985", villageId: a, phone: "0912345678"), by: .system).id!
            let man = try PersonStore.create(db, PersonInput(fullName: "A Thông", gender: "male", birthYear: "1979", villageId: b, phone: "0987654321"), by: .system).id!
            let household = try HouseholdStore.create(db, headId: woman, address: nil, by: .system).id!
            return [a, b, woman, man, household]
        }
        villageA = ids[0]; villageB = ids[1]; woman = ids[2]; man = ids[3]; household = ids[4]
        editorA = Principal(accountId: 3, login: "thona", displayName: "Thôn A", role: .editor, unitIds: [villageA])
        editorB = Principal(accountId: 4, login: "thonb", displayName: "Thôn B", role: .editor, unitIds: [villageB])
    }

    /// A nomination taken to "approved" by the commune.
    func approved(_ kind: RecipientKind = .individual, _ id: Int64, form: String = "giay-khen-xa", year: Int = 2025, unit: Int64? = nil) throws -> Int64 {
        try database.writer.write { db in
            let nomination = try NominationStore.create(db, .init(year: year, recipientKind: kind.rawValue, recipientId: id,
                                                                  achievement: "Tích cực tham gia phong trào đọc sách ở thôn.", formKey: form,
                                                                  proposingUnitId: unit ?? villageA), forms: forms, by: .system)
            try NominationStore.submit(db, id: nomination.id!, by: .system)
            let meeting = try NominationStore.recordMeeting(db, date: "10/12/2025", minutesRef: "BB 01", members: 5, notes: nil, by: .system)
            try NominationStore.review(db, id: nomination.id!, meetingId: meeting.id!, votesFor: 5, votesAgainst: 0, by: .system)
            try NominationStore.decide(db, id: nomination.id!, approve: true, forms: forms, by: .system, today: CivilDate(year: 2025, month: 12, day: 15)!)
            return nomination.id!
        }
    }

    func issued(_ nominations: [Int64], form: String = "giay-khen-xa", date: String = "20/12/2025") throws -> Decision {
        try database.writer.write { db in
            let draft = try DecisionStore.createDraft(db, .init(formKey: form, year: 2025, subject: "Về việc khen thưởng", nominationIds: nominations),
                                                      forms: forms, by: .system)
            return try DecisionStore.issue(db, id: draft.id!, date: date, by: .system)
        }
    }
}
