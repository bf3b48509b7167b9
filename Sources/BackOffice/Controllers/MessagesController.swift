import Speech
import Composition
import Campaigns
import Clubs
import Foundation
import Hummingbird
import Office
import Messaging
import Store
import Vietnamese

/// Messages: choose a template, an audience and a channel; see who is reached, who is left out and what it costs;
/// preview the first messages; download the file (logged). Templates are read from disk on each visit, so an edited
/// template shows at once.
struct MessagesController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/messages", use: page)
        router.post("/messages/export", use: download)
    }

    /// The form's fields, from the query (preview) or the body (export).
    struct Choice {
        var template: String
        var channel: Channel?
        var village: String
        var ageFrom: String
        var ageTo: String
        var gender: String
        var ethnicity: String
        var unitKind: String
        var club: String
        var activity: String
        var audience: String
        var ascii: Bool
        var perVillage: Bool
        /// "docx": letters as one Word document (the download's second button).
        var word: Bool
        var values: [String: String]

        init(_ form: FormData, templates: [MessageTemplate]) {
            // An invitation by SMS is what staff send most; a thank-you letter to every resident was a poor default.
            template = form.text("template") ?? (templates.first { $0.name == "sms-invitation" } ?? templates.first)?.name ?? ""
            channel = form.text("channel").flatMap(Channel.init(rawValue:))
            village = form.text("village") ?? ""
            ageFrom = form.text("ageFrom") ?? ""
            ageTo = form.text("ageTo") ?? ""
            gender = form.text("gender") ?? ""
            ethnicity = form.text("ethnicity") ?? ""
            unitKind = form.text("unitKind") ?? ""
            club = form.text("club") ?? ""
            activity = form.text("activity") ?? ""
            audience = form.text("audience") ?? ""
            ascii = form.bool("ascii")
            perVillage = form.bool("perVillage")
            word = form["format"] == "docx"
            var values: [String: String] = [:]
            for name in MessageVariables.shared.keys { if let value = form["v." + name] { values[name] = value.trimmingCharacters(in: .whitespaces) } }
            self.values = values
        }

        /// The audience in the command line's syntax: typed by hand, or built from the simple fields.
        var audienceSpec: String {
            if !audience.isEmpty { return audience }
            if !club.isEmpty { return "club:\(club)" }
            var filters: [String] = []
            if !village.isEmpty { filters.append("village=\(village)") }
            if !ageFrom.isEmpty || !ageTo.isEmpty { filters.append("age=\(ageFrom)-\(ageTo)") }
            if !gender.isEmpty { filters.append("gender=\(gender)") }
            if !ethnicity.isEmpty { filters.append("ethnicity=\(ethnicity)") }
            let residents = "residents" + (filters.isEmpty ? "" : ":" + filters.joined(separator: ","))
            return unitKind.isEmpty ? residents : residents + "+units:kind=\(unitKind)"
        }

        /// The channel chosen, when the template can go by it; otherwise the template's own (choosing an SMS template
        /// after a letter left the channel on "letter" and the preview failed).
        func channel(for template: MessageTemplate) -> Channel {
            guard let channel, MessagesController.fits(template, channel) else { return template.channel }
            return channel
        }

        func options(for template: MessageTemplate) -> ExportOptions {
            var options = ExportOptions(template: template.name, audience: audienceSpec, channel: channel(for: template))
            options.ascii = ascii
            options.perVillage = perVillage
            if word && options.channel == .letter { options.format = .docx }
            options.activityId = Int64(activity)
            // With an activity chosen, or a sign-up page's people (its page gives the activity or club), fields left
            // blank take the activity's own title, date, time and place.
            let given = options.activityId != nil || audienceSpec.hasPrefix("signups:")
            options.values = given ? values.filter { !$0.value.isEmpty } : values
            return options
        }
    }

    /// Values every template gets without asking (settings and today).
    static let automatic: Set<String> = ["commune.name", "commune.province", "commune.committee", "today", "today.long",
                                         "signer.name", "signer.title", "signer.onBehalf", "signer.deputyFor", "village.name"]

    private var templatesDirectory: String { env.configuration.templatesDirectory + "/messages" }

    @Sendable func page(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let form = FormData(urlEncoded: request.uri.query ?? "")
        let templates: MessageTemplates
        do {
            templates = try MessageTemplates(directory: templatesDirectory)
        } catch {
            return try await render(context, principal: principal, templates: [], choice: Choice(FormData(), templates: []), templateError: "\(error)")
        }
        let choice = Choice(form, templates: templates.all)
        var result: PreviewResult?
        if form.bool("preview"), principal.role != .viewer, let template = try? templates.named(choice.template) {
            result = preview(template, choice: choice, templates: templates, principal: principal, language: context.language)
        }
        return try await render(context, principal: principal, templates: templates.all, choice: choice, result: result)
    }

    /// A template may go by its own channel, and a post by any post channel (Zalo or Facebook).
    static func fits(_ template: MessageTemplate, _ channel: Channel) -> Bool {
        template.channel == channel || (template.channel.isPost && channel.isPost)
    }

    /// The preview's CSV rows (phone, message, segments, encoding) read back as messages.
    static func smsPreviews(_ csv: String, english: Bool) -> [SMSPreview] {
        guard let reader = try? CSVReader(data: Data(csv.utf8), fileName: "preview.csv") else { return [] }
        return reader.dropFirst().compactMap { record in
            guard record.fields.count >= 3 else { return nil }
            let parts = Int(record.fields[2]) ?? 1
            return SMSPreview(phone: (try? PhoneNumber.parse(record.fields[0]).get().display) ?? record.fields[0], message: record.fields[1],
                              parts: english ? "\(parts) part\(parts == 1 ? "" : "s")" : "\(parts) tin")
        }
    }

    private func preview(_ template: MessageTemplate, choice: Choice, templates: MessageTemplates, principal: Principal,
                         language: Language) -> PreviewResult {
        var options = choice.options(for: template)
        options.previewLimit = 5
        let output = StringOutput(), rejects = StringOutput()
        do {
            let summary = try MessageExporter(database: env.database, templates: templates)
                .export(options, by: principal, actor: principal.login, to: output, rejects: rejects)
            let rejectLines = rejects.text.split(separator: "\n").dropFirst().prefix(20).joined(separator: "\n")
            let isLetter = options.channel == .letter && options.resolvedFormat == .html
            let sms = options.channel == .sms && options.resolvedFormat == .csv ? Self.smsPreviews(output.text, english: false) : []
            return PreviewResult(error: nil, summary: summary.lines(english: language == .en),
                                 text: isLetter || !sms.isEmpty ? (isLetter ? Self.letterBodies(output.text) : "") : output.text,
                                 rejects: rejectLines, isLetter: isLetter, sms: sms)
        } catch let error as TemplateError where error.missingVariable != nil {
            // Say which field of step 3 to fill, in the page's words, not the command line's flag.
            let name = error.missingVariable!
            let key = "variable_" + name, text = env.views.text(key, language)
            let field = text == key ? Self.capitalised(MessageVariables.shared[name] ?? name) : text
            let fromActivity = name.hasPrefix("activity.") || name.hasPrefix("campaign.")
            let message = env.views.text(fromActivity ? "messages_missingActivityValue" : "messages_missingValue", language)
            return PreviewResult(error: message.replacingOccurrences(of: "%@", with: field),
                                 summary: [], text: "", rejects: "", isLetter: false)
        } catch {
            return PreviewResult(error: "\(error)", summary: [], text: "", rejects: "", isLetter: false)
        }
    }

    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// The letters without the printable page around them, to show inside the back office.
    static func letterBodies(_ html: String) -> String {
        guard let start = html.range(of: "<section")?.lowerBound else { return "" }
        let end = html.range(of: "</body>")?.lowerBound ?? html.endIndex
        return String(html[start..<end])
    }

    @Sendable func download(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.role != .viewer)
        let templates = try MessageTemplates(directory: templatesDirectory)
        let choice = Choice(context.form, templates: templates.all)
        let template = try templates.named(choice.template)
        let options = choice.options(for: template)
        if context.form["audio"] == "mp3" && options.channel == .loudspeaker {
            return try await audioDownload(options, templates: templates, template: template, principal: principal)
        }
        let output = StringOutput()
        let fileName = "\(template.name)-\(env.clock.today().iso).\(options.resolvedFormat.rawValue)"
        do {
            _ = try MessageExporter(database: env.database, templates: templates)
                .export(options, by: principal, actor: principal.login, to: output, destination: "tải về: \(fileName)")
        } catch let error as MessagingError {
            throw DomainError(.invalid, error.description, english: error.description)
        } catch let error as TemplateError {
            throw DomainError(.invalid, error.description, english: error.description)
        }
        if options.resolvedFormat == .docx {
            return Views.attachment(try LetterHTML.document(output.text, title: template.title).data(), type: ControllerEnvironment.wordMediaType, fileName: fileName)
        }
        let type = switch options.resolvedFormat {
        case .docx: ControllerEnvironment.wordMediaType
        case .csv: "text/csv; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .txt: "text/plain; charset=utf-8"
        case .jsonl: "application/x-ndjson; charset=utf-8"
        }
        return Views.attachment(output.text, type: type, fileName: fileName)
    }

    /// The loudspeaker script read aloud: one MP3, or with one script per village a ZIP of the script and an MP3
    /// per village. Made in a folder of its own, removed after; logged like every export.
    private func audioDownload(_ options: ExportOptions, templates: MessageTemplates, template: MessageTemplate, principal: Principal) async throws -> Response {
        let folder = NSTemporaryDirectory() + "densach-loa-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let stem = "\(template.name)-\(env.clock.today().iso)"
        let settings = try await env.database.read { try Settings.all($0) }
        var options = options
        do {
            options.audio = try LoudspeakerAudio(settings: settings, campaignsDirectory: env.configuration.campaignsDirectory, format: .mp3,
                                                 base: folder + "/" + stem)
        } catch {
            throw DomainError(.invalid, "Không đọc được thành âm thanh: \(error)", english: "Could not read it aloud: \(error)")
        }
        let output = StringOutput()
        let summary: ExportSummary
        do {
            summary = try MessageExporter(database: env.database, templates: templates)
                .export(options, by: principal, actor: principal.login, to: output, destination: "tải về: \(stem).mp3")
        } catch let error as MessagingError {
            throw DomainError(.invalid, error.description, english: error.description)
        }
        if summary.audioFiles.count == 1 {
            let sound = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + summary.audioFiles[0]))
            return Views.attachment(sound, type: "audio/mpeg", fileName: summary.audioFiles[0])
        }
        let files = try [(name: stem + ".txt", data: Data(output.text.utf8))]
            + summary.audioFiles.map { (name: $0, data: try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0))) }
        return Views.attachment(try ZIPPack.archive(files), type: "application/zip", fileName: stem + ".zip")
    }

    private func render(_ context: SignedInContext, principal: Principal, templates: [MessageTemplate], choice: Choice,
                        result: PreviewResult? = nil, templateError: String? = nil) async throws -> Response {
        let (villages, log, clubs, activities) = try await env.database.read { db in
            (try UnitStore.villageNames(db, for: principal), try ExportLog.recent(db, limit: 20),
             try ClubStore.list(db, ClubStore.Filter(status: .active), for: principal),
             try CampaignStore.activities(db, from: env.clock.today().adding(days: -90), to: env.clock.today().adding(days: 365)))
        }
        let page = MessagesPage(templates: templates, choice: choice, result: result, templateError: templateError, villages: villages, log: log,
                                clubs: clubs, activities: activities, canExport: principal.role != .viewer, english: context.english,
                                text: { env.views.text($0, context.language) }, csrf: context.csrfToken)
        return env.views.render("messages", titleKey: "messages_title", page: page, context: context)
    }
}
