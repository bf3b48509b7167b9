import Composition
import GRDB
import Store
import Testing

@Suite("Module edges follow the foreign keys")
struct SchemaEdgesTests {
    @Test("Every foreign key points into the module's own tables, the store's, or a module it declares in dependsOn")
    func foreignKeysMatchDeclaredEdges() throws {
        let modules = AllModules.schemas
        var owner: [String: String] = [:]
        var known: Set<String> = []
        for index in modules.indices {
            let database = try AppDatabase.inMemory(modules: Array(modules[...index]))
            let tables = try database.writer.read {
                try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'")
            }
            for table in tables where !known.contains(table) { owner[table] = "\(modules[index])"; known.insert(table) }
        }
        let database = try AllModules.inMemory()
        var strays: [String] = []
        for (table, module) in owner.sorted(by: { $0.key < $1.key }) {
            let type = modules.first { "\($0)" == module }!
            let allowed = Set([module, "\(StoreSchema.self)"] + type.dependsOn.map { "\($0)" })
            let targets = try database.writer.read { try String.fetchAll($0, sql: "SELECT \"table\" FROM pragma_foreign_key_list(?)", arguments: [table]) }
            for target in targets {
                guard let targetOwner = owner[target] else { strays.append("\(table) → \(target): no such table"); continue }
                if !allowed.contains(targetOwner) { strays.append("\(module).\(table) → \(targetOwner).\(target) without a declared edge") }
            }
        }
        #expect(strays.isEmpty, "\(strays)")
        #expect(owner["signUp"] == "SignUpSchema" && owner["volunteerRole"] == "SocializationSchema")
    }
}
