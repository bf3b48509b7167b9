/// A Vietnamese phone number: a mobile (ten digits in a block the numbering plan allocates, `NumberingPlan`) or,
/// where asked for, a fixed line (an area code 02xx and seven or eight digits), written nationally or with +84/0084.
package struct PhoneNumber: Hashable, Sendable {
    /// "+84912345678"
    package let normalized: String
    /// What the person or the file gave, kept for reference.
    package let original: String

    package enum Rejection: Error, Equatable, Sendable {
        case empty
        case invalidCharacters
        case wrongLength(digits: Int)
        case notMobilePrefix(String)
        /// A mobile-looking prefix no network holds (053, 071, 080…).
        case unallocated(String)
        /// An 11-digit 01xx number from before 2018, and what it became ("0169…" → "039…").
        case oldNumber(old: String, new: String)
        /// A fixed line (02xx): it cannot receive SMS.
        case landline

        /// Vietnamese reason, shown in forms and import reports.
        package var message: String {
            switch self {
            case .empty: return "Số điện thoại trống"
            case .invalidCharacters: return "Số điện thoại chỉ được gồm chữ số, dấu cách, dấu chấm, gạch ngang và dấu + ở đầu"
            case .wrongLength(let n): return "Số di động Việt Nam có 10 chữ số (0xxxxxxxxx) — số này có \(n)"
            case .notMobilePrefix(let p): return "Đầu số \(p) không phải đầu số di động Việt Nam (03, 05, 07, 08, 09)"
            case .unallocated(let p): return "Đầu số \(p) chưa được cấp cho mạng di động nào; hãy kiểm tra lại số"
            case .oldNumber(let old, let new): return "Số cũ 11 chữ số: từ năm 2018 số \(old) đã đổi thành \(new); hãy ghi số mới"
            case .landline: return "Số máy cố định (đầu 02) không nhận được tin nhắn SMS; hãy ghi số di động"
            }
        }

        package var englishMessage: String {
            switch self {
            case .empty: return "The phone number is empty"
            case .invalidCharacters: return "A phone number may hold only digits, spaces, dots, dashes and a leading +"
            case .wrongLength(let n): return "A Vietnamese mobile number has 10 digits (0xxxxxxxxx); this one has \(n)"
            case .notMobilePrefix(let p): return "Prefix \(p) is not a Vietnamese mobile prefix (03, 05, 07, 08, 09)"
            case .unallocated(let p): return "Prefix \(p) is not allocated to any mobile network; check the number"
            case .oldNumber(let old, let new): return "An old 11-digit number: since 2018 \(old) has been \(new); write the new number"
            case .landline: return "A fixed line (starting 02) cannot receive SMS; write a mobile number"
            }
        }
    }

    /// Which numbers a field takes: residents' phones must receive SMS; an organisation's may be a fixed line.
    package enum Kind: Sendable { case mobile, mobileOrLandline }

    /// True for a mobile number (it can receive SMS and Zalo).
    package var isMobile: Bool { !normalized.hasPrefix("+842") }

    package static func parse(_ text: String, accepting kind: Kind = .mobile) -> Result<PhoneNumber, Rejection> {
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
        if digits.hasPrefix("84") && (digits.count == 11 || (digits.count == 12 && "12".contains(digits.dropFirst(2).first!))) {
            // +84 912 345 678, an old +84 169 234 5678, or a fixed line +84 260 3812 100.
            national = "0" + digits.dropFirst(2)
        } else if digits.hasPrefix("840") && digits.count == 12 {
            national = String(digits.dropFirst(2))
        } else if digits.hasPrefix("0084") && digits.count == 13 {
            // The international prefix dialled from Vietnam: 0084 912 345 678.
            national = "0" + digits.dropFirst(4)
        } else {
            national = digits
        }
        if national.count == 11, national.hasPrefix("01"), let new = NumberingPlan.oldPrefixes[String(national.prefix(4))] {
            let old = String(national)
            return .failure(.oldNumber(old: old, new: new + old.dropFirst(4)))
        }
        if national.hasPrefix("02") && (national.count == 10 || national.count == 11) {
            // Area codes are 02xx: the number after them has seven digits (eight in Hà Nội and Hồ Chí Minh City).
            guard kind == .mobileOrLandline else { return .failure(.landline) }
            guard national.count == 11, NumberingPlan.areaCodes.contains(String(national.prefix(4))) else {
                return .failure(.wrongLength(digits: national.count))
            }
            return .success(PhoneNumber(normalized: "+84" + national.dropFirst(), original: original))
        }
        if !national.hasPrefix("0") && national.count == 9 { national = "0" + national }
        guard national.count == 10 else { return .failure(.wrongLength(digits: national.count)) }
        let prefix = String(national.prefix(2))
        guard ["03", "05", "07", "08", "09"].contains(prefix) else { return .failure(.notMobilePrefix(prefix)) }
        guard NumberingPlan.network(ofMobile: national) != nil else {
            // Name the block as the plan does: four digits where only some four-digit blocks of it are allocated.
            let three = String(national.prefix(3))
            let splitBlock = NumberingPlan.mobile.keys.contains { $0.count == 4 && $0.hasPrefix(three) }
            return .failure(.unallocated(splitBlock ? String(national.prefix(4)) : three))
        }
        return .success(PhoneNumber(normalized: "+84" + national.dropFirst(), original: original))
    }

    /// The network that holds a mobile number's block ("Viettel"), nil for a fixed line.
    package var network: String? { isMobile ? NumberingPlan.network(ofMobile: "0" + normalized.dropFirst(3)) : nil }

    /// How a stored number is shown: grouped when it parses, as stored otherwise (numbers kept from before the rules).
    package static func display(stored: String) -> String {
        (try? parse(stored, accepting: .mobileOrLandline).get().display) ?? stored
    }

    /// "0912345678" for a stored "+84912345678" (lists and spreadsheets, where spaces would get in the way).
    package static func national(_ normalized: String) -> String {
        normalized.hasPrefix("+84") ? "0" + normalized.dropFirst(3) : normalized
    }

    /// "0912 345 678", "0260 3812 100", "024 3825 1234": the national form people read back, grouped as printed.
    package var display: String {
        let chars = Array("0" + normalized.dropFirst(3))
        func groups(_ sizes: [Int]) -> String {
            var out: [String] = [], start = 0
            for size in sizes { out.append(String(chars[start..<min(start + size, chars.count)])); start += size }
            if start < chars.count { out[out.count - 1] += String(chars[start...]) }
            return out.joined(separator: " ")
        }
        if isMobile { return groups([4, 3, 3]) }
        return chars[2] == "4" || chars[2] == "8" ? groups([3, 4, 4]) : groups([4, 4, 3])
    }
}
