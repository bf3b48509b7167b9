import ArgumentParser
import Composition
import Foundation
import GRDB
import Messaging
import Office
import Socialization
import Store
import Vietnamese

extension ImportKind: ExpressibleByArgument {}
extension PeopleImporter.DuplicateHandling: ExpressibleByArgument {}
extension ThankYouLetters.FileFormat: ExpressibleByArgument {}

/// What an export writes: CSV (UTF-8 with BOM) or an Excel workbook with real numbers and dates.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, xlsx
}

/// An import file as the importers read it: CSV as it is, an Excel sheet as its CSV text.
func readImportFile(_ path: String, sheet: String?) throws -> (data: Data, file: String) {
    guard let bytes = FileManager.default.contents(atPath: path) else { throw CLIError("Không đọc được tệp \(path).") }
    do {
        return try ImportKind.readable(bytes, file: (path as NSString).lastPathComponent, sheet: sheet)
    } catch let failure as XLSXReader.Failure {
        throw CLIError(failure.message)
    }
}

/// Every bad row on standard error, then a refusal when there was any: nothing was written.
func reportProblems(_ report: ImportReport) throws {
    for problem in report.problems { FileHandle.standardError.write(Data((problem.description + "\n").utf8)) }
    if report.unlistedProblems > 0 { FileHandle.standardError.write(Data("… và \(report.unlistedProblems) lỗi khác.\n".utf8)) }
    if !report.succeeded {
        throw CLIError("Không ghi gì: \(report.problems.count + report.unlistedProblems) lỗi trong \(report.rowsRead) dòng. Sửa tệp rồi nhập lại.")
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nhập đơn vị, người dân hoặc khoản ủng hộ từ tệp CSV (UTF-8) hoặc Excel (.xlsx). Lỗi ở bất kỳ dòng nào thì không ghi gì.")

    @OptionGroup var db: DatabaseOptions
    @Argument(help: "units, people hoặc donations") var kind: ImportKind
    @Argument(help: "Tệp CSV hoặc .xlsx") var file: String
    @Option(help: "Trang tính của tệp .xlsx (mặc định: trang đầu tiên).") var sheet: String?
    @Flag(help: "Chỉ kiểm tra, không ghi.") var dryRun = false
    @Flag(help: "Tự tạo thôn chưa có (khi nhập người dân).") var createVillages = false
    @Option(help: """
        Người dân có thể đã có trong danh sách: report (nhập và liệt kê), skip (bỏ qua dòng đó) \
        hoặc link (coi là người đã có: điền ô còn trống, không tạo người mới).
        """)
    var duplicates: PeopleImporter.DuplicateHandling = .report

    func run() async throws {
        let (data, name) = try readImportFile(file, sheet: sheet)
        let database = try db.open()
        let progress = TerminalProgress("Đang nhập \(file)", total: nil)
        let report: ImportReport
        do {
            report = try await database.writer.writeWithoutTransaction { [kind, dryRun, createVillages, duplicates, data, name] db in
                try kind.run(db, data: data, file: name, dryRun: dryRun, createVillages: createVillages, duplicates: duplicates, by: commandLinePrincipal,
                             progress: progress.update)
            }
        } catch let failure as CSVReader.Failure {
            throw CLIError(failure.message)
        } catch let problem as ImportReport.Problem {
            throw CLIError(problem.description)
        }
        progress.finish()
        try reportProblems(report)
        for duplicate in report.duplicates { FileHandle.standardError.write(Data((duplicate.description + "\n").utf8)) }
        if report.duplicatesNotChecked {
            say("Tệp lớn (từ \(PeopleImporter.duplicateCheckLimit + 1) dòng): chưa so từng dòng với danh sách có sẵn; xem trang Người có thể bị trùng sau khi nhập.")
        }
        let skipped = (report.skipped > 0 ? " Bỏ qua \(report.skipped) dòng có thể đã có (--duplicates skip)." : "")
            + (report.linked > 0 ? " \(report.linked) dòng được coi là người đã có, đã điền ô còn trống (--duplicates link)." : "")
        let created = (report.created.isEmpty ? "" : " Đã tạo thôn: \(report.created.joined(separator: ", ")).") + skipped
        if dryRun {
            say("Kiểm tra xong: \(report.rowsRead) dòng hợp lệ, chưa ghi gì (--dry-run).\(created.isEmpty ? "" : " Sẽ tạo thôn mới.")")
        } else {
            say("Đã nhập \(report.inserted) dòng từ \(ImportPlace.fileName(name)).\(created)")
        }
    }
}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Xuất danh sách (CSV, Excel), thư và tin nhắn theo mẫu cho một nhóm người nhận.",
        subcommands: [ExportList.self, ExportUnits.self, ExportPeople.self, ExportDonations.self, ExportLetters.self, ExportMessages.self,
                      ExportAudiences.self, ExportTemplates.self])
}

