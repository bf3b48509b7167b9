import Foundation
import Vietnamese

/// A day the commune's campaigns gather around: a solar date, a lunar date (computed for UTC+7), or dates set each
/// year (Lifelong Learning Week, announced yearly with a theme).
package struct Observance: Sendable, Equatable {
    package enum Rule: Sendable, Equatable {
        case solar(day: Int, month: Int)
        case lunar(day: Int, month: Int)
        case yearly(start: DayMonth, end: DayMonth)
    }

    package struct DayMonth: Sendable, Equatable {
        package let day: Int
        package let month: Int

        /// "21/4" or "01/04".
        package init?(_ text: String) {
            let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/").map { Int($0) }
            guard parts.count == 2, let day = parts[0], let month = parts[1], (1...12).contains(month),
                  (1...CivilDate.daysIn(month: month, year: 2024)).contains(day) else { return nil }
            self.day = day; self.month = month
        }

        package func date(in year: Int) -> CivilDate? { CivilDate(year: year, month: month, day: day) }
        package var display: String { "\(day)/\(month)" }
    }

    /// The dates and theme of one year of an observance set each year, as announced (from the data file).
    package struct AnnouncedYear: Sendable, Equatable {
        package let year: Int
        package let start: CivilDate
        package let end: CivilDate
        package let theme: String?
        /// Where the dates were announced ("Công văn 5201/BGDĐT-GDTX ngày 09/9/2024").
        package let source: String?
    }

    package let key: String
    package let name: String
    package let rule: Rule
    package let description: String
    package let channels: [String]
    /// The year the day was established: it is not on the calendar of earlier years. Nil for traditional days.
    package let since: Int?
    /// Past years' announced dates of a yearly observance; a year not listed falls back to the usual dates.
    package let announced: [AnnouncedYear]

    package init(key: String, name: String, rule: Rule, description: String, channels: [String], since: Int? = nil,
                announced: [AnnouncedYear] = []) {
        self.key = key; self.name = name; self.rule = rule; self.description = description; self.channels = channels
        self.since = since; self.announced = announced
    }

    /// False for the years before the day was established.
    package func isObserved(in year: Int) -> Bool { since.map { year >= $0 } ?? true }

    /// How the rule reads on a page: "21/4 dương lịch, từ năm 2014", "15/8 âm lịch", "đặt mỗi năm (mặc định 1/10–7/10)".
    package var ruleLabel: String {
        let since = self.since.map { ", từ năm \($0)" } ?? ""
        switch rule {
        case .solar(let day, let month): return "\(day)/\(month) dương lịch\(since)"
        case .lunar(let day, let month): return "\(day)/\(month) âm lịch\(since)"
        case .yearly(let start, let end): return "đặt mỗi năm (mặc định \(start.display)–\(end.display))\(since)"
        }
    }

    package var englishRuleLabel: String {
        let since = self.since.map { ", since \($0)" } ?? ""
        switch rule {
        case .solar(let day, let month): return "\(day)/\(month) (solar calendar)\(since)"
        case .lunar(let day, let month): return "\(day)/\(month) (lunar calendar)\(since)"
        case .yearly(let start, let end): return "set each year (by default \(start.display)–\(end.display))\(since)"
        }
    }

    /// The default dates in a year (for a yearly observance, before the year's own dates are entered).
    package func defaultDates(in year: Int) -> (start: CivilDate, end: CivilDate)? {
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

    package var isSetEachYear: Bool { if case .yearly = rule { return true } else { return false } }
}
