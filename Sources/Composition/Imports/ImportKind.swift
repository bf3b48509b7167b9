import Foundation
import GRDB
import Office
import Socialization
import Store

/// What can be imported from a file, by the command line and the import page alike: units, people, donations,
/// from CSV or an Excel workbook (read as the CSV it holds, so the same rules, messages and all-or-nothing apply).
package enum ImportKind: String, CaseIterable, Sendable {
    case units, people, donations

    /// A file as the importers read it: an .xlsx (or an old .xls, refused with its message) becomes its sheet's CSV
    /// text and the sheet's name joins the file's; anything else is taken as CSV.
    package static func readable(_ data: Data, file: String, sheet: String? = nil) throws -> (data: Data, file: String) {
        let lower = file.lowercased()
        let workbook = lower.hasSuffix(".xlsx") || lower.hasSuffix(".xls") || data.starts(with: [0x50, 0x4B]) || data.starts(with: [0xD0, 0xCF])
        guard workbook else { return (data, file) }
        let sheet = try XLSXReader.csv(data: data, file: file, sheet: sheet)
        return (Data(sheet.text.utf8), sheet.file)
    }

    /// Runs the import in one transaction the importer manages (nothing written when a row is wrong).
    package func run(_ db: Database, data: Data, file: String, dryRun: Bool, createVillages: Bool = false,
                    duplicates: PeopleImporter.DuplicateHandling = .report, by principal: Principal,
                    progress: ((Int) -> Void)? = nil) throws -> ImportReport {
        switch self {
        case .units:
            return try UnitImporter.run(db, data: data, file: file, dryRun: dryRun, by: principal)
        case .people:
            return try PeopleImporter.run(db, data: data, file: file, options: .init(dryRun: dryRun, createVillages: createVillages, duplicates: duplicates),
                                          by: principal, progress: progress)
        case .donations:
            return try DonationCSV.importFile(db, data: data, file: file, dryRun: dryRun, by: principal)
        }
    }

    /// The columns a file of this kind may have, in the importer's order (what the import page lists).
    package var columns: [CSVHeader.Column] {
        switch self {
        case .units: return UnitImporter.columns
        case .people: return PeopleImporter.columns
        case .donations: return DonationCSV.columns
        }
    }

    /// Who may import this kind: units and gifts are commune-wide records; people also a village's editor (each row
    /// is checked against the account's villages).
    package func allowed(for principal: Principal) -> Bool {
        switch self {
        case .units: return principal.canManageUnits
        case .people: return principal.role != .viewer
        case .donations: return principal.canWriteCommuneWide
        }
    }

    /// The problems of a failed import as lines to show (the first 200, then how many more).
    package static func lines(_ report: ImportReport) -> [String] {
        report.problems.map(\.description) + (report.unlistedProblems > 0 ? ["… và \(report.unlistedProblems) lỗi khác."] : [])
    }
}
