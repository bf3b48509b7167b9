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
        try Data(text.utf8).write(to: URL(fileURLWithPath: script))
        let speak = ["-v", voice.rawValue, "-s", String(speed), "-f", script]
        switch format {
        case .wav:
            try run(espeak, speak + ["-w", wave], what: "espeak-ng")
            let seconds = try Self.duration(ofWAV: wave)
            try Self.move(wave, to: path)
            return Clip(path: path, seconds: seconds)
        case .mp3:
            guard let lame else { throw Failure(description: "Chưa cài lame (mã hóa MP3): apt-get install lame — hoặc xuất dạng WAV (--wav).") }
            // espeak-ng's sound goes straight into lame while it speaks (two cores, one pass), counted on the way for
            // the duration. 64 kbit/s mono at lame's quality 7: a voice at broadcast quality, a minute in half a
            // megabyte, encoded twice as fast as lame's default.
            let seconds = try pipe(espeak, speak + ["--stdout"], into: lame) { rate in
                // Raw samples: a streamed WAV's header claims a length it cannot know, which lame would write into
                // the MP3's own header (players then show hours).
                ["--quiet", "-r", "-s", String(format: "%.3f", Double(rate) / 1000), "--bitwidth", "16", "--signed", "--little-endian",
                 "-m", "m", "-b", "64", "-q", "7", "--tt", String(title.prefix(60)), "--tl", "Đèn Sách", "-", encoded]
            }
            try Self.move(encoded, to: path)
            return Clip(path: path, seconds: seconds)
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
