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

extension ClubIndicatorController.ClubRow {
    /// A club of the house, `active` holding the ids of the clubs regularly active today.
    init(_ item: ClubStore.ListItem, active: Set<Int64>, english: Bool) {
        id = item.club.id!
        name = item.club.name
        kind = item.club.kind.label(english: english)
        field = item.club.field.label(english: english)
        members = item.members
        lastSession = item.lastSession?.display ?? ""
        status = item.club.status.label(english: english)
        self.active = active.contains(item.club.id!)
    }
}

extension ClubIndicatorController.HousePage {
    /// A cultural house's clubs, and whether one of them makes the house count under the activity rule.
    init(
        unitId: Int64,
        items: [ClubStore.ListItem],
        active: Set<Int64>,
        rule: ActivityRule,
        today: CivilDate,
        canCreate: Bool,
        english: Bool
    ) {
        let rows = items.map { ClubIndicatorController.ClubRow($0, active: active, english: english) }
        self.unitId = unitId
        counts = rows.contains(where: \.active)
        ruleMonths = rule.months
        self.today = today.display
        clubs = rows
        hasClubs = !rows.isEmpty
        self.canCreate = canCreate
    }
}

extension ClubIndicatorController.BreakdownRow {
    /// Active clubs and the houses holding them, for one kind, field or age group.
    init(_ breakdown: ActivityIndicator.Breakdown, english: Bool) {
        label = breakdown.label(english: english)
        clubs = breakdown.clubs
        houses = breakdown.houses
    }
}

extension ClubIndicatorController.Breakdown {
    /// A table of the indicator by kind, field or age group.
    init(title: String, breakdowns: [ActivityIndicator.Breakdown], english: Bool) {
        self.title = title
        rows = breakdowns.map { ClubIndicatorController.BreakdownRow($0, english: english) }
    }
}

extension ClubIndicatorController.HouseRow {
    /// A cultural house of the list, and whether it counts (`activeHouseIds`).
    init(_ item: UnitListItem, activeHouseIds: Set<Int64>) {
        id = item.unit.id!
        name = item.unit.name
        counts = activeHouseIds.contains(item.unit.id!)
    }
}

extension ClubIndicatorController.IndicatorPage {
    /// The indicator on `date`: the share, the month-by-month chart of `year` with the plan's line (from the
    /// programme's `indicators`), the breakdowns and the houses.
    init(
        date: CivilDate,
        year: Int,
        indicator: ActivityIndicator,
        monthly: [(month: Int, share: Double, active: Int, houses: Int)],
        houses: [UnitListItem],
        indicators: [ProgrammeIndicator],
        english: Bool,
        text: (String) -> String
    ) {
        self.date = date.display
        self.year = year
        share = DecimalText.percent(indicator.share)
        activeHouses = indicator.activeHouses
        self.houses = indicator.houses
        ruleMonths = indicator.rule.months
        chart = MonthChart.svg(monthly.map { ($0.month, $0.share) }, title: text("clubs_chartCaption") + " \(year)",
                               target: indicators.first { $0.computed == Indicators.culturalHousesActive }.map {
                                   ($0.trajectory(year), text("indicators_expected") + " \(year)")
                               })
        breakdowns = [ClubIndicatorController.Breakdown(title: text("clubs_kind"), breakdowns: indicator.byKind, english: english),
                      ClubIndicatorController.Breakdown(title: text("clubs_field"), breakdowns: indicator.byField, english: english),
                      ClubIndicatorController.Breakdown(title: text("clubs_ages"), breakdowns: indicator.byAgeGroup, english: english)]
        houseRows = houses.map { ClubIndicatorController.HouseRow($0, activeHouseIds: indicator.activeHouseIds) }
    }
}
