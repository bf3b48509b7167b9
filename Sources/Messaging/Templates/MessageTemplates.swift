import Foundation

/// The message templates in `Templates/messages/`. Loading checks every file, so a broken template is reported
/// with its file and line when the server or the command starts, not half-way through an export.
public struct MessageTemplates: Sendable {
    public let directory: String
    public let all: [MessageTemplate]
    /// Zalo's length limit per ZNS parameter type (`zns-limits.yaml` beside the templates).
    public let znsLimits: ZNSLimits

    public init(directory: String) throws {
        self.directory = directory
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw TemplateError(template: directory, line: 0, message: "không có thư mục mẫu tin nhắn")
        }
        all = try files.filter { $0.hasSuffix(".mustache") }.sorted().map { file in
            let name = String(file.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: directory + "/" + file) else {
                throw TemplateError(template: file, line: 0, message: "không đọc được tệp")
            }
            return try MessageTemplate(name: name, source: String(decoding: data, as: UTF8.self))
        }
        let limitsFile = directory + "/zns-limits.yaml"
        znsLimits = FileManager.default.fileExists(atPath: limitsFile) ? try ZNSLimits(file: limitsFile) : ZNSLimits(characters: [:])
        for template in all {
            for parameter in template.zns?.parameters ?? [] where znsLimits.characters[parameter.type] == nil {
                throw TemplateError(template: template.name, line: 1, message: "tham số \"\(parameter.key)\": kiểu \"\(parameter.type)\" không có trong zns-limits.yaml")
            }
        }
    }

    public func named(_ name: String) throws -> MessageTemplate {
        guard let template = all.first(where: { $0.name == name }) else {
            throw MessagingError("Không có mẫu \"\(name)\" trong \(directory). Có: \(all.map(\.name).joined(separator: ", ")).")
        }
        return template
    }
}

/// A refusal with a message for the person at the keyboard (Vietnamese, as the rest of the tool).
public struct MessagingError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
