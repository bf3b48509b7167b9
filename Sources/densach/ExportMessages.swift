import ArgumentParser
import Foundation
import Composition
import Messaging
import Office
import Speech
import Store

/// `--templates DIR` (or DENSACH_TEMPLATES), where message templates live.
struct TemplateOptions: ParsableArguments {
    @Option(help: "Thư mục mẫu tin nhắn (mặc định Templates/messages hoặc biến DENSACH_TEMPLATES).")
    var templates: String?

    func load() throws -> MessageTemplates {
        let directory = templates ?? ProcessInfo.processInfo.environment["DENSACH_TEMPLATES"] ?? "Templates/messages"
        do { return try MessageTemplates(directory: directory) } catch { throw CLIError("\(error)") }
    }
}

extension Channel: ExpressibleByArgument {}
extension ExportOptions.Format: ExpressibleByArgument {}
extension SpeechSynthesizer.Voice: ExpressibleByArgument {}

struct ExportMessages: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "messages",
        abstract: "Xuất tin nhắn theo mẫu cho một nhóm người nhận: SMS (CSV), bài Zalo/Facebook, kịch bản loa, thư in.",
        discussion: """
            Chỉ gửi cho người đã đồng ý nhận qua kênh đó; số điện thoại trùng chỉ gửi một lần; số không hợp lệ ghi ra tệp
            <out>.rejects.csv. Mỗi lần xuất được ghi vào nhật ký xuất tin nhắn.
            Ví dụ: densach export messages --template sms-invitation --audience "residents:village=Thôn 1,age=18-60" \\
                     --channel sms --ascii --set activity.title="Ngày hội đọc sách" --set activity.time=8h00 \\
                     --set activity.date=21/04/2026 --out moi.csv
            """)

    @OptionGroup var db: DatabaseOptions
    @OptionGroup var templateOptions: TemplateOptions
    @Option(help: "Tên mẫu (tên tệp trong Templates/messages, không có .mustache).") var template: String
    @Option(help: "Người nhận, ví dụ residents:village=Thôn 1,gender=nữ — xem \"densach export audiences\".") var audience: String
    @Option(help: "sms, zalo, facebook, loudspeaker hoặc letter.") var channel: Channel
    @Option(help: "csv, txt, html, jsonl hoặc docx (thư: một tệp Word, mỗi thư một trang; mặc định theo kênh).") var format: ExportOptions.Format?
    @Flag(help: "Bỏ dấu và đổi đ→d để tin SMS vừa bảng mã GSM-7 (rẻ hơn).") var ascii = false
    @Flag(help: "Bài đăng, kịch bản loa: mỗi thôn một bài (mẫu dùng được village.name).") var perVillage = false
    @Option(help: "Số hiệu chiến dịch: mẫu có campaign.title, campaign.theme, campaign.period.") var campaign: Int64?
    @Option(help: "Số hiệu hoạt động: mẫu có activity.title, activity.date, activity.time, activity.place (và chiến dịch của nó).") var activity: Int64?
    @Option(name: .customLong("set"), help: "Giá trị cho một biến của mẫu, dạng ten.bien=giá trị (dùng nhiều lần).") var assignments: [String] = []
    @Option(help: "Tệp ra (mặc định: đầu ra chuẩn).") var out: String?
    @Option(name: .customLong("dry-run"), help: "Chỉ in N tin đầu tiên và bản tóm tắt, không ghi tệp, không ghi nhật ký.") var dryRun: Int?
    @Option(name: .customLong("send-at"), help: "Giờ sẽ gửi SMS, dạng \"dd/MM/yyyy HH:mm\": tin quảng cáo chỉ được gửi 07:00–22:00.") var sendAt: String?
    @Flag(help: "Loa: đọc kịch bản thành tệp MP3 cạnh tệp --out (espeak-ng, lame; mỗi thôn một tệp với --per-village).") var audio = false
    @Flag(help: "Loa: tệp âm thanh dạng WAV thay cho MP3.") var wav = false
    @Option(help: "Giọng đọc: vi (miền Bắc), vi-vn-x-central (miền Trung), vi-vn-x-south (miền Nam); mặc định theo cài đặt.") var voice: SpeechSynthesizer.Voice?
    @Option(help: "Mức ưu tiên của bản tin loa: thuong, uu-tien, khan-cap (mặc định theo mẫu).") var priority: String?
    @Option(help: "Thư mục dữ liệu (abbreviations.yaml: chữ viết tắt đọc trên loa).") var campaigns = ProcessInfo.processInfo.environment["DENSACH_CAMPAIGNS_ROOT"] ?? "campaigns"

    func run() async throws {
        var options = ExportOptions(template: template, audience: audience, channel: channel)
        options.format = format
        options.ascii = ascii
        options.perVillage = perVillage
        options.previewLimit = dryRun
        options.campaignId = campaign
        options.activityId = activity
        for assignment in assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else { throw CLIError("--set \"\(assignment)\" phải có dạng ten.bien=giá trị.") }
            guard MessageVariables.isKnown(parts[0]) else {
                throw CLIError("--set: không có biến \"\(parts[0])\" — xem danh sách bằng \"densach export templates\".")
            }
            options.values[parts[0]] = parts[1]
        }
        if let sendAt {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
            formatter.dateFormat = "dd/MM/yyyy HH:mm"
            guard let time = formatter.date(from: sendAt) else { throw CLIError("--send-at \"\(sendAt)\": dùng dạng dd/MM/yyyy HH:mm, ví dụ 21/04/2026 08:00.") }
            options.sendAt = time
        }
        if let priority {
            guard let level = Priority(text: priority) else { throw CLIError("--priority: dùng thuong, uu-tien hoặc khan-cap.") }
            options.priority = level
        }
        let templates = try templateOptions.load()
        let database = try db.open()
        if audio && dryRun == nil {
            guard channel == .loudspeaker else { throw CLIError("--audio chỉ dùng với --channel loudspeaker.") }
            guard let out else { throw CLIError("--audio cần --out TỆP.txt: tệp âm thanh ghi cạnh tệp kịch bản.") }
            let settings = try await database.read { try Settings.all($0) }
            do {
                options.audio = try LoudspeakerAudio(settings: settings, campaignsDirectory: campaigns, voice: voice, format: wav ? .wav : .mp3,
                                                     base: (out as NSString).deletingPathExtension)
            } catch {
                throw CLIError("\(error)")
            }
        }
        let exporter = MessageExporter(database: database, templates: templates)
        let writesFile = dryRun == nil && out != nil
        // Letters for Word: the exporter's HTML is kept in memory and turned into one .docx when complete.
        let word = format == .docx && dryRun == nil
        if word && out == nil { throw CLIError("Tệp Word cần --out TỆP.docx (không ghi ra đầu ra chuẩn).") }
        let letters = StringOutput()
        let output: MessageOutput = word ? letters : try FileOutput(path: dryRun == nil ? out : nil)
        let rejects = try (writesFile && (channel == .sms || channel == .zns)) ? FileOutput(path: rejectsPath(out!)) : nil
        let progress = TerminalProgress("Đang xuất tin nhắn", total: nil)
        // Counting the audience first costs a second pass: only when someone watches the bar.
        let onProgress: MessageExporter.Progress? = progress.enabled ? { done, total in progress.update(done, of: total) } : nil
        let summary: ExportSummary
        do {
            summary = try exporter.export(options, by: commandLinePrincipal, actor: commandLinePrincipal.login, to: output,
                                          rejects: rejects, destination: out ?? "stdout", progress: onProgress)
        } catch let error as MessagingError {
            throw CLIError(error.description)
        } catch let error as TemplateError {
            throw CLIError(error.description)
        } catch let error as DomainError {
            throw CLIError(error)
        }
        progress.finish()
        if word, let out {
            let title = (try? templates.named(template).title) ?? template
            try LetterHTML.document(letters.text, title: title).data().write(to: URL(fileURLWithPath: out), options: .atomic)
        }
        // The summary goes to stderr when messages go to stdout, so a pipe receives only messages.
        let report = summary.lines + (writesFile
            ? ["Đã ghi \(out!)" + (rejects != nil && summary.excluded[.invalidPhone, default: 0] > 0 ? "; số bị loại: \(rejectsPath(out!))" : "")]
            : [])
        let text = report.joined(separator: "\n") + "\n"
        if out == nil || dryRun != nil { FileHandle.standardError.write(Data(text.utf8)) } else { say(text.trimmingCharacters(in: .newlines)) }
    }

    private func rejectsPath(_ out: String) -> String {
        (out as NSString).deletingPathExtension + ".rejects.csv"
    }
}

struct ExportAudiences: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audiences", abstract: "Liệt kê các loại người nhận và bộ lọc.")
    func run() {
        say("Cú pháp: LOẠI[:bộ_lọc=giá_trị,...]; nối nhiều nhóm bằng + (mỗi người chỉ nhận một lần).\n")
        for item in AudienceSpec.catalogue {
            say("  \(item.spec.padding(toLength: 38, withPad: " ", startingAt: 0)) \(item.meaning)\(item.available ? "" : " [chưa có]")")
        }
    }
}

struct ExportTemplates: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "templates", abstract: "Liệt kê mẫu tin nhắn và các biến dùng được.")
    @OptionGroup var templateOptions: TemplateOptions
    func run() throws {
        let templates = try templateOptions.load()
        say("Mẫu trong \(templates.directory):")
        for template in templates.all {
            say("  \(template.name.padding(toLength: 30, withPad: " ", startingAt: 0)) "
                + "\(template.channel.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(template.title)")
        }
        say("\nBiến:")
        for variable in MessageVariables.catalogue {
            say("  \(variable.name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(variable.meaning)")
        }
    }
}
