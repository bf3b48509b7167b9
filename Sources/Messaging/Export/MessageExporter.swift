import Foundation
import GRDB
import Store
import Vietnamese

/// Renders a template for an audience on a channel and streams the result: one row read, one message written, so
/// memory stays flat however large the audience (only the phone numbers already sent are remembered, as integers).
public struct MessageExporter: Sendable {
    public let database: AppDatabase
    public let templates: MessageTemplates

    public init(database: AppDatabase, templates: MessageTemplates) {
        self.database = database; self.templates = templates
    }

    /// Progress: (done, total if known).
    public typealias Progress = (Int, Int?) -> Void

    public func export(_ options: ExportOptions, by principal: Principal, actor: String, to output: MessageOutput,
                       rejects: MessageOutput? = nil, destination: String? = nil, progress: Progress? = nil) throws -> ExportSummary {
        try principal.require(principal.role != .viewer)
        try options.checkFormat()
        let template = try templates.named(options.template)
        guard template.channel == options.channel || (template.channel.isPost && options.channel.isPost) else {
            throw MessagingError("Mẫu \"\(template.name)\" dành cho kênh \(template.channel.rawValue), không dùng cho kênh \(options.channel.rawValue).")
        }
        let specs = try AudienceSpec.parseList(options.audience)
        let summary = try database.writer.read { db -> ExportSummary in
            let settings = try Settings.all(db)
            var values = Self.sharedValues(settings: settings)
            values.merge(options.values) { _, given in given }
            var summary = ExportSummary()
            summary.pricePerSegment = Int64(settings[Settings.smsPricePerSegment.name] ?? "") ?? 0
            let query = AudienceQuery(specs: specs, channel: options.channel.consentChannel, principal: principal,
                                      year: CivilDate.today().year, ordered: options.channel == .letter)
            if options.channel.isPersonal {
                let bound = try BoundTemplate(template, values: values, ascii: options.ascii)
                var writer = PersonalWriter(options: options, bound: bound, output: output, rejects: rejects, year: query.year,
                                            villages: try Self.villageNames(db, ascii: options.ascii))
                writer.begin()
                try Self.forEachRow(db, query, progress: progress) { row in writer.add(row, summary: &summary) }
                writer.end()
            } else {
                let wordsPerMinute = Int(settings[Settings.loudspeakerWordsPerMinute.name] ?? "") ?? 130
                try GroupWriter(options: options, template: template, values: values, output: output, wordsPerMinute: wordsPerMinute)
                    .write(db, query, summary: &summary)
            }
            return summary
        }
        try output.finish()
        try rejects?.finish()
        if options.previewLimit == nil {
            try database.writer.write { db in
                try ExportLog.record(db, actor: actor, options: options, summary: summary, destination: destination)
            }
        }
        return summary
    }

    /// Settings and today's date, the values every template may use.
    static func sharedValues(settings: [String: String]) -> [String: String] {
        let today = CivilDate.today()
        return [
            "commune.name": settings[Settings.communeName.name] ?? "",
            "commune.province": settings[Settings.province.name] ?? "",
            "commune.committee": settings[Settings.committeeName.name] ?? "",
            "signer.name": settings[Settings.signerName.name] ?? "",
            "signer.title": settings[Settings.signerTitle.name] ?? "",
            "today": today.display,
            "today.long": today.documentForm,
        ]
    }

    static func villageNames(_ db: Database, ascii: Bool) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM unit WHERE kind = 'village'") {
            let name: String = row[1]
            names[row[0]] = ascii ? SMSText.asciiFolded(name) : name
        }
        return names
    }

    static func forEachRow(_ db: Database, _ query: AudienceQuery, progress: Progress?, _ body: (AudienceRow) throws -> Void) throws {
        var done = 0
        let units = try query.unitRows(db)
        guard let people = try query.peopleSQL(db) else {
            for row in units { try body(row); done += 1 }
            progress?(done, done)
            return
        }
        let total = progress == nil ? nil : try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(people.sql))", arguments: people.arguments)
            .map { $0 + units.count }
        for row in units { try body(row); done += 1 }
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: people.sql), arguments: people.arguments)
        while let row = try cursor.next() {
            try body(AudienceRow(isPerson: true, id: row[0], name: row[1], gender: Gender(rawValue: row[2]) ?? .unknown,
                                 birthYear: row[3], villageId: row[4], phone: row[5], phoneOriginal: row[6], consent: row[7]))
            done += 1
            if done & 0x3FFF == 0 { progress?(done, total) }
        }
        progress?(done, total ?? done)
    }
}

extension Channel {
    var isPost: Bool { self == .zalo || self == .facebook }
}
