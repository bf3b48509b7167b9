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

extension AnnualReportController.Section {
    /// A section staff write, with what the report holds for it.
    init(key: String, label: String, report: AnnualReport) {
        self.key = key
        self.label = label
        text = report.texts[key] ?? ""
    }
}

extension AnnualReportController.Page {
    /// A year's report: the sections to write, whether and by whom it was finalised, and the report itself (`html`);
    /// the deadline's `reminder` shows for the current year only.
    init(
        year: Int,
        thisYear: Int,
        report: AnnualReport,
        html: String,
        reminder: String,
        canEdit: Bool,
        csrf: String,
        text: (String) -> String
    ) {
        self.year = year
        years = Option.years(thisYear - 3...thisYear, selected: year)
        sections = AnnualReport.sections.map {
            AnnualReportController.Section(key: $0, label: text("report_section_\($0)"), report: report)
        }
        self.final = report.isFinal
        finalInfo = report.finalisedAt.map { "\(VietnamTime.display($0)) — \(report.finalisedBy ?? "")" } ?? ""
        self.reminder = year == thisYear ? reminder : ""
        self.canEdit = canEdit
        self.html = html
        self.csrf = csrf
    }
}
