import BackOffice
import Foundation
import GRDB
import Organisations
import Store
import Testing
import Vietnamese

@Suite("Members of a mass organisation")
struct OrganisationMembersPageTests {
    @Test("The organisation's editor adds and ends members on its page; another organisation's editor and a wrong address are refused")
    func membersPage() async throws {
        let commune = try await TestCommune()
        let (women, youth) = try await commune.database.write { db -> (Int64, Int64) in
            let commune0 = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE kind = 'commune_committee'")!
            let women = try UnitStore.create(db, UnitInput(name: "Hội Liên hiệp Phụ nữ xã", kind: "womens_union", parentId: commune0), by: .system).id!
            let youth = try UnitStore.create(db, UnitInput(name: "Đoàn Thanh niên xã", kind: "youth_union", parentId: commune0), by: .system).id!
            let hash = try AccountStore.find(db, login: "thona")!.passwordHash
            _ = try AccountStore.create(db, login: "phunu", displayName: "phunu", passwordHash: hash, role: .editor,
                                        unitIds: [women, commune.villageA, commune.villageB], by: .system)
            _ = try AccountStore.create(db, login: "doan", displayName: "doan", passwordHash: hash, role: .editor,
                                        unitIds: [youth, commune.villageA, commune.villageB], by: .system)
            return (women, youth)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("phunu", TestCommune.password)
            let unit = try await browser.get("/units/\(women)")
            #expect(unit.text.contains("/units/\(women)/members"))
            let search = try await browser.get("/units/\(women)/members?q=binh")
            #expect(search.status == .ok && search.text.contains("Trần Thị Bình"))
            let added = try await browser.post("/units/\(women)/members", ["personId": String(commune.personB), "role": "head", "number": "PN-0001",
                                                                           "joinedOn": "01/03/2020"])
            #expect(added.status == .found)
            let list = try await browser.get("/units/\(women)/members")
            #expect(list.text.contains("Trần Thị Bình") && list.text.contains("PN-0001") && list.text.contains("Chi hội trưởng"))
            #expect(try await browser.post("/units/\(women)/members", ["personId": String(commune.personB)]).status == .unprocessableContent,
                    "already a member")
            #expect(try await browser.post("/units/\(youth)/members", ["personId": String(commune.personA)]).status == .forbidden)
            #expect(try await browser.get("/units/\(commune.villageA)/members").status == .notFound, "a village has no members")
        }
        let memberId = try await commune.database.read { try Int64.fetchOne($0, sql: "SELECT id FROM orgMember")! }
        try await commune.run { browser in
            _ = try await browser.signIn("doan", TestCommune.password)
            _ = try await browser.get("/units/\(youth)/members")
            #expect(try await browser.post("/units/\(women)/members/\(memberId)/end", [:]).status == .forbidden)
            #expect(try await browser.post("/units/\(youth)/members/\(memberId)/end", [:]).status == .notFound, "a member of another organisation")
        }
        try await commune.run { browser in
            _ = try await browser.signIn("phunu", TestCommune.password)
            _ = try await browser.get("/units/\(women)/members")
            #expect(try await browser.post("/units/\(women)/members/\(memberId)/end", ["leftOn": "01/12/2026"]).status == .found)
            let former = try await browser.get("/units/\(women)/members?show=all")
            #expect(former.text.contains("01/12/2026") && former.text.contains(#"class="former""#))
            // A list uploaded on the page: one bad row and nothing is written, with line and field; then it imports.
            let bad = "Họ và tên,Thôn,Vai trò\nNguyễn Văn An,Thôn A,\nAi Đó,Thôn Z,\n"
            let refused = try await browser.upload("/units/\(women)/members/import", file: ("hoivien.csv", Array(bad.utf8)))
            #expect(refused.status == .unprocessableContent && refused.text.contains("hoivien.csv:3: [Thôn]"))
            _ = try await browser.get("/units/\(women)/members")
            let good = "Họ và tên,Thôn,Vai trò\nnguyen van an,Thôn A,hội viên\n"
            let imported = try await browser.upload("/units/\(women)/members/import", file: ("hoivien.csv", Array(good.utf8)))
            #expect(imported.status == .ok && imported.text.contains("Đã thêm 1 hội viên"))
            #expect(try await browser.get("/units/\(women)/members").text.contains("Nguyễn Văn An"))
        }
    }

    @Test("A long list comes a hundred members a page, the branch kept from page to page; the message button carries the audience")
    func pagesAndMessages() async throws {
        let commune = try await TestCommune()
        let women = try await commune.database.write { db -> Int64 in
            let top = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE kind = 'commune_committee'")!
            let women = try UnitStore.create(db, UnitInput(name: "Hội Liên hiệp Phụ nữ xã", kind: "womens_union", parentId: top), by: .system).id!
            for number in 1...130 {
                let person = try PersonStore.create(db, PersonInput(fullName: "Lê Thị Số \(number)", villageId: commune.villageA), by: .system).id!
                _ = try MembershipStore.add(db, orgId: women, .init(personId: person, joinedOn: CivilDate(year: 2020, month: 1, day: 1)!), by: .system)
            }
            return women
        }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let first = try await browser.get("/units/\(women)/members?branch=\(commune.villageA)")
            #expect(first.text.contains("Hội viên hiện nay: <strong>130</strong>"))
            #expect(first.text.components(separatedBy: "<tr>").count + first.text.components(separatedBy: "<tr class=").count - 2 == 101, "a header and 100 rows")
            #expect(first.text.contains("page=2") && first.text.contains("branch=\(commune.villageA)"))
            let second = try await browser.get("/units/\(women)/members?branch=\(commune.villageA)&page=2")
            #expect(second.status == .ok && second.text.contains("Trang 2 / 2"))
            #expect(try await browser.get("/units/\(women)/members?page=0").status == .badRequest)
            #expect(first.text.contains("/messages?template=sms-invitation&amp;audience=members%3Aunit%3D\(women)%2Cvillage%3DTh"))
        }
    }
}
