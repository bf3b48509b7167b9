import Foundation
import GRDB
import Messaging
import Organisations
import Store
import Testing
import Vietnamese

/// Two villages, the Women's Union and the Youth Union of the commune, residents with and without SMS consent; the
/// Women's Union's editor (who may read the villages' residents), the Youth Union's.
struct MembershipFixture {
    let database: AppDatabase
    let villageA: Int64, villageB: Int64, women: Int64, youth: Int64
    let womenEditor: Principal, youthEditor: Principal
    let today = CivilDate(year: 2026, month: 5, day: 4)!

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    init() throws {
        database = try AppDatabase.inMemory(modules: [StoreSchema.self, OrganisationsSchema.self, MessagingSchema.self])
        let ids = try database.writer.write { db -> [Int64] in
            let commune = try UnitStore.create(db, UnitInput(name: "UBND xã Thử", kind: "commune_committee"), by: .system).id!
            let a = try UnitStore.create(db, UnitInput(name: "Thôn Một", kind: "village", parentId: commune), by: .system).id!
            let b = try UnitStore.create(db, UnitInput(name: "Thôn Hai", kind: "village", parentId: commune), by: .system).id!
            let women = try UnitStore.create(db, UnitInput(name: "Hội Liên hiệp Phụ nữ xã", kind: "womens_union", parentId: commune), by: .system).id!
            let youth = try UnitStore.create(db, UnitInput(name: "Đoàn Thanh niên xã", kind: "youth_union", parentId: commune), by: .system).id!
            // Several exports in a row here: the weekly cap would otherwise leave people out.
            try Settings.set(db, Settings.weeklyMessageCap.name, to: "0", by: .system)
            return [a, b, women, youth]
        }
        villageA = ids[0]; villageB = ids[1]; women = ids[2]; youth = ids[3]
        womenEditor = Principal(accountId: 7, login: "phunu", displayName: "Hội Phụ nữ", role: .editor, unitIds: [women, villageA, villageB])
        youthEditor = Principal(accountId: 8, login: "doan", displayName: "Đoàn Thanh niên", role: .editor, unitIds: [youth, villageA, villageB])
    }

    func person(_ name: String, village: Int64, phone: String, consent: Bool = true) throws -> Int64 {
        try database.writer.write { db in
            let id = try PersonStore.create(db, PersonInput(fullName: name, gender: "female", birthYear: "1985", villageId: village, phone: phone), by: .system).id!
            if consent {
                _ = try ConsentStore.give(db, Consent(personId: id, channel: .sms, givenOn: today, method: .paperForm), by: .system)
            }
            return id
        }
    }

    func add(_ personId: Int64, to org: Int64, role: OrgRole = .member, branch: Int64? = nil, by principal: Principal? = nil) throws -> OrgMember {
        try database.writer.write { db in
            try MembershipStore.add(db, orgId: org, .init(personId: personId, branchId: branch, role: role, joinedOn: today), by: principal ?? womenEditor)
        }
    }

    func sms(_ audience: String, by principal: Principal = .system) throws -> (text: String, summary: ExportSummary) {
        let exporter = MessageExporter(database: database, templates: try MessageTemplates(directory: Self.repositoryRoot + "/Templates/messages"))
        var options = ExportOptions(template: "sms-invitation", audience: audience, channel: .sms)
        options.values = ["activity.title": "Tuần đọc sách cho mẹ và bé", "activity.time": "8h00", "activity.date": "10/05/2026", "activity.place": "Nhà văn hóa"]
        let output = StringOutput()
        let summary = try exporter.export(options, by: principal, actor: principal.login, to: output)
        return (output.text, summary)
    }
}

