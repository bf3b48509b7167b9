import ArgumentParser
import Foundation
import GRDB
import Store

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sao lưu cơ sở dữ liệu ra một tệp (sao lưu trực tuyến của SQLite: nhất quán cả khi máy chủ đang chạy).")
    @OptionGroup var db: DatabaseOptions
    @Argument(help: "Tệp sao lưu") var file: String

    func run() async throws {
        let database = try db.open()
        if FileManager.default.fileExists(atPath: file) { throw CLIError("Tệp \(file) đã có; chọn tên khác để không ghi đè.") }
        try await database.write { db in
            try Audit.record(db, by: commandLinePrincipal, .backup, entity: "database", id: nil, after: ["to": file])
        }
        // Copied beside the destination and renamed when complete: an interrupted backup never replaces a good one.
        let partial = file + ".partial-\(getpid())"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            let target = try DatabaseQueue(path: partial)
            try database.writer.backup(to: target)
            try target.close()
            guard rename(partial, file) == 0 else { throw CLIError("Không ghi được tệp \(file).") }
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        say("Đã sao lưu ra \(file).")
    }
}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Kiểm tra toàn vẹn dữ liệu và khóa ngoại.")
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let database = try db.open()
        let problems = try await database.read { try DatabaseCheck.run($0) }
        if problems.isEmpty {
            say("Cơ sở dữ liệu \(db.path) toàn vẹn: không có lỗi.")
        } else {
            for problem in problems { say(problem) }
            throw CLIError("Có \(problems.count) vấn đề. Hãy khôi phục từ bản sao lưu gần nhất hoặc báo quản trị.")
        }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Dữ liệu mẫu.", subcommands: [Generate.self])

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sinh N người dân giả lập (để đo hiệu năng).")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "Số người cần sinh.") var people: Int
        @Option(help: "Hạt giống ngẫu nhiên (cùng hạt giống → cùng dữ liệu).") var seed: UInt64 = 2026

        func run() async throws {
            guard people > 0 else { throw CLIError("--people phải lớn hơn 0.") }
            let database = try db.open()
            let progress = TerminalProgress("Đang sinh", total: people)
            let started = Date()
            try await database.write { [people, seed] db in
                try SyntheticPeople.generate(db, count: people, seed: seed, progress: progress.update)
            }
            progress.finish()
            say(String(format: "Đã sinh %d người trong %.1f giây.", people, Date().timeIntervalSince(started)))
        }
    }
}
