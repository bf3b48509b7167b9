import ArgumentParser

@main
struct DenSach: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "densach",
        abstract: "Đèn Sách — phần mềm quản lý phong trào học tập suốt đời của xã (lifelong-learning back office).",
        subcommands: [Serve.self, Migrate.self, Users.self, Import.self, ImportMembers.self, Export.self, CampaignsCommand.self, Report.self, Backup.self, Check.self, Demo.self])
}
