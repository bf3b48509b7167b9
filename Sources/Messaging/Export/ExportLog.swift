import Foundation
import GRDB
import Store

/// One line of the export log: personal data left the system, so who took what is kept.
public struct ExportLogEntry: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "messageExport"
    public var id: Int64?
    public var createdAt: Date
    public var actor: String
    public var template: String
    public var audience: String
    public var channel: String
    public var format: String
    public var ascii: Bool
    public var messages: Int
    public var excluded: Int
    public var segments: Int
    public var estimatedCost: Int64
    public var destination: String?
    /// The people reached, as `MessageFatigue` encodes them (nil for posts and broadcasts).
    public var recipients: Data?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public enum ExportLog {
    static func record(_ db: Database, actor: String, options: ExportOptions, summary: ExportSummary, destination: String?,
                       reached: [Int64]? = nil) throws {
        var entry = ExportLogEntry(createdAt: Date(), actor: actor, template: options.template, audience: options.audience,
                                   channel: options.channel.rawValue, format: options.resolvedFormat.rawValue, ascii: options.ascii,
                                   messages: summary.messages, excluded: summary.excludedTotal, segments: summary.segments,
                                   estimatedCost: summary.estimatedCost, destination: destination,
                                   recipients: reached.map(MessageFatigue.encode))
        try entry.insert(db)
    }

    public static func recent(_ db: Database, limit: Int = 100) throws -> [ExportLogEntry] {
        try ExportLogEntry.order(Column("id").desc).limit(limit).fetchAll(db)
    }
}
