import ArgumentParser
import Composition
import Foundation
import Organisations
import Store
import Vietnamese

/// `densach import-members FILE --organisation ID`: an organisation's members from a list, all rows or none.
struct ImportMembers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-members",
        abstract: "Nhập hội viên của một tổ chức (Hội Phụ nữ, Đoàn Thanh niên…) từ tệp CSV hoặc Excel: mỗi dòng ghép với người dân đã có; lỗi ở bất kỳ dòng nào thì không ghi gì.")

    @OptionGroup var db: DatabaseOptions
    @Argument(help: "Tệp CSV hoặc .xlsx (cột: \(MembersImporter.columns.map(\.vietnamese).joined(separator: ", ")))") var file: String
    @Option(help: "Số hiệu của tổ chức (ở cuối địa chỉ trang đơn vị).") var organisation: Int64
    @Option(help: "Trang tính của tệp .xlsx (mặc định: trang đầu tiên).") var sheet: String?
    @Flag(help: "Chỉ kiểm tra, không ghi.") var dryRun = false

    func run() async throws {
        let (data, name) = try readImportFile(file, sheet: sheet)
        let database = try db.open()
        let report: ImportReport
        do {
            report = try await database.writer.writeWithoutTransaction { [organisation, dryRun, data, name] db in
                try MembersImporter.run(db, data: data, file: name, orgId: organisation, dryRun: dryRun, by: commandLinePrincipal, today: .today())
            }
        } catch let failure as CSVReader.Failure {
            throw CLIError(failure.message)
        } catch let problem as ImportReport.Problem {
            throw CLIError(problem.description)
        } catch let error as DomainError {
            throw CLIError(error.message)
        }
        try reportProblems(report)
        let added = (report.created.isEmpty ? "" : " Người dân mới: \(report.created.joined(separator: ", ")).")
            + (report.skipped > 0 ? " \(report.skipped) người đã là hội viên, giữ nguyên." : "")
        say(dryRun ? "Kiểm tra xong: \(report.rowsRead) dòng hợp lệ, chưa ghi gì (--dry-run).\(added)"
                   : "Đã thêm \(report.inserted) hội viên từ \(ImportPlace.fileName(name)).\(added)")
    }
}
