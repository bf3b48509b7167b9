import Foundation
import NIOConcurrencyHelpers
import Store

/// Settings read on every request (idle timeout, default language), kept in memory and refreshed when saved.
final class SettingsCache: Sendable {
    private let values: NIOLockedValueBox<[String: String]>

    init(database: AppDatabase) async throws {
        values = NIOLockedValueBox(try await database.read { try Settings.all($0) })
    }

    func refresh(from database: AppDatabase) async throws {
        let fresh = try await database.read { try Settings.all($0) }
        values.withLockedValue { $0 = fresh }
    }

    func value(_ key: Settings.Key) -> String { values.withLockedValue { $0[key.name] } ?? key.defaultValue }

    var sessionIdle: TimeInterval { TimeInterval((Int(value(Settings.sessionIdleMinutes)) ?? 120) * 60) }

    var defaultLanguageSnapshot: Language { Language(rawValue: value(Settings.defaultLanguage)) ?? .vi }
}