/// `--format` and `--out` of the list exports: CSV to a file or standard output, Excel to a file.
struct TableOutputOptions: ParsableArguments {
    @Option(help: "csv hoặc xlsx (Excel: số là số, ngày là ngày, dòng tiêu đề cố định có lọc).") var format: TableFormat = .csv
    @Option(help: "Tệp ra (mặc định: đầu ra chuẩn; bắt buộc với xlsx).") var out: String?

    func validate() throws {
        if format == .xlsx && out == nil { throw ValidationError("Tệp Excel cần --out TỆP.xlsx (không ghi ra đầu ra chuẩn).") }
    }
}

struct ExportUnits: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "units", abstract: "Xuất đơn vị ra CSV (UTF-8 có BOM, mở đúng trong Excel) hoặc Excel.")
    @OptionGroup var db: DatabaseOptions
    @OptionGroup var output: TableOutputOptions
    func run() async throws { try await exportList(PeopleLists.units, query: ListQuery(), database: db.open(), output: output) }
}

struct ExportPeople: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people", abstract: "Xuất người dân ra CSV (UTF-8 có BOM, mở đúng trong Excel) hoặc Excel (--format xlsx).")
    @OptionGroup var db: DatabaseOptions
    @OptionGroup var output: TableOutputOptions
    func run() async throws { try await exportList(PeopleLists.people, query: ListQuery(), database: db.open(), output: output) }
}

struct ExportDonations: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "donations", abstract: "Xuất các khoản ủng hộ (cả biên lai đã hủy) ra CSV hoặc Excel.")
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Chỉ một năm (theo năm của biên lai).") var year: Int?
    @OptionGroup var output: TableOutputOptions
    func run() async throws { try await exportList(SocializationLists.donations, query: ListQuery(year: year), database: db.open(), output: output) }
}

/// `densach export list NAME`: any list a page offers as CSV or Excel, with the same columns.
struct ExportList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Xuất một danh sách ra CSV hoặc Excel, cùng cột với nút tải trên trang.",
        discussion: "Các danh sách:\n" + Lists.all.map { "  \($0.name): \($0.summary)" }.joined(separator: "\n"))
    @OptionGroup var db: DatabaseOptions
    @Argument(help: "Tên danh sách (xem --help).") var name: String
    @Option(help: "Năm.") var year: Int?
    @Option(help: "Mã bản ghi của danh sách (câu lạc bộ, chiến dịch, quyết định).") var id: Int64?
    @Option(name: .customLong("campaign-id"), help: "Chỉ một chiến dịch.") var campaignId: Int64?
    @Option(name: .customLong("village-id"), help: "Chỉ một thôn.") var villageId: Int64?
    @Option(name: .customLong("unit-id"), help: "Chỉ một đơn vị nhận.") var unitId: Int64?
    @Option(help: "Loại (kênh đồng ý: sms, zalo…; loại ủng hộ; khóa bộ tiêu chí).") var kind: String?
    @Option(help: "Thư mục dữ liệu YAML (honours.yaml, criteria/, programme.yaml).") var campaigns = ProcessInfo.processInfo.environment["DENSACH_CAMPAIGNS_ROOT"] ?? "campaigns"
    @OptionGroup var output: TableOutputOptions

    func validate() throws {
        guard let list = Lists.named(name) else { throw ValidationError("Không có danh sách \"\(name)\". Có: \(Lists.names).") }
        if list.needsId && id == nil { throw ValidationError("Danh sách \"\(name)\" cần --id (mã bản ghi).") }
    }

    func run() async throws {
        let query = ListQuery(year: year, id: id, campaignId: campaignId, villageId: villageId, unitId: unitId, kind: kind)
        try await exportList(Lists.named(name)!, query: query, database: db.open(), output: output, campaigns: campaigns)
    }
}

