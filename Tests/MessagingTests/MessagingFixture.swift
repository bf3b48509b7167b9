import Campaigns
import Clubs
import Foundation
import GRDB
@testable import Messaging
import Honours
import Socialization
import Store
import Vietnamese

/// Two villages, people with and without consent, and the shipped templates from the repository.
struct MessagingFixture {
    let database: AppDatabase
    let villageA: Int64
    let villageB: Int64
    let exporter: MessageExporter

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    static var shippedTemplates: String { repositoryRoot + "/Templates/messages" }

    init(templates: String = MessagingFixture.shippedTemplates) throws {
        database = try AppDatabase.inMemory(modules: [StoreSchema.self, ClubsSchema.self, CampaignsSchema.self, SocializationSchema.self, HonoursSchema.self, MessagingSchema.self])
        let ids = try database.writer.write { db -> (Int64, Int64) in
            let commune = try UnitStore.create(db, UnitInput(name: "UBND xã Thử", kind: "commune_committee"), by: .system).id!
            let a = try UnitStore.create(db, UnitInput(name: "Thôn Một", kind: "village", parentId: commune), by: .system).id!
            let b = try UnitStore.create(db, UnitInput(name: "Thôn Hai", kind: "village", parentId: commune), by: .system).id!
            return (a, b)
        }
        villageA = ids.0
        villageB = ids.1
        exporter = MessageExporter(database: database, templates: try MessageTemplates(directory: templates))
    }

    @discardableResult
    func person(_ name: String, village: Int64, phone: String? = nil, gender: String = "female", birthYear: Int = 1970,
                consents: [ConsentChannel] = [.sms], withdrawn: Bool = false) throws -> Int64 {
        try database.writer.write { db in
            let id = try PersonStore.create(db, PersonInput(fullName: name, gender: gender, birthYear: String(birthYear), villageId: village, phone: phone),
                                            by: .system).id!
            for channel in consents {
                let consent = try ConsentStore.give(db, Consent(personId: id, channel: channel, givenOn: CivilDate(year: 2026, month: 1, day: 5)!,
                                                                method: .paperForm), by: .system)
                if withdrawn { try ConsentStore.withdraw(db, consentId: consent.id!, on: CivilDate(year: 2026, month: 3, day: 1)!, by: .system) }
            }
            return id
        }
    }

    static let invitation: [String: String] = [
        "activity.title": "Ngày hội đọc sách", "activity.time": "8h00", "activity.date": "21/04/2026", "activity.place": "Nhà văn hóa",
    ]

    func export(_ options: ExportOptions, by principal: Principal = .system) throws -> (text: String, rejects: String, summary: ExportSummary) {
        let output = StringOutput(), rejects = StringOutput()
        let summary = try exporter.export(options, by: principal, actor: principal.login, to: output, rejects: rejects)
        return (output.text, rejects.text, summary)
    }

    static func sms(_ audience: String = "residents", ascii: Bool = false, template: String = "sms-invitation") -> ExportOptions {
        var options = ExportOptions(template: template, audience: audience, channel: .sms)
        options.ascii = ascii
        options.values = invitation
        return options
    }
}
