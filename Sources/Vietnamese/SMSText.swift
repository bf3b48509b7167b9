import Foundation

/// How an SMS is encoded and how many parts it costs. GSM-7: 160 characters in one message, 153 a part when split
/// (characters of the extension table such as `€ [ ] { }` count twice). Anything else forces UCS-2: 70 UTF-16 units,
/// 67 a part. Vietnamese with tones is always UCS-2, so `asciiFolded` strips tones to fit GSM-7.
package enum SMSText {
    package enum Encoding: String, Sendable, Equatable {
        case gsm7 = "GSM-7"
        case ucs2 = "UCS-2"
    }

    package struct Measure: Equatable, Sendable {
        package let encoding: Encoding
        /// Septets for GSM-7, UTF-16 units for UCS-2.
        package let length: Int
        package let segments: Int
    }

    package static func measure(_ text: String) -> Measure {
        // Fast path over the bytes in place (a million messages): an ASCII text's cost from a table.
        let septets = text.utf8.withContiguousStorageIfAvailable(GSM7.asciiSeptets)
            ?? Array(text.utf8).withUnsafeBufferPointer(GSM7.asciiSeptets)
        return septets >= 0 ? gsm7(septets: septets) : measureBeyondASCII(text)
    }

    /// `measure` of a message held as UTF-8 bytes (the export's): GSM-7 from the bytes in place, else as text.
    package static func measure(utf8 bytes: [UInt8]) -> Measure {
        let septets = bytes.withUnsafeBufferPointer(GSM7.asciiSeptets)
        return septets >= 0 ? gsm7(septets: septets) : measureBeyondASCII(String(decoding: bytes, as: UTF8.self))
    }

    private static func gsm7(septets: Int) -> Measure {
        Measure(encoding: .gsm7, length: septets, segments: segments(septets, single: 160, part: 153))
    }

    /// Non-ASCII letters of the GSM table (é, à, Ñ…) still fit GSM-7; any other character forces UCS-2.
    private static func measureBeyondASCII(_ text: String) -> Measure {
        var septets = 0
        for scalar in text.unicodeScalars {
            guard let cost = GSM7.cost(scalar) else {
                let units = text.utf16.count
                return Measure(encoding: .ucs2, length: units, segments: segments(units, single: 70, part: 67))
            }
            septets += cost
        }
        return gsm7(septets: septets)
    }

    static func segments(_ length: Int, single: Int, part: Int) -> Int {
        length <= single ? 1 : (length + part - 1) / part
    }

    /// Tones and marks removed with case kept, đ→d, Đ→D, typographic quotes and dashes made plain: "Thư viện Đăk Tờ
    /// Re" becomes "Thu vien Dak To Re". Text already in ASCII is returned as it is.
    package static func asciiFolded(_ text: String) -> String {
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        appendFolded(text[...], to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `asciiFolded` of a text appended to `out`, read from its bytes in place when they are contiguous. Not generic:
    /// called from another module, a generic one runs unspecialised (10% of a million-message export).
    package static func appendFolded(_ text: Substring, to out: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ appendFolded($0, to: &out) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendFolded($0, to: &out) }
        }
    }

    /// `asciiFolded` of UTF-8 `bytes`, appended to `out`: an export folds a million names straight into the message
    /// it is writing, with no string made for each.
    package static func appendFolded(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let table = ToneStripTable.shared, punctuation = ToneStripTable.punctuation  // once, not per character
        var index = 0
        let end = bytes.count
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 { out.append(lead); index += 1; continue }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            var next = index + 1
            for _ in 1..<length where next < end {
                value = value << 6 | UInt32(bytes[next] & 0x3F)
                next += 1
            }
            if value >= 0x0300 && value <= 0x036F {
                // a combining mark (text in NFD): dropped
            } else if let plain = table.plain(of: value) {
                out.append(UInt8(plain.value))
            } else if let replacement = punctuation[value] {
                out.append(contentsOf: replacement.utf8)
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<next]))
            }
            index = next
        }
    }
}

enum GSM7 {
    /// Non-ASCII characters of the basic table.
    static let basicOther: Set<UInt32> = Set("£¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà_".unicodeScalars.map(\.value))

    /// Septets of a text in plain ASCII, or -1 when a byte is outside it or outside the GSM table.
    static func asciiSeptets(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var septets = 0
        let costs = asciiCosts  // once: a global read in the loop costs a lazy-initialisation check per byte
        for byte in bytes {
            let cost = byte < 0x80 ? costs[Int(byte)] : 0
            if cost == 0 { return -1 }
            septets += Int(cost)
        }
        return septets
    }

    /// `asciiCost` of every ASCII byte, looked up for each byte of a million messages.
    private static let asciiCosts: [UInt8] = (0..<128).map { UInt8(asciiCost(UInt8($0))) }

    /// Septets of an ASCII byte: 1 in the basic table, 2 in the extension table, 0 when GSM-7 lacks it.
    static func asciiCost(_ byte: UInt8) -> Int {
        switch byte {
        case 0x0A, 0x0D: return 1
        case 0x5B, 0x5C, 0x5D, 0x5E, 0x7B, 0x7C, 0x7D, 0x7E: return 2
        case 0x60: return 0
        case 0x20...0x7E: return 1
        default: return 0
        }
    }

    static func cost(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        if value < 0x80 {
            let cost = asciiCost(UInt8(value))
            return cost == 0 ? nil : cost
        }
        if value == 0x20AC { return 2 }  // €
        return basicOther.contains(value) ? 1 : nil
    }
}

/// Precomposed Latin letters to their plain ASCII letter, case kept (an array by code point, as in `FoldTable`).
final class ToneStripTable: Sendable {
    static let shared = ToneStripTable()
    private let plainLetters: [UInt8]

    static let punctuation: [UInt32: String] = [
        0x2018: "'", 0x2019: "'", 0x201C: "\"", 0x201D: "\"", 0x2013: "-", 0x2014: "-", 0x2026: "...", 0x00A0: " ",
        0x00AB: "\"", 0x00BB: "\"", 0x2022: "-",
    ]

    func plain(of value: UInt32) -> Unicode.Scalar? {
        guard value < UInt32(plainLetters.count) else { return nil }
        let byte = plainLetters[Int(value)]
        return byte == 0 ? nil : Unicode.Scalar(byte)
    }

    private init() {
        var table = [UInt8](repeating: 0, count: 0x1F00)
        for range in [0x00C0...0x024F, 0x1E00...0x1EFF] as [ClosedRange<UInt32>] {
            for value in range {
                guard let scalar = Unicode.Scalar(value),
                      let first = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first,
                      first.value < 0x80, first.properties.isAlphabetic else { continue }
                table[Int(value)] = UInt8(first.value)
            }
        }
        table[0x0110] = UInt8(ascii: "D")
        table[0x0111] = UInt8(ascii: "d")
        plainLetters = table
    }
}
