import Campaigns
import Clubs
import Foundation
import GRDB
import Honours
import Messaging
import SignUp
import Socialization
import Store
import Vietnamese

/// A commune with two villages, a cultural house in village A with a reading club, an activity of a campaign, a
/// resident of village B already registered; the club leader (editor of village A and its house), an editor of village B, and the templates.
struct SignUpFixture {
    let database: AppDatabase
    let villageA: Int64
    let villageB: Int64
    let house: Int64
    let club: Int64
    let activity: Int64
    let resident: Int64
    let leader: Principal
    let editorB: Principal
    let today = CivilDate(year: 2026, month: 4, day: 10)!
    let now: Date

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    init() throws {
        database = try AppDatabase.inMemory(modules: [StoreSchema.self, CampaignsSchema.self, ClubsSchema.self, SocializationSchema.self,
                                                      HonoursSchema.self, SignUpSchema.self, MessagingSchema.self])
        let ids = try database.writer.write { db -> [Int64] in
            let commune = try UnitStore.create(db, UnitInput(name: "UBND xã Thử", kind: "commune_committee"), by: .system).id!
            let a = try UnitStore.create(db, UnitInput(name: "Thôn Một", kind: "village", parentId: commune), by: .system).id!
            let b = try UnitStore.create(db, UnitInput(name: "Thôn Hai", kind: "village", parentId: commune), by: .system).id!
            let house = try UnitStore.create(db, UnitInput(name: "Nhà văn hóa thôn Một", kind: "cultural_house", parentId: a), by: .system).id!
            let club = try ClubStore.create(db, ClubInput(name: "CLB Đọc sách", unitId: house, kind: "club", field: "reading", ageGroups: ["adults"],
                                                          schedule: "19h30 thứ Bảy"), by: .system).id!
            let campaign = try CampaignStore.create(db, CampaignInput(title: "Ngày Sách 2026", startDate: "15/04/2026", endDate: "25/04/2026",
                                                                      leadUnitId: house), catalogue: nil, by: .system)
            let activity = try CampaignStore.saveActivity(db, campaignId: campaign.id!, ActivityInput(
                kind: "book_fair", title: "Ngày hội sách", startsAt: "21/04/2026 07:30", endsAt: "", place: "Nhà văn hóa thôn Một", unitId: house), by: .system).id!
            let resident = try PersonStore.create(db, PersonInput(fullName: "Nguyễn Thị Hoa", gender: "female", birthYear: "1985", villageId: b,
                                                                  phone: "0912345678"), by: .system).id!
            return [a, b, house, club, activity, resident]
        }
        villageA = ids[0]; villageB = ids[1]; house = ids[2]; club = ids[3]; activity = ids[4]; resident = ids[5]
        leader = Principal(accountId: 3, login: "nvh1", displayName: "Chủ nhiệm CLB", role: .editor, unitIds: [villageA, house])
        editorB = Principal(accountId: 5, login: "thon2", displayName: "Thôn Hai", role: .editor, unitIds: [villageB])
        now = Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: VietnamTime.zone, year: 2026, month: 4, day: 10, hour: 9))!
    }

    func open(_ kind: SignUpKind = .club, target: Int64? = nil, capacity: Int? = nil, channels: [ConsentChannel] = [.sms, .zalo],
              role: String? = nil, by principal: Principal? = nil) throws -> SignUpForm {
        try database.writer.write { db in
            try SignUpForms.open(db, .init(kind: kind, targetId: target ?? (kind == .club ? club : activity), channels: channels, role: role,
                                           capacity: capacity.map(String.init)), by: principal ?? leader, now: now)
        }
    }

    func submit(_ form: SignUpForm, name: String = "Lê Văn Tâm", year: String = "1990", village: Int64? = nil, phone: String = "0987654321",
                guardian: String = "", channels: [String] = ["sms"], honeypot: String = "", address: String = "10.0.0.1",
                limits: PublicSignUp.Limits = .init(), at time: Date? = nil) throws -> PublicSignUp.Outcome {
        try database.writer.write { db in
            try PublicSignUp.submit(db, form: form, .init(fullName: name, birthYear: year, villageId: String(village ?? villageA), phone: phone,
                                                          guardianName: guardian, channels: channels, honeypot: honeypot, address: address),
                                    commune: "Thử", limits: limits, today: today, now: time ?? now)
        }
    }

    func entries(_ form: SignUpForm) throws -> [SignUpEntry] {
        try database.writer.read { db in try SignUpEntry.filter(Column("formId") == form.id!).order(Column("id")).fetchAll(db) }
    }

    func confirmations(_ form: SignUpForm, channel: Messaging.Channel = .sms, template: String = "sms-signup-confirmation") throws -> (text: String, summary: ExportSummary) {
        let exporter = MessageExporter(database: database, templates: try MessageTemplates(directory: Self.repositoryRoot + "/Templates/messages"))
        let output = StringOutput()
        let summary = try exporter.export(ExportOptions(template: template, audience: "signups:form=\(form.id!)", channel: channel),
                                          by: leader, actor: leader.login, to: output)
        return (output.text, summary)
    }
}
