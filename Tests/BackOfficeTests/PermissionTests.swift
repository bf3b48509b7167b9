import BackOffice
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Store
import Testing

@Suite("Permissions on pages")
struct PermissionTests {
    @Test("A unit editor sees only their village and is refused another village's person with a clear 403")
    func editorScope() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            let list = try await browser.get("/people")
            #expect(list.text.contains("Nguyễn Văn An"))
            #expect(!list.text.contains("Trần Thị Bình"))
            let other = try await browser.get("/people/\(commune.personB)")
            #expect(other.status == .forbidden)
            #expect(other.text.contains("không được giao cho tài khoản của bạn"))
            let otherEdit = try await browser.get("/people/\(commune.personB)/edit")
            #expect(otherEdit.status == .forbidden)
            try await browser.get("/people/\(commune.personA)/edit")
            let write = try await browser.post("/people/\(commune.personB)", ["fullName": "Đổi Tên", "villageId": String(commune.villageB)])
            #expect(write.status == .forbidden)
            let move = try await browser.post("/people/\(commune.personA)", ["fullName": "Nguyễn Văn An", "villageId": String(commune.villageB)])
            #expect(move.status == .forbidden)
            let name = try await commune.database.read { try Person.fetchOne($0, key: commune.personB)?.fullName }
            #expect(name == "Trần Thị Bình")
            #expect(try await browser.get("/accounts").status == .forbidden)
            #expect(try await browser.get("/audit").status == .forbidden)
            #expect(try await browser.get("/units/\(commune.villageB)").status == .forbidden)
        }
    }

    @Test("A viewer reads everything and writes nothing")
    func viewer() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("xem", TestCommune.password)
            #expect(try await browser.get("/people/\(commune.personB)").status == .ok)
            let before = try await commune.personCount()
            let create = try await browser.post("/people", ["fullName": "Người Mới", "villageId": String(commune.villageA)])
            #expect(create.status == .forbidden)
            #expect(try await commune.personCount() == before)
            #expect(try await browser.get("/people/new").status == .forbidden)
            #expect(try await browser.post("/settings", ["commune.name": "Xã Khác"]).status == .forbidden)
        }
    }

    @Test("Officers edit commune-wide but cannot manage accounts")
    func officer() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            #expect(try await browser.get("/audit").status == .ok)
            #expect(try await browser.get("/accounts").status == .forbidden)
            #expect(try await browser.get("/accounts/new").status == .forbidden)
        }
    }
}
