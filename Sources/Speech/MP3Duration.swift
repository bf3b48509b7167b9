import Foundation

/// How long an MP3 plays, counted from its frames (MPEG-1, 2 and 2.5 layer III, as lame writes them): the duration a
/// script states is measured from the very file the station gets.
enum MP3Duration {
    /// Seconds of sound in `data`, or nil when no MP3 frame is found.
    static func seconds(of data: Data) -> Double? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Double? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var offset = id3Length(bytes)
            var samples = 0, rate = 0
            while offset + 4 <= bytes.count {
                guard let frame = Frame(bytes[offset], bytes[offset + 1], bytes[offset + 2]) else {
                    offset += 1  // not a frame header (a tag at the end, or padding): look further
                    continue
                }
                samples += frame.samples
                rate = frame.sampleRate
                offset += frame.length
            }
            return rate > 0 ? Double(samples) / Double(rate) : nil
        }
    }

    /// The ID3v2 tag at the start, skipped.
    private static func id3Length(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard bytes.count >= 10, bytes[0] == 0x49, bytes[1] == 0x44, bytes[2] == 0x33 else { return 0 }
        return 10 + (Int(bytes[6]) << 21 | Int(bytes[7]) << 14 | Int(bytes[8]) << 7 | Int(bytes[9]))
    }

    private struct Frame {
        let length: Int
        let samples: Int
        let sampleRate: Int

        private static let mpeg1Bitrates = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
        private static let mpeg2Bitrates = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
        private static let mpeg1Rates = [44_100, 48_000, 32_000]

        /// Reads a layer III frame header; nil for anything else.
        init?(_ first: UInt8, _ second: UInt8, _ third: UInt8) {
            guard first == 0xFF, second & 0xE0 == 0xE0, second & 0x06 == 0x02 else { return nil }
            let version = (second >> 3) & 0x03  // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
            let bitrateIndex = Int(third >> 4), rateIndex = Int((third >> 2) & 0x03), padding = Int((third >> 1) & 0x01)
            guard version != 1, bitrateIndex > 0, bitrateIndex < 15, rateIndex < 3 else { return nil }
            let mpeg1 = version == 3
            let bitrate = (mpeg1 ? Self.mpeg1Bitrates : Self.mpeg2Bitrates)[bitrateIndex] * 1000
            sampleRate = Self.mpeg1Rates[rateIndex] / (mpeg1 ? 1 : version == 2 ? 2 : 4)
            samples = mpeg1 ? 1152 : 576
            length = (mpeg1 ? 144 : 72) * bitrate / sampleRate + padding
        }
    }
}
