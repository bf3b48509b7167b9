import BackOffice
import Composition
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Store

/// The repository root, found from this file, so tests read the real `web/` templates.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A small commune with one account per role: admin, officer, editor of Thôn A, viewer (password for all: see below).
struct TestCommune {
    static let password = "mat-khau-thu-nghiem"
    let database: AppDatabase
    let villageA: Int64
    let villageB: Int64
    let personA: Int64
    let personB: Int64

    static var configuration: AppConfiguration {
        AppConfiguration(host: "127.0.0.1", port: 0, webDirectory: repositoryRoot.appendingPathComponent("web").path,
                         templatesDirectory: repositoryRoot.appendingPathComponent("Templates").path,
                         campaignsDirectory: repositoryRoot.appendingPathComponent("campaigns").path, bcryptCost: 4)
    }

    init(database: AppDatabase? = nil) async throws {
        let database = try database ?? AllModules.inMemory()
        self.database = database
        let hash = try await Passwords(cost: 4).hash(Self.password)
        let ids = try await database.write { db -> [Int64] in
            let commune = try UnitStore.create(db, UnitInput(name: "UBND xã Thử", kind: "commune_committee"), by: .system).id!
            let a = try UnitStore.create(db, UnitInput(name: "Thôn A", kind: "village", parentId: commune), by: .system).id!
            let b = try UnitStore.create(db, UnitInput(name: "Thôn B", kind: "village", parentId: commune), by: .system).id!
            let personA = try PersonStore.create(db, PersonInput(fullName: "Nguyễn Văn An", villageId: a, phone: "0912345678"), by: .system).id!
            let personB = try PersonStore.create(db, PersonInput(fullName: "Trần Thị Bình", villageId: b), by: .system).id!
            for (login, role, units) in [("admin", Role.admin, [Int64]()), ("canbo", .officer, []), ("thona", .editor, [a]), ("xem", .viewer, [])] {
                _ = try AccountStore.create(db, login: login, displayName: login, passwordHash: hash, role: role, unitIds: units, by: .system)
            }
            return [a, b, personA, personB]
        }
        villageA = ids[0]; villageB = ids[1]; personA = ids[2]; personB = ids[3]
    }

    func run(_ test: @escaping @Sendable (Browser) async throws -> Void, language: String = "vi") async throws {
        let app = try await buildApplication(Self.configuration, database: database)
        try await app.test(.router) { client in try await test(Browser(client, acceptLanguage: language)) }
    }

    /// An API token of one of the accounts.
    func token(_ login: String) async throws -> String {
        try await database.write { db in
            try AccountStore.issueToken(db, accountId: try AccountStore.find(db, login: login)!.id!, by: .system)
        }
    }

    func personCount() async throws -> Int { try await database.read { try Person.fetchCount($0) } }
}
