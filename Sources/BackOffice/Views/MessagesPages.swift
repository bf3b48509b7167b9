import Campaigns
import Clubs
import Composition
import Foundation
import Hummingbird
import Messaging
import Office
import Speech
import Store
import Vietnamese

/// What the pages of `MessagesController` show: one view model each, its fields one a line.
extension MessagesController {
    struct AudienceExample {
        let spec: String
        let meaning: String
    }

    struct VariableField {
        let name: String
        let label: String
        let value: String
    }

    struct LogRow {
        let at: String
        let actor: String
        let template: String
        let audience: String
        let channel: String
        let messages: String
        let excluded: String
        let cost: String
    }

    struct MessagesPage {
        let canExport: Bool
        let templateError: String?
        let templates: [Option]
        let templateTitle: String
        let templateDescription: String
        let channels: [Option]
        let villages: [Option]
        let genders: [Option]
        let unitKinds: [Option]
        let clubs: [Option]
        let activities: [Option]
        let ageFrom: String
        let ageTo: String
        let ethnicity: String
        let audience: String
        let audienceExamples: [AudienceExample]
        let ascii: Bool
        let perVillage: Bool
        let variables: [VariableField]
        let hasVariables: Bool
        let previewed: Bool
        let error: String?
        let summary: [String]
        let previewText: String
        let previewHTML: String
        let isLetter: Bool
        /// A loudspeaker script: the download can also read it aloud (MP3).
        let isLoudspeaker: Bool
        let rejects: String
        let sms: [SMSPreview]
        let hasSMS: Bool
        let csrf: String
        let log: [LogRow]
        let hasLog: Bool
    }

    struct PreviewResult {
        let error: String?
        let summary: [String]
        let text: String
        let rejects: String
        let isLetter: Bool
        var sms: [SMSPreview] = []
    }

    /// An SMS as the recipient's phone shows it, with its parts.
    struct SMSPreview {
        let phone: String
        let message: String
        let parts: String
    }
}

// MARK: Built from the store's values

extension MessagesController.VariableField {
    /// A value the template needs, labelled in words ("{{activity.title}}" meant nothing to the people filling the form).
    /// `text` gives a label's words in the page's language.
    init(variable: String, value: String, text: (String) -> String) {
        let key = "variable_" + variable, words = text(key)
        name = "v." + variable
        label = words == key ? MessagesController.capitalised(MessageVariables.shared[variable] ?? variable) : words
        self.value = value
    }
}

extension MessagesController.LogRow {
    /// A file made before: when, by whom, for whom, by which channel, how many messages and what they cost.
    init(_ entry: ExportLogEntry, english: Bool) {
        at = VietnamTime.display(entry.createdAt)
        actor = entry.actor
        template = entry.template
        audience = entry.audience
        channel = Channel(rawValue: entry.channel)?.label(english: english) ?? entry.channel
        messages = VND.grouped(Int64(entry.messages))
        excluded = VND.grouped(Int64(entry.excluded))
        cost = entry.estimatedCost > 0 ? VND.format(entry.estimatedCost) : ""
    }
}

extension MessagesController.MessagesPage {
    /// The messages page: the templates, the audience's fields, the values the chosen template needs, the preview
    /// (when asked) and the recent exports. `text` gives a label's words in the page's language.
    init(templates: [MessageTemplate], choice: MessagesController.Choice, result: MessagesController.PreviewResult?, templateError: String?,
         villages: [(id: Int64, name: String)], log: [ExportLogEntry], clubs: [ClubStore.ListItem], activities: [Activity],
         canExport: Bool, english: Bool, text: (String) -> String, csrf: String) {
        let chosen = templates.first { $0.name == choice.template }
        let channel = chosen.map { choice.channel(for: $0) } ?? choice.channel
        let variables = (chosen?.declaredVariables ?? []).filter { !$0.hasPrefix("recipient.") && !MessagesController.automatic.contains($0) }
        self.canExport = canExport
        self.templateError = templateError
        self.templates = templates.map {
            Option(value: $0.name, label: "\($0.title) — \($0.channel.label(english: english))", selected: $0.name == choice.template)
        }
        templateTitle = chosen?.title ?? ""
        templateDescription = chosen?.description ?? ""
        channels = Channel.allCases.filter { candidate in chosen.map { MessagesController.fits($0, candidate) } ?? true }
            .map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == channel) }
        self.villages = villages.map { Option(value: $0.name, label: $0.name, selected: $0.name == choice.village) }
        genders = [Option(value: "nữ", label: Gender.female.label(english: english), selected: choice.gender == "nữ"),
                   Option(value: "nam", label: Gender.male.label(english: english), selected: choice.gender == "nam")]
        unitKinds = UnitKind.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0.rawValue == choice.unitKind) }
        self.clubs = clubs.map {
            Option(id: $0.club.id, label: "\($0.club.name) — \($0.unitName)", selected: String($0.club.id!) == choice.club)
        }
        self.activities = activities.map {
            Option(id: $0.id, label: "\(DateTimeText.display($0.startsAt)) — \($0.title)", selected: String($0.id!) == choice.activity)
        }
        ageFrom = choice.ageFrom
        ageTo = choice.ageTo
        ethnicity = choice.ethnicity
        audience = choice.audience
        audienceExamples = AudienceSpec.catalogue.filter(\.available).map {
            MessagesController.AudienceExample(spec: $0.spec, meaning: english ? $0.english : $0.meaning)
        }
        ascii = choice.ascii
        perVillage = choice.perVillage
        self.variables = variables.map { MessagesController.VariableField(variable: $0, value: choice.values[$0] ?? "", text: text) }
        hasVariables = !variables.isEmpty
        previewed = result != nil
        error = result?.error
        summary = result?.summary ?? []
        previewText = result?.isLetter == true ? "" : result?.text ?? ""
        previewHTML = result?.isLetter == true ? result?.text ?? "" : ""
        isLetter = result?.isLetter ?? false
        isLoudspeaker = channel == .loudspeaker
        rejects = result?.rejects ?? ""
        sms = result?.sms ?? []
        hasSMS = !(result?.sms.isEmpty ?? true)
        self.csrf = csrf
        self.log = log.map { MessagesController.LogRow($0, english: english) }
        hasLog = !log.isEmpty
    }
}
