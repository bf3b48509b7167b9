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
