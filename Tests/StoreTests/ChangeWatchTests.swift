import Foundation
import GRDB
@testable import Store

import Testing

@Suite("Knowing when the store changed")
struct ChangeWatchTests {
    @Test("A commit by this process or by another connection to the file changes the version; reads do not")
    func fileDatabase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try AppDatabase.open(path: path, modules: [StoreSchema.self])
        let start = try database.changes.current()
        _ = try database.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM person") }
        #expect(try database.changes.current() == start)

        try database.writer.write { try $0.execute(sql: "INSERT INTO setting(key, value) VALUES ('a', '1')") }
        let afterLocal = try database.changes.current()
        #expect(afterLocal != start)

        // Another process (the CLI, the sqlite3 shell) writes through its own connection.
        let other = try DatabaseQueue(path: path)
        try other.write { try $0.execute(sql: "INSERT INTO setting(key, value) VALUES ('b', '2')") }
        #expect(try database.changes.current() != afterLocal)
    }

    @Test("In memory, every commit changes the version")
    func inMemory() throws {
        let fixture = try Fixture()
        let before = try fixture.database.changes.current()
        try fixture.addPerson("Lò Văn Pọm", village: fixture.villageA)
        #expect(try fixture.database.changes.current() != before)
    }
}
