import Campaigns
import Foundation
import Hummingbird
import Store
import Vietnamese

/// What the pages of `CalendarController` show: one view model each, its fields one a line.
extension CalendarController {
    struct DayCell {
        let day: String
        let marked: Bool
        let today: Bool
        let title: String
        let lunar: String
    }

    struct Week {
        let days: [DayCell]
    }

    struct EventRow {
        let dates: String
        let name: String
        let provisional: Bool
        let place: String
        let theme: String
    }

    struct Month {
        let name: String
        let weeks: [Week]
        let events: [EventRow]
        let hasEvents: Bool
    }

    struct CalendarPage {
        let year: Int
        let previous: Int
        let next: Int
        let months: [Month]
        let weekdays: [String]
        let csrf: String
    }

    struct FeedPage {
        let allURL: String
        let campaignURL: String
    }

    struct ObservanceRow {
        let name: String
        let rule: String
        let dates: String
        let theme: String
        let channels: String
        let provisional: Bool
        let yearly: Bool
        let action: String
        let start: String
        let end: String
        let festivalAction: String?
        let festivalName: String
        let festivalUnits: [Option]
        let note: String
    }

    struct ObservancesPage {
        let year: Int
        let rows: [ObservanceRow]
        let canSetYear: Bool
        let villages: [Option]
        let canAddFestival: Bool
        let csrf: String
        let errors: [String: String]
    }
}

// MARK: Built from the store's values

extension CalendarController.DayCell {
    /// A day of a month's grid: marked when something happens, its lunar date in the title (and shown on the 1st and
    /// the 15th of the lunar month).
    init(_ date: CivilDate, items: [Occurrence], today: CivilDate, english: Bool) {
        let hits = items.filter { $0.covers(date) }
        let lunar = LunarCalendar.lunar(date)
        let lunarNote = english ? " (lunar \(lunar.description))" : " (âm lịch \(lunar.description))"
        day = String(date.day)
        marked = !hits.isEmpty
        self.today = date == today
        title = ([date.display + lunarNote] + hits.map(\.name)).joined(separator: " · ")
        self.lunar = lunar.day == 1 || lunar.day == 15 ? lunar.description : ""
    }
}

extension CalendarController.EventRow {
    /// Something that happens in the month: its dates, name, place and theme.
    init(_ item: Occurrence) {
        dates = item.start == item.end ? item.start.display : "\(item.start.display) – \(item.end.display)"
        name = item.name
        provisional = item.isProvisional
        place = item.place ?? ""
        theme = item.theme ?? ""
    }
}

extension CalendarController.Month {
    /// A month's grid, Monday first as Vietnamese calendars print, and the list of what happens in it.
    init(year: Int, month: Int, items: [Occurrence], today: CivilDate, english: Bool) {
        let first = CivilDate(year: year, month: month, day: 1)!
        let days = CivilDate.daysIn(month: month, year: year)
        let blank = CalendarController.DayCell(day: "", marked: false, today: false, title: "", lunar: "")
        var cells = Array(repeating: blank, count: first.isoWeekday - 1)
        for day in 1...days {
            cells.append(CalendarController.DayCell(CivilDate(year: year, month: month, day: day)!, items: items, today: today, english: english))
        }
        while cells.count % 7 != 0 { cells.append(blank) }
        let last = CivilDate(year: year, month: month, day: days)!
        let events = items.filter { $0.start <= last && $0.end >= first }.map { CalendarController.EventRow($0) }
        name = english ? CivilDate.englishMonths[month - 1] : "Tháng \(month)"
        weeks = stride(from: 0, to: cells.count, by: 7).map { CalendarController.Week(days: Array(cells[$0..<$0 + 7])) }
        self.events = events
        hasEvents = !events.isEmpty
    }
}

