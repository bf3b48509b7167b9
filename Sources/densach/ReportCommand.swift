import ArgumentParser
import Composition
import Foundation

/// `densach report annual --year 2026 --out DIR`: the yearly report, its Markdown appendix and the indicators CSV.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Báo cáo năm.", subcommands: [AnnualReportCommand.self])
}

struct AnnualReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annual",
        abstract: "Ghi báo cáo năm (HTML để in, Word), các bảng số liệu (Excel, mỗi phần một trang tính), "
            + "phụ lục (Markdown) và chỉ tiêu (CSV) vào một thư mục.")
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Năm báo cáo.") var year: Int
    @Option(help: "Thư mục ra.") var out: String
    @Option(help: "Thư mục mẫu (chứa documents/annual-report.mustache).") var templates = "Templates"
    @Option(help: "Thư mục dữ liệu YAML (criteria/, programme.yaml, honours.yaml).") var campaigns = "campaigns"

    func run() async throws {
        let document = try AnnualReportDocument(templatesDirectory: templates, campaignsDirectory: campaigns)
        let files = try await document.write(try db.open(), year: year, to: out, by: commandLinePrincipal)
        say("Đã ghi báo cáo năm \(year) vào \(out): \(files.joined(separator: ", ")).")
    }
}
