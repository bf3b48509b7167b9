import Foundation
import GRDB
import Hummingbird
import Recognition
import Store
import Vietnamese

/// What the pages of `IndicatorsController` show: one view model each, its fields one a line.
extension IndicatorsController {
    struct YearCell {
        let year: Int
        let value: String
        let expected: String
        let onTrack: Bool
        let offTrack: Bool
    }

    struct IndicatorRow {
        let key: String
        let name: String
        let unit: String
        let kind: String
        let source: String
        let baseline: String
        let target2025: String
        let target2030: String
        let cells: [YearCell]
        let chart: String
        let manual: Bool
        let note: String
        let growth: String
    }

    struct Page {
        let year: Int
        let years: [Option]
        let rows: [IndicatorRow]
        let canEdit: Bool
        let csrf: String
    }

    struct MonthRow {
        let month: Int
        let visits: String
        let readers: String
        let loans: String
        let newCards: String
        let onlineUses: String
    }

    struct VisitsPage {
        let libraries: [Option]
        let libraryId: Int64?
        let year: Int
        let years: [Option]
        let months: [MonthRow]
        let total: String
        let canEdit: Bool
        let csrf: String
    }
}

extension IndicatorsController.YearCell {
    /// An indicator's value in a year beside where its trajectory expects it.
    init(_ indicator: ProgrammeIndicator, year: Int, value: Indicators.Value, english: Bool) {
        let on = value.value.map { indicator.onTrack($0, in: year) }
        self.year = year
        self.value = indicator.display(value.value, english: english)
        expected = indicator.display(indicator.trajectory(year), english: english)
        onTrack = on == true
        offTrack = on == false
    }
}

extension IndicatorsController.IndicatorRow {
    /// An indicator over the years of `span` (ending at `year`, `values` one a year): targets, cells, chart, growth.
    init(_ indicator: ProgrammeIndicator, year: Int, span: [Int], values: [Indicators.Value], english: Bool, text: (String) -> String) {
        let perYear = english ? "%/year" : "%/năm"
        let current = values.last
        key = indicator.key
        name = indicator.name
        unit = indicator.unit
        kind = text("indicators_\(indicator.kind.rawValue)")
        source = indicator.computed != nil ? text("indicators_computed") : text("indicators_manual")
        baseline = "\(indicator.display(indicator.baseline, english: english)) (\(indicator.baselineYear))"
        target2025 = IndicatorsController.IndicatorRow.target(indicator.target2025, of: indicator, perYear: perYear, english: english)
        target2030 = IndicatorsController.IndicatorRow.target(indicator.target2030, of: indicator, perYear: perYear, english: english)
        cells = zip(span, values).map { IndicatorsController.YearCell(indicator, year: $0.0, value: $0.1, english: english) }
        // A yes/no indicator reads from its row of "Có" / "Chưa"; bars of 0 and 1 said nothing more.
        chart = indicator.kind == .yesno ? "" : TrajectoryChart.svg(years: span, values: values.map(\.value),
                                                                    expected: span.map(indicator.trajectory), title: indicator.name,
                                                                    expectedLabel: text("indicators_expected"))
        manual = indicator.computed == nil
        note = current.map { english ? EnglishMessages.english($0.note) : $0.note } ?? ""
        growth = current?.value.flatMap { indicator.compoundGrowth(to: $0, in: year) }.map { DecimalText.number($0) + perYear } ?? ""
    }

    /// A target as the table shows it: yes/no, growth a year, a share, or a count with its unit.
    static func target(_ value: Double, of indicator: ProgrammeIndicator, perYear: String, english: Bool) -> String {
        switch indicator.kind {
        case .yesno: return indicator.display(value, english: english)
        case .growth: return DecimalText.number(value) + perYear
        case .share: return DecimalText.number(value) + "%"
        case .count: return DecimalText.number(value) + " " + indicator.unit
        }
    }
}

extension IndicatorsController.Page {
    /// The indicators of a year, with the menu of the last five years.
    init(year: Int, thisYear: Int, rows: [IndicatorsController.IndicatorRow], canEdit: Bool, csrf: String) {
        self.year = year
        years = Option.years(thisYear - 4...thisYear, selected: year)
        self.rows = rows
        self.canEdit = canEdit
        self.csrf = csrf
    }
}

extension IndicatorsController.MonthRow {
    /// A month of a library's visits; empty cells for a month not entered.
    init(month: Int, counts: Indicators.MonthlyVisits?) {
        self.month = month
        visits = IndicatorsController.MonthRow.text(counts?.visits)
        readers = IndicatorsController.MonthRow.text(counts?.readers)
        loans = IndicatorsController.MonthRow.text(counts?.loans)
        newCards = IndicatorsController.MonthRow.text(counts?.newCards)
        onlineUses = IndicatorsController.MonthRow.text(counts?.onlineUses)
    }

    private static func text(_ value: Int?) -> String { value.map(String.init) ?? "" }
}

extension IndicatorsController.VisitsPage {
    /// A library's (`chosen`) twelve months of a year, and their total visits.
    init(
        libraries: [OrgUnit],
        chosen: Int64?,
        year: Int,
        thisYear: Int,
        months: [Int: Indicators.MonthlyVisits],
        canEdit: Bool,
        csrf: String
    ) {
        self.libraries = libraries.options(selected: chosen)
        libraryId = chosen
        self.year = year
        years = Option.years(thisYear - 3...thisYear, selected: year)
        self.months = (1...12).map { IndicatorsController.MonthRow(month: $0, counts: months[$0]) }
        total = VND.grouped(Int64(months.values.reduce(0) { $0 + $1.visits }))
        self.canEdit = canEdit
        self.csrf = csrf
    }
}
