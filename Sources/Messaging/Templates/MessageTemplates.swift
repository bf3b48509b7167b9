import Foundation
import Store

/// The message templates in `Templates/messages/`. Loading checks every file, so a broken template is reported
/// with its file and line when the server or the command starts, not half-way through an export.
package struct MessageTemplates: Sendable {
    package let directory: String
    package let all: [MessageTemplate]
    /// Translations of a template into a local language, by template name then ISO 639-3 code: the file
    /// `sms-invitation.sed.mustache` is `sms-invitation` in Xơ Đăng. Recipients who prefer that language get it.
    package let variants: [String: [String: MessageTemplate]]
    /// Zalo's length limit per ZNS parameter type (`zns-limits.yaml` beside the templates).
    package let znsLimits: ZNSLimits

    package init(directory: String) throws {
        self.directory = directory
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw TemplateError(template: directory, line: 0, message: "không có thư mục mẫu tin nhắn")
        }
        let loaded = try files.filter { $0.hasSuffix(".mustache") }.sorted().map { file in
            let name = String(file.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: directory + "/" + file) else {
                throw TemplateError(template: file, line: 0, message: "không đọc được tệp")
            }
            return try MessageTemplate(name: name, source: String(decoding: data, as: UTF8.self))
        }
        // "NAME.CODE" with CODE a language of `MessageLanguage` is a translation of NAME.
        func split(_ name: String) -> (base: String, language: String)? {
            guard let dot = name.lastIndex(of: ".") else { return nil }
            let code = String(name[name.index(after: dot)...])
            guard let language = MessageLanguage(rawValue: code), language != .vietnamese else { return nil }
            return (String(name[..<dot]), code)
        }
        all = loaded.filter { split($0.name) == nil }
        var variants: [String: [String: MessageTemplate]] = [:]
        for template in loaded {
            guard let (base, code) = split(template.name) else { continue }
            guard let original = all.first(where: { $0.name == base }) else {
                throw TemplateError(template: template.name, line: 1, message: "bản dịch của mẫu \"\(base)\" nhưng không có mẫu \(base).mustache")
            }
            guard template.channel == original.channel else {
                throw TemplateError(template: template.name, line: 1, message: "bản dịch phải cùng kênh với \(base) (\(original.channel.rawValue))")
            }
            variants[base, default: [:]][code] = template
        }
        self.variants = variants
        let limitsFile = directory + "/zns-limits.yaml"
        znsLimits = FileManager.default.fileExists(atPath: limitsFile) ? try ZNSLimits(file: limitsFile) : ZNSLimits(characters: [:])
        for template in all {
            for parameter in template.zns?.parameters ?? [] where znsLimits.characters[parameter.type] == nil {
                throw TemplateError(template: template.name, line: 1, message: "tham số \"\(parameter.key)\": kiểu \"\(parameter.type)\" không có trong zns-limits.yaml")
            }
        }
    }

    package func named(_ name: String) throws -> MessageTemplate {
        guard let template = all.first(where: { $0.name == name }) else {
            throw MessagingError("Không có mẫu \"\(name)\" trong \(directory). Có: \(all.map(\.name).joined(separator: ", ")).")
        }
        return template
    }
}

/// A refusal with a message for the person at the keyboard (Vietnamese, as the rest of the tool).
package struct MessagingError: Error, CustomStringConvertible, Sendable {
    package let description: String
    package init(_ description: String) { self.description = description }
}
