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
            // (no Xing header, which would claim the first part's length), the ID3 tag on the first part only.
            let parts = Self.parts(of: text, count: parallelParts)
            let failures = FailureBox()
            var seconds = [Double](repeating: 0, count: parts.count)
            let encodedParts = parts.indices.map { "\(stem).\($0).mp3" }
            defer { for file in encodedParts { try? FileManager.default.removeItem(atPath: file) } }
            seconds.withUnsafeMutableBufferPointer { results in
                let results = UnsafeSendableBuffer(results)
                DispatchQueue.concurrentPerform(iterations: parts.count) { index in
                    do {
                        let partScript = "\(stem).\(index).txt"
                        defer { try? FileManager.default.removeItem(atPath: partScript) }
                        try Data(parts[index].utf8).write(to: URL(fileURLWithPath: partScript))
                        let tags = index == 0 ? ["--id3v2-only", "--tt", String(title.prefix(60)), "--tl", "Đèn Sách"] : []
                        results[index] = try pipe(espeak, voiceArguments + ["-f", partScript, "--stdout"], into: lame) { rate in
                            // Raw samples, counted on the way for the duration: a streamed WAV's header claims a
                            // length it cannot know. 64 kbit/s mono at quality 7, no ReplayGain analysis: a voice at
                            // broadcast quality, a minute in half a megabyte.
                            ["--quiet", "-r", "-s", String(format: "%.3f", Double(rate) / 1000), "--bitwidth", "16", "--signed",
                             "--little-endian", "-m", "m", "-b", "64", "-q", "7", "--noreplaygain", "-t"] + tags + ["-", encodedParts[index]]
                        }
                    } catch {
                        failures.record(error)
                    }
                }
            }
            if let failure = failures.first { throw failure }
            try Self.join(encodedParts, into: encoded)
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
        var parts: [String] = [], current = ""
        for sentence in sentences {
            current += sentence
            if current.count >= target && parts.count < count - 1 {
                parts.append(current)
                current = ""
            }
        }
        if current.contains(where: { $0.isLetter || $0.isNumber }) {
            parts.append(current)
        } else if let last = parts.popLast() {
            parts.append(last + current)  // a trailing blank joins the last part
        }
        return parts.isEmpty ? [text] : parts
    }

    /// MP3 frames follow one another, so the parts' files joined byte for byte play as one.
    private static func join(_ parts: [String], into path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let output = FileHandle(forWritingAtPath: path) else {
            throw Failure(description: "Không ghi được tệp \(path).")
        }
        defer { try? output.close() }
        for part in parts {
            guard let data = FileManager.default.contents(atPath: part) else { throw Failure(description: "Không đọc được tệp \(part).") }
            try output.write(contentsOf: data)
        }
    }

    /// Runs `speaker`, reads the header of its WAV stream, then feeds the samples to `encoder` (started with the
    /// arguments for the stream's sample rate), and returns the seconds of sound that went through.
    private func pipe(_ speaker: String, _ speakerArguments: [String], into encoder: String,
                      _ encoderArguments: (_ sampleRate: UInt32) -> [String]) throws -> Double {
        let speaking = Process(), encoding = Process()
        speaking.executableURL = URL(fileURLWithPath: speaker)
        speaking.arguments = speakerArguments
        let sound = Pipe(), input = Pipe(), speakerErrors = Pipe(), encoderErrors = Pipe()
        speaking.standardOutput = sound
        speaking.standardError = speakerErrors
        try speaking.run()
        // A watchdog: a script the engine has not read in `timeout` is given up, not waited on forever.
        var timedOut = false
        let watchdog = DispatchWorkItem { timedOut = true; speaking.terminate(); encoding.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        let reader = sound.fileHandleForReading
        var header = Data()
        while header.count < 44 {
            let chunk = reader.readData(ofLength: 44 - header.count)
            if chunk.isEmpty { break }
            header.append(chunk)
        }
        func uint32(_ offset: Int) -> UInt32 { header[offset..<offset + 4].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) } }
        guard header.count == 44, header.prefix(4) == Data("RIFF".utf8), uint32(24) > 0, uint32(28) > 0 else {
            speaking.waitUntilExit()
            let message = String(decoding: speakerErrors.fileHandleForReading.readDataToEndOfFile().prefix(300), as: UTF8.self)
            throw Failure(description: "espeak-ng không tạo được âm thanh (mã \(speaking.terminationStatus)): \(message)")
        }
        encoding.executableURL = URL(fileURLWithPath: encoder)
        encoding.arguments = encoderArguments(uint32(24))
        encoding.standardInput = input
        encoding.standardOutput = FileHandle.nullDevice
        encoding.standardError = encoderErrors
        try encoding.run()
        var bytes = 0
        let writer = input.fileHandleForWriting
        while true {
            let chunk = reader.readData(ofLength: 1 << 16)
            if chunk.isEmpty { break }
            bytes += chunk.count
            try writer.write(contentsOf: chunk)
        }
        try writer.close()
        speaking.waitUntilExit()
        encoding.waitUntilExit()
        if timedOut { throw Failure(description: "espeak-ng không đọc xong trong \(Int(timeout)) giây: đã dừng.") }
        for (process, errors, name) in [(speaking, speakerErrors, "espeak-ng"), (encoding, encoderErrors, "lame")] where process.terminationStatus != 0 {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile().prefix(300), as: UTF8.self)
            throw Failure(description: "\(name) báo lỗi (mã \(process.terminationStatus)): \(message)")
        }
        return Double(bytes) / Double(uint32(28))
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

/// The first error of parts spoken at once.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []
    func record(_ error: any Error) { lock.lock(); errors.append(error); lock.unlock() }
    var first: (any Error)? { lock.lock(); defer { lock.unlock() }; return errors.first }
}

/// Each part writes only its own slot of the results.
private struct UnsafeSendableBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Double>
    init(_ buffer: UnsafeMutableBufferPointer<Double>) { self.buffer = buffer }
    subscript(index: Int) -> Double {
        get { buffer[index] }
        nonmutating set { buffer[index] = newValue }
    }
}
