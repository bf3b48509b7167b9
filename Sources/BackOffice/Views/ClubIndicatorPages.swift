import Clubs
import Foundation
import Hummingbird
import Recognition
import Store
import Vietnamese

/// What the pages of `ClubIndicatorController` show: one view model each, its fields one a line.
extension ClubIndicatorController {
    struct ClubRow {
        let id: Int64
        let name: String
        let kind: String
        let field: String
        let members: Int
        let lastSession: String
        let status: String
        let active: Bool
    }

    struct HousePage {
        let unitId: Int64
        let counts: Bool
        let ruleMonths: Int
        let today: String
        let clubs: [ClubRow]
        let hasClubs: Bool
        let canCreate: Bool
    }

    struct BreakdownRow {
        let label: String
        let clubs: Int
        let houses: Int
    }

    struct Breakdown {
        let title: String
        let rows: [BreakdownRow]
    }

    struct HouseRow {
        let id: Int64
        let name: String
        let counts: Bool
    }

    struct IndicatorPage {
        let date: String
        let year: Int
        let share: String
        let activeHouses: Int
        let houses: Int
        let ruleMonths: Int
        let chart: String
        let breakdowns: [Breakdown]
        let houseRows: [HouseRow]
    }
}
