import ArgumentParser
import Campaigns
import DataFiles
import Foundation
import Store

struct CampaignsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaigns", abstract: "Nhập, xuất kế hoạch chiến dịch dạng YAML.", subcommands: [CampaignsImport.self, CampaignsExport.self])
}

struct CampaignsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Nhập một chiến dịch từ tệp YAML (cùng dạng với export). Có lỗi thì không ghi gì.")
    @OptionGroup var db: DatabaseOptions
    @Argument(help: "Tệp YAML") var file: String
    @Flag(help: "Chỉ kiểm tra, không ghi.") var dryRun = false
    @Option(help: "Thư mục dữ liệu (observances.yaml).") var campaigns = "campaigns"

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("Không đọc được tệp \(file).") }
        let database = try db.open()
        let catalogue = try? ObservanceCatalogue(path: campaigns + "/observances.yaml")
        let name = (file as NSString).lastPathComponent
        do {
            let text = try YAMLReader.utf8(data, file: name)
            let campaign = try await database.writer.write { [dryRun] db in
                try CampaignYAML.importCampaign(db, yaml: text, file: name, catalogue: catalogue, dryRun: dryRun, by: commandLinePrincipal)
            }
            say(dryRun ? "Kiểm tra xong: \(name) hợp lệ (\(campaign.title)), chưa ghi gì (--dry-run)."
                       : "Đã nhập chiến dịch số \(campaign.id!): \(campaign.title).")
        } catch let error as DataFileError {
            throw CLIError(error.description)
        } catch let error as DomainError {
            throw CLIError(error)
        }
    }
}

struct CampaignsExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Xuất một chiến dịch ra YAML (nhập lại được không mất gì).")
    @OptionGroup var db: DatabaseOptions
    @Argument(help: "Số hiệu chiến dịch") var id: Int64
    @Option(help: "Tệp ra (mặc định: đầu ra chuẩn).") var out: String?

    func run() async throws {
        let database = try db.open()
        let text: String
        do {
            text = try await database.read { [id] in try CampaignYAML.export($0, id: id) }
        } catch let error as DomainError {
            throw CLIError(error)
        }
        if let out {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)  // whole or not at all
            } catch {
                throw CLIError("Không ghi được tệp \(out).")
            }
            say("Đã xuất chiến dịch số \(id) ra \(out).")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        try await database.write { [id, out] db in
            try Audit.record(db, by: commandLinePrincipal, .export, entity: "campaign", id: id, after: ["to": out ?? "stdout"])
        }
    }
}