struct ExportLetters: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letters", abstract: "Xuất thư cảm ơn chưa gửi của một năm ra một tệp HTML để in hoặc Word (mỗi thư một trang), rồi đánh dấu đã gửi.")
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Thư mục mẫu (chứa documents/thank-you-letter.mustache).") var templates = ProcessInfo.processInfo.environment["DENSACH_TEMPLATES_ROOT"] ?? "Templates"
    @Option(help: "Năm của biên lai.") var year: Int
    @Option(help: "html (để in) hoặc docx (Word, mỗi thư một trang).") var format: ThankYouLetters.FileFormat = .html
    @Option(help: "Tệp ra (.html hoặc .docx).") var out: String
    @Flag(help: "Không đánh dấu đã gửi (chỉ xem trước).") var noMark = false

    func run() async throws {
        let letters = try ThankYouLetters(templatesDirectory: templates)
        let (data, count) = try await letters.export(try db.open(), year: year, format: format, markSent: !noMark, by: commandLinePrincipal)
        try data.write(to: URL(fileURLWithPath: out), options: .atomic)
        say("Đã xuất \(count) thư cảm ơn ra \(out)\(noMark ? " (chưa đánh dấu đã gửi)" : "; đã đánh dấu đã gửi").")
    }
}

/// Writes a list to its file (renamed when complete) or standard output, with progress, then logs the export.
private func exportList(_ list: ListExport, query: ListQuery, database: AppDatabase, output: TableOutputOptions,
                        campaigns: String = "campaigns") async throws {
    let progress = TerminalProgress("Đang xuất", total: nil)
    let data = ListData(campaignsDirectory: campaigns, today: CivilDate.today())
    let (title, commune) = try await database.read { db in (try list.title(db, query), try Settings.value(db, Settings.communeName)) }
    let csv = output.format == .csv ? try FileOutput(path: output.out) : nil
    let workbook = try output.out.flatMap { out in
        output.format == .xlsx ? try XLSXWriter(path: out, properties: .init(title: title, sheet: list.sheetName(query), company: "UBND xã \(commune)")) : nil
    }
    let sink = ProgressSink(try workbook ?? CSVTableSink(output: csv!.write), progress: progress.update)
    let count: Int
    do {
        count = try await database.read { db in try list.write(db, query, by: commandLinePrincipal, data: data, into: sink) }
    } catch let error as DomainError {
        throw CLIError(error)
    }
    try csv?.finish()
    try workbook?.finish()
    progress.finish()
    try await database.write { db in
        try list.logExport(db, query, by: commandLinePrincipal, rows: count, format: output.format.rawValue, to: output.out ?? "stdout")
    }
    if let out = output.out { say("Đã xuất \(count) dòng ra \(out).") }
}

/// Counts the rows passing to a sink, for the progress line of a long export.
final class ProgressSink: TableSink, @unchecked Sendable {
    let inner: any TableSink
    let progress: (Int) -> Void
    var rows = 0
    init(_ inner: any TableSink, progress: @escaping (Int) -> Void) { self.inner = inner; self.progress = progress }
    func sheet(_ name: String) throws { try inner.sheet(name) }
    func begin(_ columns: [TableColumn]) throws { try inner.begin(columns) }
    func row(_ cells: [TableCell]) throws {
        try inner.row(cells)
        rows += 1
        if rows % 10_000 == 0 { progress(rows) }
    }
}
