/// A Vietnamese mobile number: ten digits starting 03, 05, 07, 08 or 09, or +84 followed by nine digits.
public struct PhoneNumber: Hashable, Sendable {
    /// "+84912345678"
    public let normalized: String
    /// What the person or the file gave, kept for reference.
    public let original: String

    public enum Rejection: Error, Equatable, Sendable {
        case empty
        case invalidCharacters
        case wrongLength(digits: Int)
        case notMobilePrefix(String)
        /// An 11-digit 01xx number from before 2018, and what it became ("0169…" → "039…").
        case oldNumber(old: String, new: String)
        /// A fixed line (02xx): it cannot receive SMS.
        case landline

        /// Vietnamese reason, shown in forms and import reports.
        public var message: String {
            switch self {
            case .empty: return "Số điện thoại trống"
            case .invalidCharacters: return "Số điện thoại chỉ được gồm chữ số, dấu cách, dấu chấm, gạch ngang và dấu + ở đầu"
            case .wrongLength(let n): return "Số di động Việt Nam có 10 chữ số (0xxxxxxxxx) — số này có \(n)"
            case .notMobilePrefix(let p): return "Đầu số \(p) không phải đầu số di động Việt Nam (03, 05, 07, 08, 09)"
            case .oldNumber(let old, let new): return "Số cũ 11 chữ số: từ năm 2018 số \(old) đã đổi thành \(new); hãy ghi số mới"
            case .landline: return "Số máy cố định (đầu 02) không nhận được tin nhắn SMS; hãy ghi số di động"
            }
        }

        public var englishMessage: String {
            switch self {
            case .empty: return "The phone number is empty"
            case .invalidCharacters: return "A phone number may hold only digits, spaces, dots, dashes and a leading +"
            case .wrongLength(let n): return "A Vietnamese mobile number has 10 digits (0xxxxxxxxx); this one has \(n)"
            case .notMobilePrefix(let p): return "Prefix \(p) is not a Vietnamese mobile prefix (03, 05, 07, 08, 09)"
            case .oldNumber(let old, let new): return "An old 11-digit number: since 2018 \(old) has been \(new); write the new number"
            case .landline: return "A fixed line (starting 02) cannot receive SMS; write a mobile number"
            }
        }
    }

    public static func parse(_ text: String) -> Result<PhoneNumber, Rejection> {
        let original = VietnameseText.trimmed(text)
        guard !original.isEmpty else { return .failure(.empty) }
        var digitBytes: [UInt8] = []
        digitBytes.reserveCapacity(12)
        for byte in original.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digitBytes.append(byte)
            // A "+" before any digit: "+84 …", "(+84) 912-345-678".
            case UInt8(ascii: "+") where digitBytes.isEmpty: continue
            case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"): continue
            default: return .failure(.invalidCharacters)
            }
        }
        let digits = String(decoding: digitBytes, as: UTF8.self)
        // National form 0xxxxxxxxx, or the country code 84 with or without "+".
        var national: String
        if digits.hasPrefix("84") && (digits.count == 11 || (digits.count == 12 && digits.dropFirst(2).hasPrefix("1"))) {
            // +84 912 345 678, or an old +84 169 234 5678.
            national = "0" + digits.dropFirst(2)
        } else if digits.hasPrefix("840") && digits.count == 12 {
            national = String(digits.dropFirst(2))
        } else if digits.hasPrefix("0084") && digits.count == 13 {
            // The international prefix dialled from Vietnam: 0084 912 345 678.
            national = "0" + digits.dropFirst(4)
        } else {
            national = digits
        }
        if national.count == 11, national.hasPrefix("01"), let new = oldPrefixes[String(national.prefix(4))] {
            let old = String(national)
            return .failure(.oldNumber(old: old, new: new + old.dropFirst(4)))
        }
        if national.hasPrefix("02") && (national.count == 10 || national.count == 11) { return .failure(.landline) }
        if !national.hasPrefix("0") && national.count == 9 { national = "0" + national }
        guard national.count == 10 else { return .failure(.wrongLength(digits: national.count)) }
        let prefix = String(national.prefix(2))
        guard ["03", "05", "07", "08", "09"].contains(prefix) else { return .failure(.notMobilePrefix(prefix)) }
        return .success(PhoneNumber(normalized: "+84" + national.dropFirst(), original: original))
    }

    /// The 2018 change of 11-digit mobile numbers to 10 digits (Bộ Thông tin và Truyền thông): old prefix → new.
    static let oldPrefixes: [String: String] = [
        "0162": "032", "0163": "033", "0164": "034", "0165": "035", "0166": "036", "0167": "037", "0168": "038", "0169": "039",
        "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",
        "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
        "0186": "056", "0188": "058", "0199": "059",
    ]

    /// "0912345678" for a stored "+84912345678" (lists and spreadsheets, where spaces would get in the way).
    public static func national(_ normalized: String) -> String {
        normalized.hasPrefix("+84") ? "0" + normalized.dropFirst(3) : normalized
    }

    /// "0912 345 678": the national form people read back.
    public var display: String {
        let national = "0" + normalized.dropFirst(3)
        let chars = Array(national)
        return String(chars[0..<4]) + " " + String(chars[4..<7]) + " " + String(chars[7...])
    }
}
