import Foundation
import Vietnamese

/// A loudspeaker script as it should be read aloud: numbers, dates, times, money, phone numbers, percentages,
/// ranges, ordinals and abbreviations written out in Vietnamese words before a speech engine sees it. espeak-ng
/// reads "21/4" as digits and a slash and stumbles on long digit strings; the result of `spoken` holds no digit at all.
///
/// The rules follow how an announcer reads: "21/4" → "ngày hai mươi mốt tháng tư", "8h30" → "tám giờ ba mươi phút",
/// "1.500.000 đồng" → "một triệu năm trăm nghìn đồng", "0905 123 456" read digit by digit in three groups,
/// "18-60 tuổi" → "từ mười tám đến sáu mươi tuổi", "thứ 2" → "thứ hai", "UBND" → "Ủy ban nhân dân".
package struct SpokenText: @unchecked Sendable {  // NSRegularExpression is immutable and safe to share
    /// Abbreviation → what is said ("UBND" → "Ủy ban nhân dân"), matched as whole words, case as written.
    package let abbreviations: [String: String]
    /// Every abbreviation in one pattern, longest first (so "MTTQVN" is not read as "MTTQ" + "VN"): compiled once,
    /// not for each script.
    private let abbreviationPattern: NSRegularExpression?

    package init(abbreviations: [String: String] = [:]) {
        self.abbreviations = abbreviations
        let alternatives = abbreviations.keys.sorted { ($0.count, $0) > ($1.count, $1) }.map(NSRegularExpression.escapedPattern(for:))
        abbreviationPattern = alternatives.isEmpty ? nil : Self.pattern("(?<![\\p{L}\\d])(?:" + alternatives.joined(separator: "|") + ")(?![\\p{L}\\d])")
    }

    /// The script in words.
    package func spoken(_ text: String) -> String {
        var text = text
        text = Self.replace(Self.phone, in: text) { groups in Self.digitByDigit(groups[0]) }
        text = Self.replace(Self.dateRange, in: text) { groups in
            "từ " + Self.date(day: groups[1], month: groups[2], year: groups[3], sayDay: true)
                + " đến " + Self.date(day: groups[4], month: groups[5], year: groups[6], sayDay: true)
        }
        text = Self.replace(Self.date, in: text) { groups in
            // "ngày 21/4" already says "ngày", "mùng 5/4" already "mùng".
            let said = Self.date(day: groups[2], month: groups[3], year: groups[4], sayDay: groups[1].isEmpty)
            return groups[1].lowercased().hasPrefix("mùng") && said.hasPrefix("mùng ") ? groups[1] + said.dropFirst(5) : groups[1] + said
        }
        text = Self.replace(Self.timeRange, in: text) { groups in
            "từ " + Self.time(groups[1], groups[2]) + " đến " + Self.time(groups[3], groups[4])
        }
        text = Self.replace(Self.time, in: text) { groups in Self.time(groups[1], groups[2]) }
        text = Self.replace(Self.money, in: text) { groups in
            guard let amount = Self.amount(groups[1], scale: groups[2]) else { return groups[0] }
            return AmountInWords.words(amount) + " đồng"
        }
        text = Self.replace(Self.percent, in: text) { groups in Self.number(groups[1]) + " phần trăm" }
        text = Self.replace(Self.numberRange, in: text) { groups in "từ " + Self.number(groups[1]) + " đến " + Self.number(groups[2]) }
        // Abbreviations before the bare numbers: a unit such as "m2" holds a digit.
        text = expandAbbreviations(text)
        text = Self.replace(Self.ordinal, in: text) { groups in groups[1] + " " + Self.ordinal(groups[2]) }
        text = Self.replace(Self.number, in: text) { groups in
            // A bare run of more than four digits is a code or an account, read digit by digit; quantities that
            // large are written with dots ("12.345"). A letter against the number gets a space ("5A" → "năm A").
            let digits = groups[2]
            let said = digits.count > 4 && digits.allSatisfy(\.isNumber) ? Self.digitByDigit(digits) : Self.number(digits)
            return (groups[1].isEmpty ? "" : groups[1] + " ") + said + (groups[3].isEmpty ? "" : " " + groups[3])
        }
        text = Self.replace(Self.symbol, in: text) { groups in Self.symbols[groups[0]] ?? groups[0] }
        // Anything left with digits (a code, a stray "x2") is read digit by digit: no digit reaches the engine.
        text = Self.replace(Self.digits, in: text) { groups in Self.digitByDigit(groups[0]) }
        return text.replacingOccurrences(of: "[ \\t]{2,}", with: " ", options: .regularExpression)
    }

    // MARK: Patterns, in the order they apply

    /// 0905123456, 0905 123 456, 0905.123.456, +84 905 123 456, 84905123456.
    static let phone = pattern(#"(?<![\d.,])(?:\+84|84|0)[35789](?:[ .]?\d){8}(?!\d|[.,]\d)"#)
    /// 21/4/2026 - 25/4/2026, 21/4 – 25/4.
    static let dateRange = pattern(#"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\s*[-–—]\s*(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])"#)
    /// 21/4, 21/04/2026, ngày 5/10 ("ngày " kept in group 1).
    static let date = pattern(#"((?:[Nn]gày|[Mm]ùng)\s+)?(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])"#)
    /// 7h30 - 11h, 7:30–11:00.
    static let timeRange = pattern(#"(?<![\d:.,])(\d{1,2})(?:h(?!\p{L})|:(?=\d{2})|\s?giờ)\s?(\d{2})?\s*[-–—]\s*(\d{1,2})(?:h(?!\p{L})|:(?=\d{2})|\s?giờ)\s?(\d{2})?(?![\d:])"#)
    /// 8h, 8h00, 19h30, 8:30, 8 giờ 30 ("2 hộ" is not a time: the h must end the word).
    static let time = pattern(#"(?<![\d:.,])(\d{1,2})(?:h(?!\p{L})|h(?=\d{2})|:(?=\d{2})|\s?giờ)\s?(\d{2})?(?:\s?phút)?(?![\d:])"#)
    /// 1.500.000 đồng, 1.500.000đ, 500.000 VNĐ, 1,5 triệu đồng, 2 tỷ đồng.
    static let money = pattern(#"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s?(triệu|tỷ|tỉ|nghìn|ngàn)?\s?(?:đồng|đ\b|VNĐ|VND|vnđ)(?!\p{L})"#)
    /// 40%, 72,5 %.
    static let percent = pattern(#"(?<![\d.,])(\d+(?:,\d+)?)\s?%"#)
    /// 18-60, 3 – 5 (not dates or phones: those went before).
    static let numberRange = pattern(#"(?<![\d.,/])(\d+)\s?[-–—]\s?(\d+)(?![\d.,/])"#)
    /// thứ 2, lần thứ 3, hạng 1.
    static let ordinal = pattern(#"(thứ|hạng)\s+(\d+)(?!\d)"#)
    /// 2026, 1.067, 1,5 (a decimal comma), 15.
    static let number = pattern(#"(\p{L})?((?<![\d.,])\d{1,3}(?:\.\d{3})+(?!\d)|(?<![\d.,])\d+(?:,\d+)?(?!\d))(\p{L})?"#)
    static let symbol = pattern(#"[&+=@#*]|(?<=\s)[-–—](?=\s)"#)
    static let digits = pattern(#"\d+"#)

    static let symbols = ["&": "và", "+": "cộng", "=": "bằng", "@": "a còng", "#": "số", "*": "", "-": ",", "–": ",", "—": ","]

    static func pattern(_ text: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: text)  // the patterns are constants, tested
    }

    /// Replaces each match, given its groups (0 the whole match; a group that did not take part is "").
    static func replace(_ pattern: NSRegularExpression, in text: String, with make: ([String]) -> String) -> String {
        let whole = NSRange(text.startIndex..., in: text)
        var result = "", last = text.startIndex
        for match in pattern.matches(in: text, range: whole) {
            guard let range = Range(match.range, in: text) else { continue }
            let groups = (0..<match.numberOfRanges).map { index in Range(match.range(at: index), in: text).map { String(text[$0]) } ?? "" }
            result += text[last..<range.lowerBound] + make(groups)
            last = range.upperBound
        }
        return result + text[last...]
    }

    // MARK: Reading

    static let digitWords = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

    /// "0905 123 456" → "không chín không năm, một hai ba, bốn năm sáu": groups as written, or 4-3-3.
    static func digitByDigit(_ text: String) -> String {
        var digits = text.filter(\.isNumber)
        if text.hasPrefix("+84") || (text.hasPrefix("84") && digits.count == 11) { digits = "0" + digits.dropFirst(2) }
        let groups: [Substring]
        let written = text.split(whereSeparator: { $0 == " " || $0 == "." }).filter { !$0.isEmpty }
        if written.count > 1 && !text.hasPrefix("+") {
            groups = written.map { $0.filter(\.isNumber)[...] }
        } else if digits.count == 10 {
            groups = [digits.prefix(4), digits.dropFirst(4).prefix(3), digits.suffix(3)]
        } else {
            groups = stride(from: 0, to: digits.count, by: 3).map { digits.dropFirst($0).prefix(3) }
        }
        return groups.map { group in group.compactMap { $0.wholeNumberValue.map { digitWords[$0] } }.joined(separator: " ") }
            .filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// "1.067" → "một nghìn không trăm sáu mươi bảy"; "1,5" → "một phẩy năm"; past a billion billion, digit by digit.
    static func number(_ text: String) -> String {
        let parts = text.split(separator: ",", maxSplits: 1)
        let whole = parts[0].filter(\.isNumber)
        guard whole.count <= 15, let value = UInt64(whole) else { return digitByDigit(String(text)) }
        var said = AmountInWords.words(value)
        if parts.count == 2 {
            // After the comma, a short part is read as a number ("phẩy năm", "phẩy hai lăm"), a long one digit by digit.
            let decimals = parts[1]
            said += " phẩy " + (decimals.count <= 2 && !decimals.hasPrefix("0") ? AmountInWords.words(UInt64(decimals) ?? 0)
                                                                               : decimals.compactMap { $0.wholeNumberValue.map { digitWords[$0] } }.joined(separator: " "))
        }
        return said
    }

    /// "thứ 1" is "thứ nhất", "thứ 4" "thứ tư"; others as the number.
    static func ordinal(_ text: String) -> String {
        switch text {
        case "1": return "nhất"
        case "4": return "tư"
        default: return number(text)
        }
    }

    /// "ngày hai mươi mốt tháng tư năm hai nghìn không trăm hai mươi sáu"; days 1–10 are "mùng". Not a real day or
    /// month (say "5/40" of a score) is read as numbers with "trên".
    static func date(day: String, month: String, year: String, sayDay: Bool) -> String {
        guard let d = Int(day), let m = Int(month), (1...31).contains(d), (1...12).contains(m) else {
            return number(day) + " trên " + number(month) + (year.isEmpty ? "" : " trên " + number(year))
        }
        let dayWords = d <= 10 ? "mùng " + AmountInWords.words(UInt64(d)) : AmountInWords.words(UInt64(d))
        let monthWords = m == 4 ? "tư" : AmountInWords.words(UInt64(m))
        var said = (sayDay ? "ngày " : "") + dayWords + " tháng " + monthWords
        if let y = UInt64(year) { said += " năm " + AmountInWords.words(y) }
        return said
    }

    /// "8", "30" → "tám giờ ba mươi phút"; "19", "" → "mười chín giờ".
    static func time(_ hours: String, _ minutes: String) -> String {
        guard let h = Int(hours), h < 24 else { return number(hours) + " giờ" }
        let m = Int(minutes) ?? 0
        return AmountInWords.words(UInt64(h)) + " giờ" + (m > 0 && m < 60 ? " " + AmountInWords.words(UInt64(m)) + " phút" : "")
    }

    /// "1.500.000" → 1500000; "1,5" with "triệu" → 1500000.
    static func amount(_ digits: String, scale: String) -> UInt64? {
        let multiplier: Double = switch scale {
        case "triệu": 1_000_000
        case "tỷ", "tỉ": 1_000_000_000
        case "nghìn", "ngàn": 1_000
        default: 1
        }
        if digits.contains(".") { return UInt64(digits.replacingOccurrences(of: ".", with: "")).map { $0 * UInt64(multiplier) } }
        guard let value = Double(digits.replacingOccurrences(of: ",", with: ".")) else { return nil }
        return UInt64((value * multiplier).rounded())
    }

    /// Whole-word abbreviations ("UBND" is not read inside "UBNDX"), in one pass.
    func expandAbbreviations(_ text: String) -> String {
        guard let abbreviationPattern else { return text }
        return Self.replace(abbreviationPattern, in: text) { groups in abbreviations[groups[0]] ?? groups[0] }
    }
}
