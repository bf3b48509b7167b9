import Campaigns
import Foundation
import GRDB
import SignUp
import Store
import Vietnamese

/// Renders a template for an audience on a channel and streams the result: one row read, one message written, so
/// memory stays flat however large the audience (only the phone numbers already sent are remembered, as integers).
package struct MessageExporter: Sendable {
    package let database: AppDatabase
    package let templates: MessageTemplates

    package init(database: AppDatabase, templates: MessageTemplates) {
        self.database = database; self.templates = templates
    }

    /// Progress: (done, total if known).
    package typealias Progress = (Int, Int?) -> Void

    package func export(_ options: ExportOptions, by principal: Principal, actor: String, to output: MessageOutput,
                       rejects: MessageOutput? = nil, destination: String? = nil, progress: Progress? = nil) throws -> ExportSummary {
        try principal.require(principal.role != .viewer)
        try options.checkFormat()
        let template = try templates.named(options.template)
        guard template.channel == options.channel || (template.channel.isPost && options.channel.isPost) else {
            throw MessagingError("Mẫu \"\(template.name)\" dành cho kênh \(template.channel.rawValue), không dùng cho kênh \(options.channel.rawValue).")
        }
        try SMSRules.checkSendTime(options.sendAt, advertising: template.advertising && options.channel == .sms, template: template.name)
        let specs = try AudienceSpec.parseList(options.audience)
        var summary = ExportSummary()
        if template.advertising && options.channel == .sms { summary.advertisingWindow = SMSRules.advertisingWindow }
        // First what every message shares; then, for people, the rows streamed outside this read (an in-memory
        // store has one connection, which the reading thread needs).
        let plan = try database.writer.read { db -> ExportPlan in
            let settings = try Settings.all(db)
            summary.pricePerSegment = Int64(settings[Settings.smsPricePerSegment.name] ?? "") ?? 0
            let query = AudienceQuery(specs: specs, channel: options.channel.consentChannel, principal: principal,
                                      year: CivilDate.today().year, ordered: options.channel == .letter)
            var values = Self.sharedValues(settings: settings)
            values.merge(try query.sharedValues(db)) { _, fromAudience in fromAudience }
            values.merge(try Self.campaignValues(db, campaignId: options.campaignId, activityId: options.activityId)) { _, fromCampaign in fromCampaign }
            values.merge(options.values) { _, given in given }
            if !options.channel.isPersonal {
                let wordsPerMinute = Int(settings[Settings.loudspeakerWordsPerMinute.name] ?? "") ?? 130
                try GroupWriter(options: options, template: template, values: values, output: output, wordsPerMinute: wordsPerMinute)
                    .write(db, query, summary: &summary)
                return ExportPlan(values: values, query: query, villages: [:], units: [], people: nil, total: nil)
            }
            // Letters come in village and name order, so their consents stay a subquery; other rows come in id order.
            let people = try query.peopleSQL(db, consentInSQL: query.ordered)
            let units = try query.unitRows(db)
            let total = try progress.flatMap { _ in
                try people.map { try Int.fetchOne(db, sql: "SELECT count(*) FROM (\($0.sql))", arguments: $0.arguments) ?? 0 }
            }.map { $0 + units.count }
            var plan = ExportPlan(values: values, query: query, villages: try Self.villageNames(db, ascii: options.ascii),
                              units: units, people: people, total: total ?? (people == nil ? units.count : nil))
            plan.sender = settings[Settings.smsBrandname.name] ?? ""
            plan.fatigue = try MessageFatigue(db, channel: options.channel, cap: Int(settings[Settings.weeklyMessageCap.name] ?? "") ?? 3)
            return plan
        }
        var reached: [Int64]?
        if options.channel.isPersonal {
            let bound = try BoundTemplate(template, values: plan.values, ascii: options.ascii)
            let zns = options.channel == .zns ? try ZNSLines(template: template, limits: templates.znsLimits, shared: plan.values) : nil
            var writer = PersonalWriter(options: options, bound: bound, output: output, rejects: rejects, year: plan.query.year,
                                        villages: plan.villages, zns: zns, sender: plan.sender, fatigue: plan.fatigue,
                                        translations: try (templates.variants[template.name] ?? [:]).mapValues {
                                            try BoundTemplate($0, values: plan.values, ascii: options.ascii)
                                        })
            writer.begin()
            var done = 0
            for row in plan.units { writer.add(row, summary: &summary); done += 1 }
            if let people = plan.people {
                try streamRows(people, consentsBeside: plan.query.ordered ? nil : plan.query.channel) { batch in
                    // Through the buffer: each row is lent to the writer, not copied with its texts retained.
                    batch.withUnsafeBufferPointer { rows in
                        for index in rows.indices { writer.add(rows[index], summary: &summary) }
                    }
                    done += batch.count
                    progress?(done, plan.total)
                }
            }
            progress?(done, plan.total ?? done)
            // A ZNS value over Zalo's limit: the output is dropped unfinished (an existing file stays as it was).
            if let failure = writer.failure { throw failure }
            writer.end()
            reached = writer.reached
        }
        try output.finish()
        try rejects?.finish()
        if options.previewLimit == nil {
            try database.writer.write { db in
                try ExportLog.record(db, actor: actor, options: options, summary: summary, destination: destination, reached: reached)
                for formId in plan.query.signUpForms { try SignUpAudience.markConfirmed(db, formId: formId, personIds: reached ?? []) }
            }
        }
        return summary
    }

    /// `campaign.*` and `activity.*` from the Campaigns module (an activity also gives its campaign).
    static func campaignValues(_ db: Database, campaignId: Int64?, activityId: Int64?) throws -> [String: String] {
        var values: [String: String] = [:]
        var campaignId = campaignId
        if let activityId {
            let activity = try CampaignStore.activity(db, id: activityId)
            campaignId = campaignId ?? activity.campaignId
            values.merge(activity.messageValues) { _, new in new }
        }
        if let campaignId {
            let campaign = try CampaignStore.get(db, id: campaignId)
            values["campaign.title"] = campaign.title
            values["campaign.theme"] = campaign.theme ?? ""
            values["campaign.period"] = "\(campaign.startDate.display) đến \(campaign.endDate.display)"
        }
        return values
    }

    /// Settings and today's date, the values every template may use.
    static func sharedValues(settings: [String: String]) -> [String: String] {
        let today = CivilDate.today()
        // The committee writes as a collective (NĐ 30/2020): "TM. ỦY BAN NHÂN DÂN", then "KT. CHỦ TỊCH" over a deputy's title.
        let signing = Signing.lines(.committee, title: settings[Settings.signerTitle.name] ?? "")
        return [
            "commune.name": settings[Settings.communeName.name] ?? "",
            "commune.province": settings[Settings.province.name] ?? "",
            "commune.committee": settings[Settings.committeeName.name] ?? "",
            "signer.name": settings[Settings.signerName.name] ?? "",
            "signer.title": settings[Settings.signerTitle.name] ?? "",
            "signer.onBehalf": signing.first ?? "",
            "signer.deputyFor": signing.count > 2 ? signing[1] : "",
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

    /// Reads rows on a second thread, in batches, while `body` renders and writes them on this one.
    /// `consentsBeside`: the channel whose consents are read beside rows in id order (else the query's column has them).
    func streamRows(_ people: (sql: String, arguments: StatementArguments), consentsBeside channel: ConsentChannel?,
                    _ body: ([AudienceRow]) -> Void) throws {
        let pipe = BatchPipe<AudienceRow>()
        let failure = ReadFailure()
        let reader = Thread { [database] in
            do {
                try database.writer.read { db in
                    // Read through SQLite's own small page cache rather than a memory map: a map of the whole file
                    // counts in the process's resident memory, which must stay flat (the setting is restored below).
                    try db.execute(sql: "PRAGMA mmap_size = 0")
                    defer { try? db.execute(sql: "PRAGMA mmap_size = 268435456") }
                    // People in id order, read as SQLite holds them (no `Row` per person), their consents read beside.
                    let consents = try channel.map { try ConsentsInIdOrder(db, channel: $0) }
                    var batch: [AudienceRow] = []
                    batch.reserveCapacity(4096)
                    try db.scanRows(sql: people.sql, arguments: people.arguments) { column in
                        let id = column.int64(0)
                        let consent = try consents.map { Int(try $0.state(of: id).rawValue) } ?? Int(column.int64(7))
                        // Without consent the writer only counts the row: its texts are not read (a third of a commune).
                        if consent != Int(ConsentsInIdOrder.State.given.rawValue) {
                            batch.append(AudienceRow(isPerson: true, id: id, name: "", gender: .unknown, birthYear: nil, villageId: nil,
                                                     phone: nil, phoneOriginal: nil, consent: consent))
                        } else {
                            batch.append(AudienceRow(isPerson: true, id: id, name: column.string(1),
                                                     gender: Gender(storedFirstByte: column.firstByte(2)),
                                                     birthYear: column.optionalInt(3), villageId: column.optionalInt64(4),
                                                     phone: column.optionalString(5), phoneOriginal: column.optionalString(6),
                                                     consent: consent, language: column.optionalString(8)))
                        }
                        if batch.count == 4096 {
                            pipe.send(batch)
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                    if !batch.isEmpty { pipe.send(batch) }
                }
            } catch {
                failure.error = error
            }
            pipe.close()
        }
        reader.start()
        while let batch = pipe.receive() { body(batch) }
        if let error = failure.error { throw error }
    }
}

private struct ExportPlan {
    let values: [String: String]
    let query: AudienceQuery
    let villages: [Int64: String]
    let units: [AudienceRow]
    let people: (sql: String, arguments: StatementArguments)?
    let total: Int?
    /// The SMS sender name (brandname) of the settings.
    var sender = ""
    /// Who reached the weekly cap on the channel.
    var fatigue: MessageFatigue?
}

private final class ReadFailure: @unchecked Sendable {
    var error: (any Error)?
}

extension Channel {
    package var isPost: Bool { self == .zalo || self == .facebook }
}
