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
