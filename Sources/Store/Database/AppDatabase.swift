import Foundation
import GRDB

/// The one store. Server and command line may open the same file at once: WAL, a busy timeout, foreign keys on.
package struct AppDatabase: Sendable {
    /// The connection itself, for the modules' own synchronous work (exports, the CLI, tests); the web app goes
    /// through `read`/`write`, which translate constraint failures into messages.
    package let writer: any DatabaseWriter
    /// Whether anything was committed since a moment, by this process or another.
    package let changes: ChangeWatch
    /// Where the modules hold a person's id without a foreign key (a merge moves them with the foreign keys).
    package let personReferences: [PersonReference]

    /// Opens (creating if needed) the database and runs every module's migrations.
    package init(_ writer: any DatabaseWriter, modules: [any SchemaModule.Type], path: String? = nil) throws {
        self.writer = writer
        personReferences = StoreSchema.personReferences + modules.filter { $0 != StoreSchema.self }.flatMap { $0.personReferences }
        try Self.migrator(modules: modules).migrate(writer)
        changes = try ChangeWatch(writer: writer, path: path)
    }

    package static func migrator(modules: [any SchemaModule.Type]) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        StoreSchema.registerMigrations(in: &migrator)
        var registered: [ObjectIdentifier] = [ObjectIdentifier(StoreSchema.self)]
        for module in modules where module != StoreSchema.self {
            // A module listed before one its tables point into is a programming error: say which, at start.
            for dependency in module.dependsOn where !registered.contains(ObjectIdentifier(dependency)) {
                preconditionFailure("\(module) needs \(dependency) migrated before it: order the module list so")
            }
            module.registerMigrations(in: &migrator)
            registered.append(ObjectIdentifier(module))
        }
        return migrator
    }

    package static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            // A commit survives a power cut, not only a crash: under NORMAL the last commits could roll back and a
            // printed receipt or decision number be issued again. Under WAL this is one fsync a commit (the bulk
            // import is one transaction); the cost is measured in Benchmarks/README.md.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Statement journals (every INSERT that fires the search and counter triggers keeps one) stay in memory:
            // on disk they cost ~19 writes a row, a bulk import ran ten times slower.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // Reads through memory-mapped pages instead of a pread and a copy each: search decodes long posting
            // lists, and this cuts its time by a third. Address space only; the OS shares the pages.
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
        }
        return config
    }

    /// A file database shared by server and command line.
    package static func open(path: String, modules: [any SchemaModule.Type]) throws -> AppDatabase {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let pool = try DatabasePool(path: path, configuration: configuration())
        return try AppDatabase(pool, modules: modules, path: path)
    }

    /// A private in-memory database, for tests.
    package static func inMemory(modules: [any SchemaModule.Type]) throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration()), modules: modules)
    }

    package func read<T: Sendable>(_ value: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writer.read(value)
    }

    package func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(updates)
        } catch let error as DatabaseError {
            throw DomainError(databaseError: error)
        }
    }

    /// Work that opens its own transactions and savepoints (an import, all-or-nothing by its own rules).
    package func writeWithoutTransaction<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.writeWithoutTransaction(work)
        } catch let error as DatabaseError {
            throw DomainError(databaseError: error)
        }
    }

    /// A query that answers, for the health check.
    package func ping() async throws {
        _ = try await writer.read { try Int.fetchOne($0, sql: "SELECT 1") }
    }

    /// Default path: `data/densach.sqlite` under the working directory, unless DENSACH_DATABASE says otherwise.
    package static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment["DENSACH_DATABASE"] ?? "data/densach.sqlite"
    }
}
