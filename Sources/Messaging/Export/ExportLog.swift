import Foundation
import GRDB
import Store
import Vietnamese

/// One line of the export log: personal data left the system, so who took what is kept.
package struct ExportLogEntry: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "messageExport"
    package var id: Int64?
    package var createdAt: Date
    package var actor: String
    package var template: String
    package var audience: String
    package var channel: String
    package var format: String
    package var ascii: Bool
    package var messages: Int
    package var excluded: Int
    package var segments: Int
    package var estimatedCost: Int64
    package var destination: String?
    /// The people reached, as `MessageFatigue` encodes them (nil for posts and broadcasts).
    package var recipients: Data?

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package enum ExportLog {
    static func record(_ db: Database, actor: String, options: ExportOptions, summary: ExportSummary, destination: String?,
                       reached: [Int64]? = nil) throws {
        var entry = ExportLogEntry(createdAt: Date(), actor: actor, template: options.template, audience: options.audience,
                                   channel: options.channel.rawValue, format: options.resolvedFormat.rawValue, ascii: options.ascii,
                                   messages: summary.messages, excluded: summary.excludedTotal, segments: summary.segments,
                                   estimatedCost: summary.estimatedCost, destination: destination,
                                   recipients: reached.map(MessageFatigue.encode))
        try entry.insert(db)
    }

    package static func recent(_ db: Database, limit: Int = 100) throws -> [ExportLogEntry] {
        try ExportLogEntry.order(Column("id").desc).limit(limit).fetchAll(db)
    }

    /// Everyone an export reached in a year of Vietnam's calendar, from the log's recipient lists (no old file is
    /// read): the yearly report's "members reached by messages".
    package static func peopleReached(_ db: Database, year: Int) throws -> Set<Int64> {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = VietnamTime.zone
        guard let start = calendar.date(from: DateComponents(year: year, month: 1, day: 1)),
              let end = calendar.date(from: DateComponents(year: year + 1, month: 1, day: 1)) else { return [] }
        var reached = Set<Int64>()
        for blob in try Data.fetchAll(db, sql: """
            SELECT recipients FROM messageExport WHERE createdAt >= ? AND createdAt < ? AND recipients IS NOT NULL
            """, arguments: [start, end]) {
            MessageFatigue.decode(blob) { reached.insert($0) }
        }
        return reached
    }
}
