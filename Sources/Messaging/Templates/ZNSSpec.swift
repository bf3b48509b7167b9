import DataFiles
import Foundation
import Yams

/// A Zalo Notification Service template as Zalo approved it: its id and its parameters, each filled from one of
/// our variables and typed as Zalo types it. Declared in the template's front matter:
///
///     channel: zns
///     zns_template_id: 231456
///     parameters: customer_name=recipient.name:name, activity_date=activity.date:date
package struct ZNSSpec: Sendable, Equatable {
    package struct Parameter: Sendable, Equatable {
        /// Zalo's name of the parameter, as approved.
        package let key: String
        /// The variable that fills it ("recipient.name", "activity.date").
        package let variable: String
        /// Zalo's type ("name", "date", "paragraph"…), whose length limit `ZNSLimits` holds.
        package let type: String
    }

    package let templateId: String
    package let parameters: [Parameter]

    static func parse(_ front: MessageTemplate.FrontMatter, template: String) throws -> ZNSSpec {
        guard let id = front["zns_template_id"], !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw TemplateError(template: template, line: front.line("zns_template_id"),
                                message: "mẫu ZNS cần \"zns_template_id:\" — số hiệu mẫu Zalo đã duyệt (chỉ chữ số)")
        }
        guard let list = front["parameters"], !list.isEmpty else {
            throw TemplateError(template: template, line: front.line("channel"), message: "mẫu ZNS cần \"parameters:\" dạng tên=biến:kiểu, …")
        }
        let parameters = try list.split(separator: ",").map { item -> Parameter in
            let text = item.trimmingCharacters(in: .whitespaces)
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            let typed = parts.count == 2 ? parts[1].split(separator: ":", maxSplits: 1).map(String.init) : []
            guard parts.count == 2, typed.count == 2, !parts[0].isEmpty, MessageVariables.isKnown(typed[0]) else {
                throw TemplateError(template: template, line: front.line("parameters"),
                                    message: "tham số \"\(text)\" phải có dạng tên=biến:kiểu với một biến có trong danh sách biến")
            }
            return Parameter(key: parts[0], variable: typed[0], type: typed[1])
        }
        return ZNSSpec(templateId: id, parameters: parameters)
    }
}

/// The most characters Zalo takes for a parameter of each type, from `Templates/messages/zns-limits.yaml` (data the
/// commune can correct when Zalo changes them, not code).
package struct ZNSLimits: Sendable, Equatable {
    package let characters: [String: Int]

    package init(characters: [String: Int]) { self.characters = characters }

    package init(file path: String) throws {
        let (text, file) = try YAMLReader.text(ofFile: path, holding: "giới hạn tham số ZNS")
        let reader = YAMLReader(file: file)
        let root = try reader.mapping(try reader.root(text), field: "types")
        guard let types = root["types"] else { throw DataFileError(file: file, line: 1, field: "types", message: "thiếu trường bắt buộc") }
        var found: [String: Int] = [:]
        for (key, value) in try reader.mapping(types, field: "types") {
            guard let name = key.string, let limit = value.int, limit > 0 else {
                throw DataFileError(file: file, line: reader.line(value), field: key.string ?? "types", message: "phải là kiểu: số ký tự tối đa (số dương)")
            }
            found[name] = limit
        }
        characters = found
    }
}
