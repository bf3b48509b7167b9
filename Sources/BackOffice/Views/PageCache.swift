import Store
import Synchronization

/// Rendered list sections kept until the store changes (`ChangeWatch`). The key must hold everything the section
/// depends on: the query, the language, and what the account may see and do.
final class PageCache: Sendable {
    private struct Entry { let version: ChangeWatch.Version; let html: String }
    private let entries = Mutex<[String: Entry]>([:])
    private let capacity: Int

    init(capacity: Int = 500) { self.capacity = capacity }

    func html(_ key: String, version: ChangeWatch.Version, render: () async throws -> String) async rethrows -> String {
        if let entry = entries.withLock({ $0[key] }), entry.version == version { return entry.html }
        let html = try await render()
        entries.withLock {
            if $0.count >= capacity { $0.removeAll(keepingCapacity: true) }
            $0[key] = Entry(version: version, html: html)
        }
        return html
    }
}
