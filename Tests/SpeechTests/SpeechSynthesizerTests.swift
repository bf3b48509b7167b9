import Foundation
@testable import Speech
import Testing

/// Sound files for the loudspeaker, read by independent tools: `soxi` (sox) decodes the MP3 and measures it.
/// Needs espeak-ng, lame and sox (`.ci/run` installs them); without them, and outside CI, the suite is skipped.
/// espeak-ng, lame and soxi on PATH.
let speechToolsPresent = ["espeak-ng", "lame", "soxi"].allSatisfy { SpeechSynthesizer.which($0) != nil }

@Suite("Loudspeaker audio", .enabled(if: speechToolsPresent || ProcessInfo.processInfo.environment["CI"] != nil,
                                     "espeak-ng, lame and sox are not installed here (apt-get install espeak-ng lame sox libsox-fmt-mp3)"))
struct SpeechSynthesizerTests {
    /// `soxi -D FILE`: the duration an independent decoder finds, in seconds.
    static func measured(_ path: String) throws -> Double {
        try #require(Double(try soxi("-D", path).trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    static func soxi(_ option: String, _ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(SpeechSynthesizer.which("soxi")))
        process.arguments = [option, path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "soxi reads \(path)")
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    static let script = """
        Kính thưa bà con! UBND xã thông báo: lúc 7h30 ngày 21/4/2026, tại NVH thôn 3, CLB Đọc sách tổ chức ngày hội; \
        40% hộ đã đăng ký, 18-60 tuổi đều tham gia được. Ủng hộ 1.500.000 đồng, 2,5 triệu đồng. Liên hệ 0905 123 456, \
        mã 123456789012, lần thứ 4, 20/11 – 25/11, 8h-11h30. Sách & báo; HĐND, MTTQ, HTX, TDTT, THCS.
        """

    @Test("A script with every kind of token becomes an MP3 that decodes, as long as the export says (within 15%)")
    func mp3() throws {
        let folder = NSTemporaryDirectory() + "densach-audio-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spoken = SpokenText(abbreviations: ["UBND": "Ủy ban nhân dân", "NVH": "nhà văn hóa", "CLB": "câu lạc bộ"]).spoken(Self.script)
        #expect(!spoken.contains { $0.isNumber })
        let synthesizer = try SpeechSynthesizer.installed(speed: 140)
        for voice in SpeechSynthesizer.Voice.allCases {
            let clip = try synthesizer.render(spoken, voice: voice, format: .mp3, to: folder + "/loa-\(voice.rawValue).mp3", title: "Thông báo")
            let decoded = try Self.measured(clip.path)
            #expect(clip.seconds > 10 && abs(decoded - clip.seconds) / clip.seconds < 0.15, "\(voice): stated \(clip.seconds) s, decoded \(decoded) s")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.sorted() == ["loa-vi-vn-x-central.mp3", "loa-vi-vn-x-south.mp3", "loa-vi.mp3"], "no partial file left: \(files)")
    }

    @Test("A long bulletin is spoken in parts at once and joined: one MP3 that decodes whole, as long as stated")
    func longBulletinInParts() throws {
        let folder = NSTemporaryDirectory() + "densach-audio-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paragraph = SpokenText(abbreviations: ["UBND": "Ủy ban nhân dân", "NVH": "nhà văn hóa", "CLB": "câu lạc bộ"]).spoken(Self.script)
        let bulletin = (1...3).map { _ in paragraph }.joined(separator: "\n\n")
        let parts = SpeechSynthesizer.parts(of: bulletin, count: 2)
        #expect(parts.count == 2 && parts.joined() == bulletin, "cut at a sentence, nothing lost or doubled")
        let synthesizer = try SpeechSynthesizer.installed(speed: 140)
        let whole = try synthesizer.render(bulletin, voice: .north, format: .mp3, to: folder + "/ban-tin.mp3", title: "Bản tin")
        let decoded = try Self.measured(whole.path)
        #expect(whole.seconds > 30 && abs(decoded - whole.seconds) / whole.seconds < 0.15, "stated \(whole.seconds) s, decoded \(decoded) s")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["ban-tin.mp3"], "no part left behind")
        let tags = try Self.soxi("-a", whole.path)
        #expect(tags.contains("Title=Bản tin") && tags.contains("Album=Đèn Sách"), "the player shows the title: \(tags)")
    }

    @Test("Cutting a script: short stays whole, sentences are never split, a trailing blank joins the last part")
    func cuttingAScript() {
        #expect(SpeechSynthesizer.parts(of: "Xin chào bà con.", count: 4) == ["Xin chào bà con."])
        let sentence = "Kính mời bà con đến dự ngày hội đọc sách tại nhà văn hóa thôn một vào sáng chủ nhật. "
        let long = String(repeating: sentence, count: 12) + "\n\n"
        let parts = SpeechSynthesizer.parts(of: long, count: 3)
        #expect(parts.count == 3 && parts.joined() == long)
        #expect(parts.allSatisfy { $0.hasSuffix(".") || $0.hasSuffix("\n") }, "each part ends where a sentence does")
    }

    @Test("WAV on request, measured the same; a missing voice is an error, not a silent file")
    func wavAndFailure() throws {
        let folder = NSTemporaryDirectory() + "densach-audio-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let synthesizer = try SpeechSynthesizer.installed()
        let clip = try synthesizer.render("Xin chào bà con thôn một.", voice: .south, format: .wav, to: folder + "/chao.wav")
        #expect(abs(try Self.measured(clip.path) - clip.seconds) < 0.05)
        let broken = SpeechSynthesizer(espeak: "/bin/false", lame: nil)
        #expect(throws: SpeechSynthesizer.Failure.self) { try broken.render("a", voice: .north, format: .wav, to: folder + "/x.wav") }
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.wav"))
    }
}
