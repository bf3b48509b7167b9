import Foundation
import Messaging
import Speech
import Store
import Vietnamese

/// The loudspeaker's sound files of a message export: each script normalised for speech (`SpokenText`, with the
/// abbreviations of `campaigns/abbreviations.yaml`), read by espeak-ng in the chosen voice, encoded by lame, and
/// written next to the script as `BASE.mp3`, or `BASE-thon-3.mp3` for one village's script.
package struct LoudspeakerAudio: ScriptAudio {
    let spoken: SpokenText
    let synthesizer: SpeechSynthesizer
    let voice: SpeechSynthesizer.Voice
    let format: SpeechSynthesizer.AudioFormat
    /// The sound files' path without extension.
    let base: String

    package init(campaignsDirectory: String, voice: SpeechSynthesizer.Voice, format: SpeechSynthesizer.AudioFormat, base: String,
                wordsPerMinute: Int) throws {
        spoken = try SpokenText(abbreviationsFile: campaignsDirectory + "/abbreviations.yaml")
        synthesizer = try SpeechSynthesizer.installed(speed: wordsPerMinute)
        self.voice = voice; self.format = format; self.base = base
    }

    /// The audio of the commune's settings (voice, words per minute), unless a voice is chosen for this export.
    package init(settings: [String: String], campaignsDirectory: String, voice: SpeechSynthesizer.Voice? = nil,
                format: SpeechSynthesizer.AudioFormat, base: String) throws {
        try self.init(campaignsDirectory: campaignsDirectory,
                      voice: voice ?? SpeechSynthesizer.Voice(rawValue: settings[Settings.loudspeakerVoice.name] ?? "") ?? .north, format: format,
                      base: base, wordsPerMinute: Int(settings[Settings.loudspeakerWordsPerMinute.name] ?? "") ?? 130)
    }

    package func render(_ script: String, village: String?, title: String) throws -> (file: String, seconds: Int) {
        let suffix = village.map { "-" + VietnameseText.searchWords($0).joined(separator: "-") } ?? ""
        let path = base + suffix + "." + format.rawValue
        do {
            let clip = try synthesizer.render(spoken.spoken(script), voice: voice, format: format, to: path, title: title)
            return ((path as NSString).lastPathComponent, Int(clip.seconds.rounded()))
        } catch let failure as SpeechSynthesizer.Failure {
            throw MessagingError(failure.description)
        }
    }
}
