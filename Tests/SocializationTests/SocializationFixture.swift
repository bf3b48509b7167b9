import Campaigns
import Clubs
import Foundation
import GRDB
import Socialization
import Store
import Vietnamese

/// A commune with two villages, a library in village A, the Study Promotion Association, a business and two residents;
/// an editor of village A (who reaches the library below it), a second editor of the same village, and a viewer.
struct SocializationFixture {
    static var modules: [any SchemaModule.Type] { [StoreSchema.self, CampaignsSchema.self, ClubsSchema.self, SocializationSchema.self] }
    let database: AppDatabase
    let commune: Int64
    let villageA: Int64
    let villageB: Int64
    let libraryA: Int64
    let association: Int64
    let residentA: Int64
    let residentB: Int64
    let editorA: Principal
    let secondEditorA: Principal
    let editorB: Principal
    let viewer = Principal(accountId: 9, login: "xem", displayName: "Xem", role: .viewer)

    init(database: AppDatabase? = nil) throws {
        let database = try database ?? AppDatabase.inMemory(modules: Self.modules)
        self.database = database
        let ids = try database.writer.write { db -> [Int64] in
            let commune = try UnitStore.create(db, UnitInput(name: "UBND xã Thử", kind: "commune_committee"), by: .system).id!
            let a = try UnitStore.create(db, UnitInput(name: "Thôn A", kind: "village", parentId: commune), by: .system).id!
            let b = try UnitStore.create(db, UnitInput(name: "Thôn B", kind: "village", parentId: commune), by: .system).id!
            let library = try UnitStore.create(db, UnitInput(name: "Thư viện thôn A", kind: "commune_library", parentId: a), by: .system).id!
            let association = try UnitStore.create(db, UnitInput(name: "Hội Khuyến học xã", kind: "study_promotion", parentId: commune), by: .system).id!
            let residentA = try PersonStore.create(db, PersonInput(fullName: "Nguyễn Văn An", birthYear: "1970", villageId: a, phone: "0912345678"), by: .system).id!
            let residentB = try PersonStore.create(db, PersonInput(fullName: "Trần Thị Bình", birthYear: "1980", villageId: b, phone: "0987654321"), by: .system).id!
            return [commune, a, b, library, association, residentA, residentB]
        }
        commune = ids[0]; villageA = ids[1]; villageB = ids[2]; libraryA = ids[3]; association = ids[4]; residentA = ids[5]; residentB = ids[6]
        editorA = Principal(accountId: 3, login: "thona", displayName: "Thôn A", role: .editor, unitIds: [villageA, libraryA])
        secondEditorA = Principal(accountId: 4, login: "thona2", displayName: "Thôn A (2)", role: .editor, unitIds: [villageA, libraryA])
        editorB = Principal(accountId: 5, login: "thonb", displayName: "Thôn B", role: .editor, unitIds: [villageB])
    }

    func sponsor(_ kind: SponsorKind = .business, name: String? = nil, personId: Int64? = nil) throws -> Int64 {
        try database.writer.write { db in
            try SponsorStore.create(db, SponsorStore.Input(kind: kind.rawValue, personId: personId, name: name), by: .system).id!
        }
    }

    func cash(_ amount: Int64, sponsor: Int64?, date: String = "05/03/2026", to unit: Int64? = nil, purpose: String = "Tủ sách thiếu nhi",
              anonymous: Bool = false, campaign: Int64? = nil, pledge: Int64? = nil, by principal: Principal = .system) throws -> Donation {
        try database.writer.write { db in
            try DonationStore.create(db, DonationInput(sponsorId: sponsor, date: date, kind: "cash", amount: String(amount), channel: "cash",
                                                       purpose: purpose, campaignId: campaign, recipientUnitId: unit ?? association,
                                                       publishAnonymous: anonymous, pledgeId: pledge), by: principal)
        }
    }

    func books(_ count: Int, value: Int64, sponsor: Int64?, date: String = "10/03/2026", to unit: Int64? = nil) throws -> Donation {
        try database.writer.write { db in
            try DonationStore.create(db, DonationInput(sponsorId: sponsor, date: date, kind: "in_kind", items: [
                .init(description: "Dế Mèn phiêu lưu ký", quantity: String(count), estimatedValue: String(value), author: "Tô Hoài", isbn: "978-604-2-08847-3"),
            ], purpose: "Tủ sách thiếu nhi", recipientUnitId: unit ?? libraryA), by: .system)
        }
    }
}