struct MembershipTests {
    @Test("An organisation's editor adds and ends memberships of their own organisation only; history is kept")
    func ownOrganisationOnly() throws {
        let fixture = try MembershipFixture()
        let lan = try fixture.person("Phạm Thị Lan", village: fixture.villageA, phone: "0905111222")
        let member = try fixture.add(lan, to: fixture.women, role: .head)
        #expect(member.branchId == fixture.villageA, "the branch defaults to the member's village")
        #expect(throws: DomainError.forbidden) { try fixture.add(lan, to: fixture.youth) }
        #expect(throws: DomainError.self) { try fixture.add(lan, to: fixture.women) }
        #expect(throws: DomainError.forbidden) {
            try fixture.database.writer.write { try MembershipStore.end($0, memberId: member.id!, on: fixture.today, by: fixture.youthEditor) }
        }
        try fixture.database.writer.write { try MembershipStore.end($0, memberId: member.id!, on: fixture.today, by: fixture.womenEditor) }
        let lines = try fixture.database.writer.read { try MembershipStore.members($0, orgId: fixture.women, includeFormer: true, for: fixture.womenEditor) }
        #expect(lines.map(\.member.leftOn) == [fixture.today])
        #expect(try fixture.database.writer.read { try MembershipStore.members($0, orgId: fixture.women, for: fixture.womenEditor) }.isEmpty)
        // Rejoining after leaving is a new membership; the old one stays.
        _ = try fixture.add(lan, to: fixture.women)
        #expect(try fixture.database.writer.read { try MembershipStore.members($0, orgId: fixture.women, includeFormer: true, for: fixture.womenEditor) }.count == 2)
        // Not an organisation: a village has no members.
        #expect(throws: DomainError.self) { try fixture.add(lan, to: fixture.villageA) }
    }

    @Test("A resident outside the account's villages cannot be added (their record would show in the list)")
    func scope() throws {
        let fixture = try MembershipFixture()
        let narrow = Principal(accountId: 9, login: "phunu1", displayName: "Chi hội thôn Một", role: .editor, unitIds: [fixture.women, fixture.villageA])
        let hoa = try fixture.person("Trần Thị Hoa", village: fixture.villageB, phone: "0905333444")
        #expect(throws: DomainError.outsideScope) { try fixture.add(hoa, to: fixture.women, by: narrow) }
    }

    @Test("members:kind= and members:unit= reach current members with consent and no one else; village and role narrow it")
    func audience() throws {
        let fixture = try MembershipFixture()
        let lan = try fixture.person("Phạm Thị Lan", village: fixture.villageA, phone: "0905111222")
        let hoa = try fixture.person("Trần Thị Hoa", village: fixture.villageB, phone: "0905333444")
        let mai = try fixture.person("Lê Thị Mai", village: fixture.villageA, phone: "0905555666", consent: false)
        let cuc = try fixture.person("Võ Thị Cúc", village: fixture.villageA, phone: "0905777888")
        _ = try fixture.person("Đinh Thị Đào", village: fixture.villageA, phone: "0905999000")  // not a member
        _ = try fixture.add(lan, to: fixture.women, role: .head)
        _ = try fixture.add(hoa, to: fixture.women)
        _ = try fixture.add(mai, to: fixture.women)
        let former = try fixture.add(cuc, to: fixture.women)
        try fixture.database.writer.write { try MembershipStore.end($0, memberId: former.id!, on: fixture.today, by: fixture.womenEditor) }

        let all = try fixture.sms("members:kind=womens_union")
        #expect(all.summary.messages == 2)
        #expect(all.text.contains("+84905111222") && all.text.contains("+84905333444"))
        #expect(!all.text.contains("+84905555666"), "no consent, no message")
        #expect(!all.text.contains("+84905777888"), "a former member is not a member")
        #expect(!all.text.contains("+84905999000"))
        #expect(try fixture.sms("members:unit=\(fixture.women),village=Thôn Một").summary.messages == 1)
        #expect(try fixture.sms("members:unit=\(fixture.women),role=head").text.contains("+84905111222"))
        #expect(try fixture.sms("members:unit=\(fixture.women),role=head").summary.messages == 1)
        #expect(try fixture.sms("members:kind=youth_union").summary.messages == 0)
        #expect(throws: (any Error).self) { try fixture.sms("members") }
        #expect(throws: (any Error).self) { try fixture.sms("members:kind=village") }
        #expect(throws: (any Error).self) { try fixture.sms("members:unit=\(fixture.women),role=boss") }
    }
}

struct MembersImportTests {
    func run(_ fixture: MembershipFixture, _ csv: String, dryRun: Bool = false, by principal: Principal? = nil) throws -> ImportReport {
        try fixture.database.writer.writeWithoutTransaction { db in
            try MembersImporter.run(db, data: Data(csv.utf8), file: "phunu.csv", orgId: fixture.women, dryRun: dryRun,
                                    by: principal ?? fixture.womenEditor, today: fixture.today)
        }
    }

