import ArgumentParser
import BackOffice
import Foundation
import GRDB
import Store

enum DataKind: String, ExpressibleByArgument, CaseIterable {
    case units, people
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nhập đơn vị hoặc người dân từ tệp CSV (UTF-8). Lỗi ở bất kỳ dòng nào thì không ghi gì.")

    @OptionGroup var db: DatabaseOptions
    @Argument(help: "units hoặc people") var kind: DataKind
    @Argument(help: "Tệp CSV") var file: String
    @Flag(help: "Chỉ kiểm tra, không ghi.") var dryRun = false
    @Flag(help: "Tự tạo thôn chưa có (khi nhập người dân).") var createVillages = false

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("Không đọc được tệp \(file).") }
        let database = try db.open()
        let progress = TerminalProgress("Đang nhập \(file)", total: nil)
        let name = (file as NSString).lastPathComponent
        let report: ImportReport
        do {
            report = try await database.writer.writeWithoutTransaction { [kind, dryRun, createVillages] db in
                switch kind {
                case .units:
                    return try UnitImporter.run(db, data: data, file: name, dryRun: dryRun, by: commandLinePrincipal)
                case .people:
                    return try PeopleImporter.run(db, data: data, file: name,
                                                  options: .init(dryRun: dryRun, createVillages: createVillages),
                                                  by: commandLinePrincipal, progress: progress.update)
                }
            }
        } catch let failure as CSVReader.Failure {
            throw CLIError(failure.message)
        } catch let problem as ImportReport.Problem {
            throw CLIError(problem.description)
        }
        progress.finish()
        for problem in report.problems { FileHandle.standardError.write(Data((problem.description + "\n").utf8)) }
        if report.unlistedProblems > 0 {
            FileHandle.standardError.write(Data("… và \(report.unlistedProblems) lỗi khác.\n".utf8))
        }
        if !report.succeeded {
            throw CLIError("Không ghi gì: \(report.problems.count + report.unlistedProblems) lỗi trong \(report.rowsRead) dòng. Sửa tệp rồi nhập lại.")
        }
        let created = report.created.isEmpty ? "" : " Đã tạo thôn: \(report.created.joined(separator: ", "))."
        if dryRun {
            say("Kiểm tra xong: \(report.rowsRead) dòng hợp lệ, chưa ghi gì (--dry-run).\(created.isEmpty ? "" : " Sẽ tạo thôn mới.")")
        } else {
            say("Đã nhập \(report.inserted) dòng từ \(name).\(created)")
        }
    }
}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Xuất đơn vị hoặc người dân ra CSV (UTF-8 có BOM, mở đúng trong Excel).")

    @OptionGroup var db: DatabaseOptions
    @Argument(help: "units hoặc people") var kind: DataKind
    @Option(help: "Tệp ra (mặc định: đầu ra chuẩn).") var out: String?

    func run() async throws {
        let database = try db.open()
        let sink = try OutputSink(path: out)
        let progress = TerminalProgress("Đang xuất", total: nil)
        let count = try await database.read { [kind] db -> Int in
            switch kind {
            case .units: return try CSVExport.units(db, to: sink.write)
            case .people: return try CSVExport.people(db, to: sink.write, progress: progress.update)
            }
        }
        try sink.close()
        progress.finish()
        try await database.write { [kind, out] db in
            try Audit.record(db, by: commandLinePrincipal, .export, entity: kind == .units ? "unit" : "person", id: nil,
                             after: ["rows": String(count), "to": out ?? "stdout"])
        }
        if out != nil { say("Đã xuất \(count) dòng ra \(out!).") }
    }
}

/// Buffered writing to a file or to standard output.
final class OutputSink: @unchecked Sendable {
    private let handle: FileHandle
    private var buffer = Data()

    init(path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw CLIError("Không ghi được tệp \(path).")
            }
            self.handle = handle
        } else {
            handle = FileHandle.standardOutput
        }
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        if handle !== FileHandle.standardOutput { try handle.close() }
    }
}
