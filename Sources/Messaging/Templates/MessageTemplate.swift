import DataFiles
import Foundation
import Vietnamese
import Yams

/// A message template from `Templates/messages/NAME.mustache`: a front matter between `---` lines (channel, title,
/// description, variables) and a Mustache body. The body is compiled once into pieces so that a million messages
/// cost a few string appends each; it accepts Mustache's variables (`{{x}}`, `{{{x}}}`, `{{& x}}`), sections and
/// inverted sections on a variable (shown when it is non-empty / empty), comments and pragmas.
package struct MessageTemplate: Sendable {
    package let name: String
    package let channel: Channel
    package let title: String
    package let description: String
    package let declaredVariables: [String]
    /// A loudspeaker bulletin's urgency (`priority:` in the front matter; ordinary when absent).
    package let priority: Priority
    /// An advertising message (`advertising: có`): "[QC]" first, sent only 07:00–22:00 (`SMSRules`).
    package let advertising: Bool
    /// A ZNS template's approved id and parameters (channel `zns` only).
    package let zns: ZNSSpec?
    let pieces: [Piece]

    indirect enum Piece: Sendable, Equatable {
        case text(String)
        case variable(String, escaped: Bool)
        case section(String, inverted: Bool, [Piece])
    }

    /// Every variable the body uses, in order of first use.
    package var usedVariables: [String] {
        var seen: [String] = []
        func walk(_ pieces: [Piece]) {
            for piece in pieces {
                switch piece {
                case .text: break
                case .variable(let name, _): if !seen.contains(name) { seen.append(name) }
                case .section(let name, _, let inner):
                    if !seen.contains(name) { seen.append(name) }
                    walk(inner)
                }
            }
        }
        walk(pieces)
        return seen
    }

    package var usesRecipient: Bool { usedVariables.contains { $0.hasPrefix("recipient.") } }

    package init(name: String, source: String) throws {
        self.name = name
        let (front, body, bodyLine) = try Self.splitFrontMatter(source, template: name)
        guard let channelName = front["channel"] else { throw TemplateError(template: name, line: 1, message: "thiếu \"channel:\" ở phần đầu") }
        guard let channel = Channel(rawValue: channelName) else {
            throw TemplateError(template: name, line: front.line("channel"),
                                message: "kênh \"\(channelName)\" không có; dùng một trong: \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.channel = channel
        title = front["title"] ?? name
        description = front["description"] ?? ""
        if let text = front["priority"] {
            guard let priority = Priority(text: text) else {
                throw TemplateError(template: name, line: front.line("priority"), message: "mức ưu tiên \"\(text)\" không có; dùng: thường, ưu tiên, khẩn cấp")
            }
            self.priority = priority
        } else {
            priority = .normal
        }
        declaredVariables = (front["variables"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        zns = channel == .zns ? try ZNSSpec.parse(front, template: name) : nil
        advertising = ["có", "co", "true", "yes"].contains((front["advertising"] ?? "").lowercased())
        pieces = try TemplateParser(template: name, source: body, firstLine: bodyLine).parse()
        for variable in declaredVariables where !MessageVariables.isKnown(variable) {
            throw TemplateError(template: name, line: front.line("variables"), message: "biến \"\(variable)\" không có trong danh sách biến")
        }
        for variable in usedVariables where !declaredVariables.contains(variable) {
            throw TemplateError(template: name, line: front.line("variables"),
                                message: "nội dung dùng \"\(variable)\" nhưng phần đầu không khai báo trong \"variables:\"")
        }
        if !channel.isPersonal && usesRecipient {
            throw TemplateError(template: name, line: bodyLine,
                                message: "kênh \(channel.rawValue) gửi một bài cho cả nhóm, không dùng được biến recipient.*")
        }
    }

    struct FrontMatter {
        var values: [String: String] = [:]
        var lines: [String: Int] = [:]
        subscript(key: String) -> String? { values[key] }
        func line(_ key: String) -> Int { lines[key] ?? 1 }
    }

    /// The front matter between the first two `---` lines, read as YAML (Yams, as every data file), and the body after.
    static func splitFrontMatter(_ source: String, template: String) throws -> (FrontMatter, String, Int) {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else {
            throw TemplateError(template: template, line: 1, message: "mẫu phải bắt đầu bằng dòng \"---\" và phần đầu (channel, title, variables)")
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }) else {
            throw TemplateError(template: template, line: lines.count, message: "phần đầu chưa đóng bằng dòng \"---\"")
        }
        // The file's last line break is not part of the message.
        var body = lines[(close + 1)...].joined(separator: "\n")
        while body.hasSuffix("\n") { body.removeLast() }
        return (try frontMatter(lines[1..<close].joined(separator: "\n"), template: template), body, close + 2)
    }

    /// `key: value` lines as YAML; a list (`variables: [a, b]`) reads as its items joined by commas. Lines count from
    /// the file's first (the front matter starts on line 2).
    static func frontMatter(_ text: String, template: String) throws -> FrontMatter {
        var front = FrontMatter()
        guard text.contains(where: { !$0.isWhitespace }) else { return front }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw TemplateError(template: template, line: YAMLReader.line(of: error) + 1,
                                message: "phần đầu không đọc được (dạng \"khóa: giá trị\"; giá trị có dấu \": \" hay \"#\" thì đặt trong ngoặc kép): \(error)")
        }
        guard let node else { return front }
        guard let mapping = node.mapping else {
            throw TemplateError(template: template, line: (node.mark?.line ?? 1) + 1, message: "dòng phần đầu phải có dạng \"khóa: giá trị\"")
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            let line = (key.mark?.line ?? 1) + 1
            if let items = value.sequence {
                front.values[name] = try items.map { item in
                    guard let text = item.string else { throw TemplateError(template: template, line: line, message: "\(name): mỗi mục phải là chữ") }
                    return text
                }.joined(separator: ", ")
            } else if let text = value.string {
                front.values[name] = text.trimmingCharacters(in: .whitespaces)
            } else {
                throw TemplateError(template: template, line: line, message: "\(name): phải là chữ hoặc một danh sách")
            }
            front.lines[name] = line
        }
        return front
    }
}

/// Where a message goes, which decides its format and whether it is addressed to each person.
package enum Channel: String, CaseIterable, Sendable, Labelled {
    case sms, zalo, zns, facebook, loudspeaker, letter

    /// SMS, ZNS notifications and letters go to each person (consent needed); posts and broadcasts are one text for a group.
    package var isPersonal: Bool { self == .sms || self == .letter || self == .zns }

    package var label: String {
        switch self {
        case .sms: return "Tin nhắn SMS"
        case .zalo: return "Bài đăng Zalo"
        case .zns: return "Tin Zalo ZNS (thông báo theo mẫu)"
        case .facebook: return "Bài đăng Facebook"
        case .loudspeaker: return "Kịch bản loa truyền thanh"
        case .letter: return "Thư in"
        }
    }

    package var englishLabel: String {
        switch self {
        case .sms: return "SMS text"
        case .zalo: return "Zalo post"
        case .zns: return "Zalo ZNS notification"
        case .facebook: return "Facebook post"
        case .loudspeaker: return "Loudspeaker script"
        case .letter: return "Printed letter"
        }
    }
}