    static let header = "Họ và tên,Năm sinh,Thôn,Điện thoại,Vai trò,Số thẻ,Ngày vào\n"

    @Test("A list imports as members: a resident already registered is matched (no tones, phone written another way), a new one added")
    func matchesAndAdds() throws {
        let fixture = try MembershipFixture()
        let lan = try fixture.person("Phạm Thị Lan", village: fixture.villageA, phone: "0905111222")
        let before = try fixture.database.writer.read { try Person.fetchCount($0) }
        let report = try run(fixture, Self.header + "pham thi lan,1985,Thon Mot,+84 905 111 222,Chi hội trưởng,PN-01,01/03/2019\nNguyễn Thị Mới,1990,Thôn Hai,0977000111,,PN-02,\n")
        #expect(report.succeeded && report.inserted == 2 && report.created == ["Nguyễn Thị Mới"])
        #expect(try fixture.database.writer.read { try Person.fetchCount($0) } == before + 1)
        let lines = try fixture.database.writer.read { try MembershipStore.members($0, orgId: fixture.women, for: fixture.womenEditor) }
        let first = try #require(lines.first { $0.member.personId == lan })
        #expect(first.member.role == .head && first.member.number == "PN-01" && first.member.joinedOn == CivilDate(year: 2019, month: 3, day: 1))
        #expect(lines.contains { $0.fullName == "Nguyễn Thị Mới" && $0.member.joinedOn == fixture.today && $0.member.branchId == fixture.villageB })
        // The same list again changes nothing.
        let again = try run(fixture, Self.header + "pham thi lan,1985,Thon Mot,+84 905 111 222,Chi hội trưởng,PN-01,01/03/2019\nNguyễn Thị Mới,1990,Thôn Hai,0977000111,,PN-02,\n")
        #expect(again.succeeded && again.inserted == 0 && again.skipped == 2 && again.created.isEmpty)
    }

    @Test("One bad row and nothing is written; every problem has its line and field; a dry run writes nothing")
    func allOrNothing() throws {
        let fixture = try MembershipFixture()
        let report = try run(fixture, Self.header + "Lê Thị Mai,1980,Thôn Một,0905222333,,,\n,1980,Thôn Ba,0530000000,sếp,,31/02/2020\n")
        #expect(!report.succeeded)
        let described = report.problems.map(\.description)
        #expect(described.contains { $0.hasPrefix("phunu.csv:3: [Họ và tên]") })
        #expect(described.contains { $0.hasPrefix("phunu.csv:3: [Thôn]") && $0.contains("Thôn Ba") })
        #expect(described.contains { $0.hasPrefix("phunu.csv:3: [Điện thoại]") && $0.contains("053") })
        #expect(described.contains { $0.hasPrefix("phunu.csv:3: [Vai trò]") })
        #expect(described.contains { $0.hasPrefix("phunu.csv:3: [Ngày vào]") })
        #expect(try fixture.database.writer.read { try OrgMember.fetchCount($0) } == 0)
        #expect(try fixture.database.writer.read { try Person.filter(Column("fullName") == "Lê Thị Mai").fetchCount($0) } == 0)
        let dry = try run(fixture, Self.header + "Lê Thị Mai,1980,Thôn Một,0905222333,,,\n", dryRun: true)
        #expect(dry.succeeded && dry.inserted == 1)
        #expect(try fixture.database.writer.read { try OrgMember.fetchCount($0) } == 0)
    }

    @Test("Another organisation's editor cannot import into this one; a resident the account cannot write is reported, not created")
    func refusals() throws {
        let fixture = try MembershipFixture()
        #expect(throws: DomainError.forbidden) { try run(fixture, Self.header + "Lê Thị Mai,1980,Thôn Một,,,,\n", by: fixture.youthEditor) }
        let narrow = Principal(accountId: 9, login: "phunu1", displayName: "Chi hội thôn Một", role: .editor, unitIds: [fixture.women, fixture.villageA])
        let report = try run(fixture, Self.header + "Lê Thị Mai,1980,Thôn Hai,,,,\n", by: narrow)
        #expect(!report.succeeded && report.problems.first?.description.contains("nhờ cán bộ thôn") == true)
    }
}
