import ArgumentParser
import Composition
import Foundation
import Store

/// `--database PATH` (or DENSACH_DATABASE), shared by every subcommand.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Tệp cơ sở dữ liệu SQLite (mặc định data/densach.sqlite hoặc biến DENSACH_DATABASE).")
    var database: String?

    var path: String { database ?? AppDatabase.defaultPath() }

    /// Opens the store and runs pending migrations.
    func open() throws -> AppDatabase {
        do {
            return try AllModules.open(path: path)
        } catch {
            throw CLIError("Không mở được cơ sở dữ liệu \(path): \(error)")
        }
    }
}

/// A failure the command line reports in one Vietnamese sentence and exit code 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }

    /// A domain error with each field's problem on its own line.
    init(_ error: DomainError) {
        description = ([error.message] + error.fieldErrors.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)" })
            .joined(separator: "\n")
    }
}

/// Who the command line acts as in the audit trail: the operating-system user.
var commandLinePrincipal: Principal {
    Principal.commandLine(user: ProcessInfo.processInfo.environment["USER"] ?? "root")
}

/// Writes a line to standard output unbuffered, so a one-time password reaches a log file at once.
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
