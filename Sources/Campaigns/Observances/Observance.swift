import Foundation
import Vietnamese

/// A day the commune's campaigns gather around: a solar date, a lunar date (computed for UTC+7), or dates set each
/// year (Lifelong Learning Week, announced yearly with a theme).
public struct Observance: Sendable, Equatable {
    public enum Rule: Sendable, Equatable {
        case solar(day: Int, month: Int)
        case lunar(day: Int, month: Int)
        case yearly(start: DayMonth, end: DayMonth)
    }

    public struct DayMonth: Sendable, Equatable {
        public let day: Int
        public let month: Int

        /// "21/4" or "01/04".
        public init?(_ text: String) {
            let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/").map { Int($0) }
            guard parts.count == 2, let day = parts[0], let month = parts[1], (1...12).contains(month),
                  (1...CivilDate.daysIn(month: month, year: 2024)).contains(day) else { return nil }
            self.day = day; self.month = month
        }

        public func date(in year: Int) -> CivilDate? { CivilDate(year: year, month: month, day: day) }
        public var display: String { "\(day)/\(month)" }
    }

    public let key: String
    public let name: String
    public let rule: Rule
    public let description: String
    public let channels: [String]

    /// How the rule reads on a page: "21/4 dương lịch", "15/8 âm lịch", "đặt mỗi năm (mặc định 1/10–7/10)".
    public var ruleLabel: String {
        switch rule {
        case .solar(let day, let month): return "\(day)/\(month) dương lịch"
        case .lunar(let day, let month): return "\(day)/\(month) âm lịch"
        case .yearly(let start, let end): return "đặt mỗi năm (mặc định \(start.display)–\(end.display))"
        }
    }

    public var englishRuleLabel: String {
        switch rule {
        case .solar(let day, let month): return "\(day)/\(month) (solar calendar)"
        case .lunar(let day, let month): return "\(day)/\(month) (lunar calendar)"
        case .yearly(let start, let end): return "set each year (by default \(start.display)–\(end.display))"
        }
    }

    /// The default dates in a year (for a yearly observance, before the year's own dates are entered).
    public func defaultDates(in year: Int) -> (start: CivilDate, end: CivilDate)? {
        switch rule {
        case .solar(let day, let month):
            guard let date = CivilDate(year: year, month: month, day: day) else { return nil }
            return (date, date)
        case .lunar(let day, let month):
            guard let date = LunarCalendar.solar(.init(day: day, month: month, year: year)) else { return nil }
            return (date, date)
        case .yearly(let start, let end):
            guard let from = start.date(in: year), let to = end.date(in: year) else { return nil }
            return (from, to)
        }
    }

    public var isSetEachYear: Bool { if case .yearly = rule { return true } else { return false } }
}
