import Foundation

/// A calendar day with no time of day and no zone, as Vietnamese documents speak of dates.
/// Stored in SQLite as "yyyy-MM-dd" so that text order is date order.
package struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int

    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// "2026-02-05"
    package var iso: String { "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))" }
    package var description: String { iso }

    /// "05/02/2026", as tables show dates.
    package var display: String { "\(Self.padded(day, 2))/\(Self.padded(month, 2))/\(Self.padded(year, 4))" }

    /// "ngày 05 tháng 02 năm 2026": a leading zero for days below 10 and for months 1 and 2 (NĐ 30/2020).
    package var documentForm: String {
        let monthText = month <= 2 ? Self.padded(month, 2) : String(month)
        return "ngày \(Self.padded(day, 2)) tháng \(monthText) năm \(year)"
    }

    /// The document date in the reader's language: "ngày 01 tháng 12 năm 2026" or "1 December 2026".
    package func documentForm(english: Bool) -> String {
        english ? "\(day) \(Self.englishMonths[month - 1]) \(year)" : documentForm
    }

    package static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                       "October", "November", "December"]

    /// Zero-padded decimal; String(format:) goes through Foundation and costs microseconds a call.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Parses "2026-02-05" (storage, HTML date inputs) or "05/02/2026" / "5/2/2026" (what people type).
    package init?(parsing text: String) {
        let trimmed = VietnameseText.trimmed(text)
        if trimmed.contains("-") {
            let parts = trimmed.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { return nil }
            self.init(year: parts[0], month: parts[1], day: parts[2])
        } else {
            let parts = trimmed.split(separator: "/").compactMap { Int($0) }
            guard parts.count == 3 else { return nil }
            self.init(year: parts[2], month: parts[1], day: parts[0])
        }
    }

    /// Why a typed date was refused, in Vietnamese: a date that does not exist ("31/02/2020") is not a wrong format.
    /// `what` names the field ("Ngày nhận"); nil when the text is a valid date.
    package static func problem(parsing text: String, what: String) -> String? {
        guard CivilDate(parsing: text) == nil else { return nil }
        let parts = VietnameseText.trimmed(text).split(whereSeparator: { $0 == "/" || $0 == "-" }).map { Int($0) }
        if parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] {
            let (day, month, year) = text.contains("-") ? (c, b, a) : (a, b, c)
            if !(1...12).contains(month) { return "\(what): không có tháng \(month) (tháng từ 1 đến 12)" }
            if (1...9999).contains(year) && !(1...daysIn(month: month, year: year)).contains(day) {
                return "\(what): không có ngày \(day)/\(month)/\(year) — tháng \(month) năm \(year) có \(daysIn(month: month, year: year)) ngày"
            }
        }
        return "\(what) ghi theo dạng ngày/tháng/năm, ví dụ 05/02/2026"
    }

    package static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.iso < rhs.iso }

    /// Today in Vietnam (UTC+7), whatever the server's zone.
    package static func today(now: Date = Date()) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    package init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CivilDate(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad date \(text)"))
        }
        self = date
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// Date-times shown to people: "05/02/2026 14:30" in Vietnam time.
package enum VietnamTime {
    package static let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!

    package static func display(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let pad = CivilDate.padded
        return "\(pad(p.day!, 2))/\(pad(p.month!, 2))/\(pad(p.year!, 4)) \(pad(p.hour!, 2)):\(pad(p.minute!, 2))"
    }
}
