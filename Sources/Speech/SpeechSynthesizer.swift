import Foundation

/// Reads a script aloud with an offline Vietnamese voice — espeak-ng from Debian, nothing fetched at run time — and
/// encodes it as MP3 with lame (or keeps the WAV), for the commune's loudspeaker station or a smart IP loudspeaker
/// system. The file appears under its name only when complete; its duration is measured from the audio itself.
package struct SpeechSynthesizer: Sendable {
    /// espeak-ng's Vietnamese voices.
    package enum Voice: String, CaseIterable, Sendable {
        case north = "vi", central = "vi-vn-x-central", south = "vi-vn-x-south"

        package var label: String {
            switch self {
            case .north: return "Giọng miền Bắc"
            case .central: return "Giọng miền Trung"
            case .south: return "Giọng miền Nam"
            }
        }

        package var englishLabel: String {
            switch self {
            case .north: return "Northern voice"
            case .central: return "Central voice"
            case .south: return "Southern voice"
            }
        }

        package func label(english: Bool) -> String { english ? englishLabel : label }
    }

    package enum AudioFormat: String, CaseIterable, Sendable { case mp3, wav }

    package struct Failure: Error, CustomStringConvertible, Sendable {
        package let description: String
    }

    /// A spoken file: where it is and how long it plays.
    package struct Clip: Sendable, Equatable {
        package let path: String
        package let seconds: Double
    }

    let espeak: String
    let lame: String?
    /// Words per minute (espeak-ng's `-s`); an announcer reads about 150.
    package let speed: Int
    /// A script the engine has not read in this long is given up (the process is ended), not waited on forever.
    package let timeout: TimeInterval

    package init(espeak: String, lame: String?, speed: Int = 150, timeout: TimeInterval = 600) {
        self.espeak = espeak; self.lame = lame; self.speed = speed; self.timeout = timeout
    }

    /// The programs found on PATH, or a message naming the Debian packages to install.
    package static func installed(speed: Int = 150) throws -> SpeechSynthesizer {
        guard let espeak = which("espeak-ng") else {
            throw Failure(description: "Chưa cài espeak-ng (giọng đọc tiếng Việt ngoại tuyến): apt-get install espeak-ng lame")
        }
        return SpeechSynthesizer(espeak: espeak, lame: which("lame"), speed: speed)
    }

    static func which(_ program: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Speaks `text` (already normalised: `SpokenText`) into `path` as MP3 or WAV.
    package func render(_ text: String, voice: Voice, format: AudioFormat, to path: String, title: String = "") throws -> Clip {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let stem = folder + "/." + URL(fileURLWithPath: path).lastPathComponent + ".partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let script = stem + ".txt", wave = stem + ".wav", encoded = stem + ".mp3"
        defer { for file in [script, wave, encoded] { try? FileManager.default.removeItem(atPath: file) } }
        let voiceArguments = ["-v", voice.rawValue, "-s", String(speed)]
        switch format {
        case .wav:
            try Data(text.utf8).write(to: URL(fileURLWithPath: script))
            try run(espeak, voiceArguments + ["-f", script, "-w", wave], what: "espeak-ng")
            let seconds = try Self.duration(ofWAV: wave)
            try Self.move(wave, to: path)
            return Clip(path: path, seconds: seconds)
        case .mp3:
            guard let lame else { throw Failure(description: "Chưa cài lame (mã hóa MP3): apt-get install lame — hoặc xuất dạng WAV (--wav).") }
            // lame needs more time than espeak-ng to go through the same sound, so a long script is cut at sentences
            // into one part per core, each spoken straight into its own lame, and the MP3s joined: plain CBR frames
            // (no Xing header, which would claim the first part's length), the ID3 tag written once, ahead of them.
            let parts = Self.parts(of: text, count: parallelParts)
            let results = Locked([Result<Double, any Error>](repeating: .success(0), count: parts.count))
            let encodedParts = parts.indices.map { "\(stem).\($0).mp3" }
            defer { for file in encodedParts { try? FileManager.default.removeItem(atPath: file) } }
            DispatchQueue.concurrentPerform(iterations: parts.count) { index in
                let result = Result { () throws -> Double in
                    let partScript = "\(stem).\(index).txt"
                    defer { try? FileManager.default.removeItem(atPath: partScript) }
                    try Data(parts[index].utf8).write(to: URL(fileURLWithPath: partScript))
                    // espeak-ng speaks straight into lame through one pipe; lame reads the WAV header and the
                    // stream to its end (no Xing header with -t, so the header's unknown length is never copied).
                    // 64 kbit/s mono at quality 7, no ReplayGain analysis: a voice at broadcast quality, a
                    // minute in half a megabyte.
                    return try pipe(espeak, voiceArguments + ["-f", partScript, "--stdout"], into: lame,
                                    ["--quiet", "-m", "m", "-b", "64", "-q", "7", "--noreplaygain", "-t",
                                     "-", encodedParts[index]], output: encodedParts[index])
                }
                results.withLock { $0[index] = result }
            }
            // The first part's failure, if any, in the order of the script.
            let seconds = try results.withLock { $0 }.map { try $0.get() }
            try Self.join(encodedParts, after: ID3Tag.bytes(title: String(title.prefix(60)), album: "Đèn Sách"), into: encoded)
            try Self.move(encoded, to: path)
            return Clip(path: path, seconds: seconds.reduce(0, +))
        }
    }

    /// How many parts a long script is spoken in at once: one per core, at most four.
    private var parallelParts: Int { min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 4) }

    /// The script cut at sentence ends into at most `count` parts of about the same length (a short script stays whole:
    /// starting the programs twice would cost more than it saves).
    static func parts(of text: String, count: Int) -> [String] {
        guard count > 1, text.count > 600 else { return [text] }
        var sentences: [Substring] = []
        var start = text.startIndex
        for index in text.indices where ".!?\n".contains(text[index]) {
            let next = text.index(after: index)
            if next == text.endIndex || text[next].isWhitespace {
                sentences.append(text[start..<next])
                start = next
            }
        }
        if start < text.endIndex { sentences.append(text[start...]) }
        let target = text.count / count + 1
        var parts: [String] = [], current = "", length = 0
        for sentence in sentences {
            current += sentence
            length += sentence.count
            if length >= target && parts.count < count - 1 {
                parts.append(current)
                current = ""
                length = 0
            }
        }
        if current.contains(where: { $0.isLetter || $0.isNumber }) {
            parts.append(current)
        } else if let last = parts.popLast() {
            parts.append(last + current)  // a trailing blank joins the last part
        }
        return parts.isEmpty ? [text] : parts
    }

    /// MP3 frames follow one another, so the parts' files joined byte for byte play as one; the tag goes first.
    private static func join(_ parts: [String], after tag: Data, into path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let output = FileHandle(forWritingAtPath: path) else {
            throw Failure(description: "Không ghi được tệp \(path).")
        }
        defer { try? output.close() }
        try output.write(contentsOf: tag)
        for part in parts {
            guard let data = FileManager.default.contents(atPath: part) else { throw Failure(description: "Không đọc được tệp \(part).") }
            try output.write(contentsOf: data)
        }
    }

    /// Runs `speaker` with its sound going straight into `encoder`, and returns the seconds of the encoded file
    /// (counted from its frames).
    private func pipe(_ speaker: String, _ speakerArguments: [String], into encoder: String, _ encoderArguments: [String],
                      output: String) throws -> Double {
        let speaking = Process(), encoding = Process()
        let sound = Pipe(), speakerErrors = Pipe(), encoderErrors = Pipe()
        speaking.executableURL = URL(fileURLWithPath: speaker)
        speaking.arguments = speakerArguments
        speaking.standardOutput = sound
        speaking.standardError = speakerErrors
        encoding.executableURL = URL(fileURLWithPath: encoder)
        encoding.arguments = encoderArguments
        encoding.standardInput = sound
        encoding.standardOutput = FileHandle.nullDevice
        encoding.standardError = encoderErrors
        try speaking.run()
        try encoding.run()
        // Our ends of the pipe closed, so lame sees the end of the sound when espeak-ng exits.
        try? sound.fileHandleForReading.close()
        try? sound.fileHandleForWriting.close()
        // A watchdog: a script the engine has not read in `timeout` is given up, not waited on forever.
        let timedOut = Locked(false)
        let watchdog = DispatchWorkItem { timedOut.withLock { $0 = true }; speaking.terminate(); encoding.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        speaking.waitUntilExit()
        encoding.waitUntilExit()
        if timedOut.withLock({ $0 }) { throw Failure(description: "espeak-ng không đọc xong trong \(Int(timeout)) giây: đã dừng.") }
        for (process, errors, name) in [(speaking, speakerErrors, "espeak-ng"), (encoding, encoderErrors, "lame")]
        where process.terminationStatus != 0 {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile().prefix(300), as: UTF8.self)
            throw Failure(description: "\(name) báo lỗi (mã \(process.terminationStatus)): \(message)")
        }
        guard let data = FileManager.default.contents(atPath: output), let seconds = MP3Duration.seconds(of: data), seconds > 0 else {
            let message = String(decoding: speakerErrors.fileHandleForReading.readDataToEndOfFile().prefix(300), as: UTF8.self)
            throw Failure(description: "espeak-ng không tạo được âm thanh: \(message)")
        }
        return seconds
    }

    private func run(_ program: String, _ arguments: [String], what: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = done.wait(timeout: .now() + 5)
            throw Failure(description: "\(what) không đọc xong trong \(Int(timeout)) giây: đã dừng.")
        }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile().prefix(300), as: UTF8.self)
            throw Failure(description: "\(what) báo lỗi (mã \(process.terminationStatus)): \(message)")
        }
    }

    private static func move(_ source: String, to path: String) throws {
        guard rename(source, path) == 0 else { throw Failure(description: "Không ghi được tệp \(path).") }
    }

    /// Seconds of a PCM WAV file, from its `fmt ` chunk's byte rate and its `data` chunk's size.
    static func duration(ofWAV path: String) throws -> Double {
        guard let data = FileManager.default.contents(atPath: path), data.count > 44,
              data.prefix(4) == Data("RIFF".utf8), data[8..<12] == Data("WAVE".utf8) else {
            throw Failure(description: "espeak-ng không tạo được tệp âm thanh.")
        }
        func uint32(_ offset: Int) -> UInt32 { data[offset..<offset + 4].enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * $1.offset) } }
        var offset = 12, byteRate: UInt32 = 0
        while offset + 8 <= data.count {
            let id = String(decoding: data[offset..<offset + 4], as: UTF8.self), size = Int(uint32(offset + 4))
            if id == "fmt " { byteRate = uint32(offset + 16) }
            if id == "data" {
                guard byteRate > 0 else { break }
                // espeak-ng may leave the size at its maximum when writing a stream: count what is there.
                let bytes = min(size, data.count - offset - 8)
                return Double(bytes) / Double(byteRate)
            }
            offset += 8 + size + (size & 1)
        }
        throw Failure(description: "Tệp âm thanh của espeak-ng không đọc được.")
    }
}

/// A value the parts spoken at once, or the watchdog, share with the caller.
private final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Answer>(_ body: (inout Value) throws -> Answer) rethrows -> Answer {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
