import Foundation
import GRDB
@testable import Store
import Vietnamese

/// A small commune on an in-memory store: two villages, people in each, an editor for village A.
struct Fixture {
    let database: AppDatabase
    let villageA: Int64
    let villageB: Int64
    let school: Int64
    let editorA: Principal
    let admin = Principal.system

    init() throws {
        database = try AppDatabase.inMemory(modules: [StoreSchema.self])
        let ids = try database.writer.write { db -> (Int64, Int64, Int64) in
            let commune = try UnitStore.create(db, UnitInput(name: "UBND xã Thử", kind: "commune_committee"), by: .system).id!
            let a = try UnitStore.create(db, UnitInput(name: "Thôn A", kind: "village", parentId: commune), by: .system).id!
            let b = try UnitStore.create(db, UnitInput(name: "Thôn B", kind: "village", parentId: commune), by: .system).id!
            let school = try UnitStore.create(db, UnitInput(name: "Trường Tiểu học", kind: "school", parentId: commune), by: .system).id!
            return (a, b, school)
        }
        villageA = ids.0
        villageB = ids.1
        school = ids.2
        editorA = Principal(accountId: 99, login: "thona", displayName: "Thôn A", role: .editor, unitIds: [ids.0])
    }

    @discardableResult
    func addPerson(_ name: String, village: Int64?, phone: String? = nil, birthYear: Int? = nil) throws -> Person {
        try database.writer.write { db in
            try PersonStore.create(db, PersonInput(fullName: name, birthYear: birthYear.map(String.init), villageId: village, phone: phone), by: .system)
        }
    }
}
