import Composition
import Foundation
import GRDB
import Hummingbird
import Recognition
import Store
import Vietnamese

/// What the pages of `AnnualReportController` show: one view model each, its fields one a line.
extension AnnualReportController {
    struct Section {
        let key: String
        let label: String
        let text: String
    }

    struct Page {
        let year: Int
        let years: [Option]
        let sections: [Section]
        let final: Bool
        let finalInfo: String
        let reminder: String
        let canEdit: Bool
        let html: String
        let csrf: String
    }
}
