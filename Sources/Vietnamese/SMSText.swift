import Foundation

/// How an SMS is encoded and how many parts it costs. GSM-7: 160 characters in one message, 153 a part when split
/// (characters of the extension table such as `€ [ ] { }` count twice). Anything else forces UCS-2: 70 UTF-16 units,
/// 67 a part. Vietnamese with tones is always UCS-2, so `asciiFolded` strips tones to fit GSM-7.
public enum SMSText {
    public enum Encoding: String, Sendable, Equatable {
        case gsm7 = "GSM-7"
        case ucs2 = "UCS-2"
    }

    public struct Measure: Equatable, Sendable {
        public let encoding: Encoding
        /// Septets for GSM-7, UTF-16 units for UCS-2.
        public let length: Int
        public let segments: Int
    }

    public static func measure(_ text: String) -> Measure {
        var septets = 0
        var isGSM = true
        for byte in text.utf8 {
            guard byte < 0x80 else { isGSM = false; break }
            if GSM7.basicASCII[Int(byte)] { septets += 1 } else if GSM7.extensionASCII[Int(byte)] { septets += 2 } else { isGSM = false; break }
        }
        if !isGSM {
            // Slow path: non-ASCII letters of the GSM table (é, à, Ñ…), or a character outside it.
            isGSM = true
            septets = 0
            for scalar in text.unicodeScalars {
                guard let cost = GSM7.cost(scalar) else { isGSM = false; break }
                septets += cost
            }
        }
        if isGSM {
            return Measure(encoding: .gsm7, length: septets, segments: segments(septets, single: 160, part: 153))
        }
        let units = text.utf16.count
        return Measure(encoding: .ucs2, length: units, segments: segments(units, single: 70, part: 67))
    }

    static func segments(_ length: Int, single: Int, part: Int) -> Int {
        length <= single ? 1 : (length + part - 1) / part
    }

    /// Tones and marks removed with case kept, đ→d, Đ→D, typographic quotes and dashes made plain: "Thư viện Đăk Tờ
    /// Re" becomes "Thu vien Dak To Re". Text already in ASCII is returned as it is.
    public static func asciiFolded(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                scalars.append(scalar)
            } else if value >= 0x0300 && value <= 0x036F {
                continue
            } else if let plain = ToneStripTable.shared.plain(of: value) {
                scalars.append(plain)
            } else if let replacement = ToneStripTable.punctuation[value] {
                scalars.append(contentsOf: replacement.unicodeScalars)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

enum GSM7 {
    /// ASCII bytes in the GSM-7 basic table (everything printable except ` [ \ ] ^ { | } ~ and the back-tick, plus LF, CR).
    static let basicASCII: [Bool] = (0..<128).map { byte in
        if byte == 0x0A || byte == 0x0D { return true }
        guard byte >= 0x20 && byte < 0x7F else { return false }
        return !"`[\\]^{|}~".utf8.contains(UInt8(byte))
    }
    /// ASCII bytes of the extension table: sent as an escape and the character, two septets.
    static let extensionASCII: [Bool] = (0..<128).map { byte in "[\\]^{|}~".utf8.contains(UInt8(byte)) }
    /// Non-ASCII characters of the basic table.
    static let basicOther: Set<UInt32> = Set("£¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà_".unicodeScalars.map(\.value))

    static func cost(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        if value < 0x80 {
            if basicASCII[Int(value)] { return 1 }
            if extensionASCII[Int(value)] { return 2 }
            return nil
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
