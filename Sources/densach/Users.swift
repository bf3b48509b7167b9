import ArgumentParser
import Composition
import Foundation
import Store

struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Quản lý tài khoản.", subcommands: [Add.self, List.self, Passwd.self, Token.self])

    /// Password from standard input: hidden prompt on a terminal, one line from a pipe.
    static func readPassword(prompt: String, login: String) throws -> String {
        let password: String?
        if isatty(STDIN_FILENO) == 1 {
            password = getpass(prompt).map { String(cString: $0) }
        } else {
            password = readLine(strippingNewline: true)
        }
        guard let password, !password.isEmpty else { throw CLIError("Chưa nhập mật khẩu (đọc từ đầu vào chuẩn).") }
        if let problem = Passwords.problem(with: password, login: login) { throw CLIError(problem) }
        return password
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thêm tài khoản; mật khẩu đọc từ đầu vào chuẩn.")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "Tên đăng nhập.") var login: String
        @Option(help: "Vai trò: admin, officer, editor, viewer.") var role: String
        @Option(name: .customLong("unit"), help: "Mã đơn vị được giao (cho editor; lặp lại được).") var units: [Int64] = []
        @Option(help: "Tên hiển thị.") var name: String?

        func run() async throws {
            guard let role = Role(rawValue: role) else { throw CLIError("Vai trò phải là admin, officer, editor hoặc viewer.") }
            let database = try db.open()
            let password = try Users.readPassword(prompt: "Mật khẩu cho \(login): ", login: login)
            let hash = try await Passwords(cost: 12).hash(password)
            do {
                let account = try await database.write { [units, name, login] in
                    try AccountStore.create($0, login: login, displayName: name ?? login, passwordHash: hash, role: role, unitIds: units,
                                            by: commandLinePrincipal)
                }
                say("Đã tạo tài khoản \(account.login) (\(role.rawValue)).")
            } catch let error as DomainError {
                throw CLIError(error)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê tài khoản.")
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            let database = try db.open()
            for item in try await database.read({ try AccountStore.list($0) }) {
                let units = item.unitNames.isEmpty ? "" : " [\(item.unitNames.joined(separator: ", "))]"
                say("\(item.account.login)\t\(item.account.role.rawValue)\t\(item.account.displayName)\(units)\(item.account.isDisabled ? "\t(đã khóa)" : "")")
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Đặt mật khẩu mới (đọc từ đầu vào chuẩn); đăng xuất mọi phiên.")
        @OptionGroup var db: DatabaseOptions
        @Argument var login: String

        func run() async throws {
            let database = try db.open()
            let password = try Users.readPassword(prompt: "Mật khẩu mới cho \(login): ", login: login)
            let hash = try await Passwords(cost: 12).hash(password)
            do {
                try await database.write { [login] in try AccountStore.setPassword($0, login: login, passwordHash: hash, by: commandLinePrincipal) }
            } catch let error as DomainError { throw CLIError(error.message) }
            say("Đã đổi mật khẩu cho \(login).")
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cấp mã truy cập API mới (in ra một lần).")
        @OptionGroup var db: DatabaseOptions
        @Argument var login: String
        @Flag(help: "Mã chỉ để đọc lịch (địa chỉ .ics cho điện thoại), không mở được API.") var calendar = false

        func run() async throws {
            let database = try db.open()
            let scope: TokenScope = calendar ? .calendar : .api
            let token = try await database.write { [login] db -> String in
                guard let account = try AccountStore.find(db, login: login) else { throw CLIError("Không có tài khoản \(login).") }
                return try AccountStore.issueToken(db, accountId: account.id!, scope: scope, by: commandLinePrincipal)
            }
            say(token)
        }
    }
}
