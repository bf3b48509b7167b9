import Foundation
import Store

/// What `densach export messages` and the back office ask for.
package struct ExportOptions: Sendable {
    /// `docx` (letters): the exporter writes the letters' HTML, which the caller turns into one Word document
    /// (`LetterHTML` in Office), one letter per page.
    package enum Format: String, CaseIterable, Sendable { case csv, txt, html, jsonl, docx }

    package var template: String
    package var audience: String
    package var channel: Channel
    package var format: Format?
    package var ascii = false
    /// Posts and broadcasts: one text per village of the audience instead of one for all.
    package var perVillage = false
    /// Values given by hand (`--set activity.place=Nhà văn hóa thôn 3`), over settings and today.
    package var values: [String: String] = [:]
    /// A campaign and/or activity whose title, dates and place the template may use (given `--set` values win).
    package var campaignId: Int64?
    package var activityId: Int64?
    /// Only the first N messages, nothing logged as sent: to check before exporting.
    package var previewLimit: Int?
    /// Loudspeaker scripts also read aloud into sound files (`--audio`); the durations then come from the audio.
    package var audio: (any ScriptAudio)?
    /// A bulletin's urgency instead of its template's (`--priority`).
    package var priority: Priority?
    /// When the SMS are to be sent (`--send-at`): an advertising template refuses a time outside 07:00–22:00.
    package var sendAt: Date?

    package init(template: String, audience: String, channel: Channel) {
        self.template = template; self.audience = audience; self.channel = channel
    }

    /// The format a channel gets by default, and the ones it accepts.
    package var resolvedFormat: Format { format ?? channel.defaultFormat }

    func checkFormat() throws {
        guard channel.formats.contains(resolvedFormat) else {
            throw MessagingError("Kênh \(channel.rawValue) xuất được dạng \(channel.formats.map(\.rawValue).joined(separator: ", ")), không xuất được \(resolvedFormat.rawValue).")
        }
    }
}

extension Channel {
    var defaultFormat: ExportOptions.Format {
        switch self {
        case .sms: return .csv
        case .zns: return .jsonl
        case .letter: return .html
        case .zalo, .facebook, .loudspeaker: return .txt
        }
    }

    var formats: [ExportOptions.Format] {
        switch self {
        case .sms: return [.csv, .jsonl]
        case .zns: return [.jsonl]
        case .letter: return [.html, .docx, .jsonl]
        case .zalo, .facebook, .loudspeaker: return [.txt, .jsonl]
        }
    }

    /// The consent a person must have given for this channel.
    var consentChannel: ConsentChannel? {
        switch self {
        case .sms: return .sms
        case .zns: return .zalo
        case .letter: return .letter
        case .zalo, .facebook, .loudspeaker: return nil
        }
    }
}