extension CalendarController.CalendarPage {
    /// The year calendar: twelve month grids where the observances and the campaigns' activities are marked.
    init(year: Int, observed: [Occurrence], activities: [Activity], today: CivilDate, english: Bool, csrf: String) {
        // Activities join the observances on the grid: a day is marked when either happens.
        let items = (observed + activities.compactMap { activity -> Occurrence? in
            guard let start = activity.startDate, let end = activity.endDate else { return nil }
            return Occurrence(source: .observance("activity-\(activity.id!)"), name: String(activity.startsAt.dropFirst(11)) + " " + activity.title,
                              start: start, end: end, ruleLabel: activity.kind.label(english: english), theme: nil, isProvisional: false,
                              channels: activity.channelList, place: activity.place)
        }).sorted { ($0.start, $0.name) < ($1.start, $1.name) }
        self.year = year
        previous = year - 1
        next = year + 1
        months = (1...12).map { month in CalendarController.Month(year: year, month: month, items: items, today: today, english: english) }
        weekdays = english ? ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] : ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
        self.csrf = csrf
    }
}

extension CalendarController.ObservanceRow {
    /// A line of the observance table: its dates for the year, the form that sets them (yearly observances) and, for a
    /// local festival this account may write, the form that corrects it.
    init(_ item: Occurrence, catalogue: ObservanceCatalogue, festivals: [LocalFestival], villages: [(id: Int64, name: String)], year: Int,
         principal: Principal, english: Bool) {
        let key: String? = if case .observance(let key) = item.source { key } else { nil }
        let festivalId: Int64? = if case .festival(let id) = item.source { id } else { nil }
        let festivalUnit = festivalId.flatMap { id in festivals.first { $0.id == id }?.unitId }
        let editable = festivalId != nil && (festivalUnit.map { principal.canWrite(unitId: $0) } ?? principal.canWriteCommuneWide)
        name = item.name + (item.place.map { " — \($0)" } ?? "")
        rule = item.ruleLabel(english: english)
        dates = item.start == item.end ? item.start.display : "\(item.start.display) – \(item.end.display)"
        theme = item.theme ?? ""
        channels = item.channels.joined(separator: ", ")
        provisional = item.isProvisional
        yearly = key.flatMap { catalogue.observance($0)?.isSetEachYear } ?? false
        action = "/campaigns/observances/\(key ?? "")/\(year)"
        start = item.start.display
        end = item.end.display
        festivalAction = editable ? "/campaigns/festivals/\(festivalId!)" : nil
        festivalName = item.name
        festivalUnits = villages.filter { principal.canWrite(unitId: $0.id) }
            .map { Option(id: $0.id, label: $0.name, selected: $0.id == festivalUnit) }
        note = item.theme ?? ""
    }
}

extension CalendarController.ObservancesPage {
    /// The year's observances and local festivals, with the forms this account may use.
    init(year: Int, items: [Occurrence], catalogue: ObservanceCatalogue, villages: [(id: Int64, name: String)], festivals: [LocalFestival],
         principal: Principal, english: Bool, csrf: String, errors: [String: String]) {
        let writable = villages.filter { principal.canWrite(unitId: $0.id) }
        self.year = year
        rows = items.map {
            CalendarController.ObservanceRow($0, catalogue: catalogue, festivals: festivals, villages: villages, year: year, principal: principal,
                                             english: english)
        }
        canSetYear = principal.canWriteCommuneWide
        self.villages = writable.map { Option(id: $0.id, label: $0.name, selected: false) }
        canAddFestival = principal.role != .viewer && (principal.canWriteCommuneWide || !writable.isEmpty)
        self.csrf = csrf
        self.errors = errors
    }
}

/// What the answers of `ObservancesAPI` show: one view model each, its fields one a line.
extension ObservancesAPI {
    struct Item: Encodable {
        let key: String?
        let festivalId: Int64?
        let name: String
        let start: String
        let end: String
        let rule: String
        let theme: String?
        let provisional: Bool
        let channels: [String]
        let place: String?
    }
}

extension ObservancesAPI.Item {
    /// An observance or a local festival of the year, with its dates.
    init(_ item: Occurrence) {
        switch item.source {
        case .observance(let k):
            key = k
            festivalId = nil
        case .festival(let id):
            key = nil
            festivalId = id
        }
        name = item.name
        start = item.start.iso
        end = item.end.iso
        rule = item.ruleLabel
        theme = item.theme
        provisional = item.isProvisional
        channels = item.channels
        place = item.place
    }
}
