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
