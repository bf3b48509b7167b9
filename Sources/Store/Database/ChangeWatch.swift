import Foundation
import GRDB
import Synchronization

/// Tells whether the store may have changed since a moment: lets the back office keep rendered lists until
/// something is written. Commits through this process are counted as they happen; commits by another process on
/// the same file (a `densach import` while the server runs, the `sqlite3` shell) show in `PRAGMA data_version`,
/// read on a connection of its own because the pragma ignores the reading connection's own commits.
package final class ChangeWatch: Sendable {
    package struct Version: Equatable, Sendable {
        let localCommits: Int
        let fileVersion: Int64
    }

    private let localCommits = Atomic<Int>(0)
    private let fileWatcher: DatabaseQueue?

    init(writer: any DatabaseWriter, path: String?) throws {
        fileWatcher = try path.map {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(5)
            return try DatabaseQueue(path: $0, configuration: configuration)
        }
        try writer.write { db in
            db.add(transactionObserver: CommitCounter(count: { [weak self] in
                self?.localCommits.add(1, ordering: .relaxed)
            }), extent: .databaseLifetime)
        }
    }

    /// Read it before reading the data: a result kept under this version is then never older than the version says.
    package func current() throws -> Version {
        let file = try fileWatcher?.read { try Int64.fetchOne($0.cachedStatement(sql: "PRAGMA data_version")) ?? 0 } ?? 0
        return Version(localCommits: localCommits.load(ordering: .relaxed), fileVersion: file)
    }
}

private final class CommitCounter: TransactionObserver, Sendable {
    let count: @Sendable () -> Void
    init(count: @escaping @Sendable () -> Void) { self.count = count }
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { count() }
    func databaseDidRollback(_ db: Database) {}
}
