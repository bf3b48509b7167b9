import ArgumentParser
import BackOffice
import Composition
import Foundation
import Hummingbird
import Store

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Chạy trang quản trị (web back office).")

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Địa chỉ lắng nghe.") var host = "127.0.0.1"
    @Option(help: "Cổng.") var port = 8080
    @Flag(help: "Nạp xã mẫu vào cơ sở dữ liệu trống (demo commune).") var demo = false
    @Option(help: "Thư mục giao diện (pages, static, i18n).") var web = "web"
    @Option(help: "Thư mục mẫu người dùng sửa được (messages/, văn bản).") var templates = "Templates"
    @Option(help: "Thư mục dữ liệu YAML (observances.yaml…).") var campaigns = "campaigns"
    @Flag(help: "Đặt cờ Secure cho cookie (khi chạy sau HTTPS).") var secureCookies = false
    @Option(name: .customLong("trusted-proxy"), help: "Địa chỉ của reverse proxy được tin X-Forwarded-For (lặp lại được).") var trustedProxies: [String] = []

    func run() async throws {
        do {
            try await serve()
        } catch let error as DomainError {
            throw CLIError(error)
        }
    }

    private func serve() async throws {
        let database = try db.open()
        let passwords = Passwords(cost: 12)
        let environment = ProcessInfo.processInfo.environment
        let created = try await Bootstrap.ensureAdmin(database, passwords: passwords, password: environment["DENSACH_ADMIN_PASSWORD"])
        if demo {
            let password = created?.password ?? environment["DENSACH_ADMIN_PASSWORD"]
            if let password, let (summary, logins) = try await Bootstrap.seedDemo(database, passwords: passwords, password: password, campaignsDirectory: campaigns,
                                                                             messageTemplatesDirectory: templates + "/messages") {
                say("Đã nạp xã mẫu: \(summary.units) đơn vị, \(summary.people) người dân, \(summary.households) hộ.")
                if !logins.isEmpty { say("Tài khoản mẫu (cùng mật khẩu với admin): \(logins.joined(separator: ", "))") }
            } else if try await database.read({ try OrgUnit.fetchCount($0) }) == 0 {
                say("Cơ sở dữ liệu đã có tài khoản: đặt DENSACH_ADMIN_PASSWORD để nạp xã mẫu kèm tài khoản mẫu.")
            }
        }
        if let created {
            say("""
                Đã tạo tài khoản quản trị: admin
                Mật khẩu dùng một lần: \(created.password)
                (Hãy ghi lại ngay: mật khẩu chỉ hiện lần này. Đổi bằng: densach users passwd admin)
                """)
        }
        var configuration = AppConfiguration(host: host, port: port, webDirectory: web, templatesDirectory: templates, campaignsDirectory: campaigns,
                                             bcryptCost: 12, secureCookies: secureCookies)
        configuration.trustedProxies = Set(trustedProxies)
        let app = try await buildApplication(configuration, database: database)
        say("Đèn Sách đang chạy tại http://\(host):\(port) — cơ sở dữ liệu \(db.path). Dừng bằng Ctrl+C.")
        try await app.runService()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Tạo hoặc nâng cấp cơ sở dữ liệu (chạy các migration).")
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let database = try db.open()
        let applied = try await database.read { try AllModules.migratorNames($0) }
        say("Cơ sở dữ liệu \(db.path) đã ở phiên bản mới nhất: \(applied.joined(separator: ", "))")
    }
}
