import DataFiles
import Foundation
import Yams

/// `campaigns/observances.yaml`: the observance days, editable by staff. Loading checks every entry and reports the
/// first mistake with file, line and field.
package struct ObservanceCatalogue: Sendable {
    package let observances: [Observance]

    package static let channels: Set<String> = ["loudspeaker", "zalo", "facebook", "sms", "letter", "banner"]

    package init(observances: [Observance]) { self.observances = observances }

    package init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataFileError(file: path, line: 0, field: "", message: "không đọc được tệp")
        }
        try self.init(yaml: String(decoding: data, as: UTF8.self), file: (path as NSString).lastPathComponent)
    }

    package init(yaml: String, file: String) throws {
        let reader = YAMLReader(file: file)
        let root = try reader.root(yaml)
        let top = try reader.mapping(root, field: "observances")
        var seen: Set<String> = []
        observances = try reader.sequence(top["observances"], field: "observances", parent: root).map { node in
            let entry = try reader.mapping(node, field: "observances")
            let key = try reader.string(entry, "key", in: node)!
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                throw DataFileError(file: file, line: reader.line(entry["key"]), field: "key", message: "chỉ gồm chữ không dấu, số và gạch ngang")
            }
            guard seen.insert(key).inserted else {
                throw DataFileError(file: file, line: reader.line(entry["key"]), field: "key", message: "khóa \"\(key)\" bị trùng")
            }
            let ruleText = try reader.string(entry, "rule", in: node)!
            let rule: Observance.Rule
            switch ruleText {
            case "solar", "lunar":
                let text = try reader.string(entry, "date", in: node)!
                guard let date = Observance.DayMonth(text) else {
                    throw DataFileError(file: file, line: reader.line(entry["date"]), field: "date", message: "ngày/tháng không hợp lệ: \"\(text)\" (ví dụ 21/4)")
                }
                rule = ruleText == "solar" ? .solar(day: date.day, month: date.month) : .lunar(day: date.day, month: date.month)
            case "yearly":
                let text = try reader.string(entry, "default", in: node)!
                let parts = text.split(separator: "-").map(String.init)
                guard parts.count == 2, let start = Observance.DayMonth(parts[0]), let end = Observance.DayMonth(parts[1]) else {
                    throw DataFileError(file: file, line: reader.line(entry["default"]), field: "default", message: "khoảng ngày mặc định dạng 1/10-7/10")
                }
                rule = .yearly(start: start, end: end)
            default:
                throw DataFileError(file: file, line: reader.line(entry["rule"]), field: "rule", message: "phải là solar, lunar hoặc yearly")
            }
            let channels = try reader.strings(entry, "channels")
            if let unknown = channels.first(where: { !Self.channels.contains($0) }) {
                throw DataFileError(file: file, line: reader.line(entry["channels"]), field: "channels",
                                    message: "kênh \"\(unknown)\" không có; dùng: \(Self.channels.sorted().joined(separator: ", "))")
            }
            let since = try Self.year(entry, "since", reader: reader, file: file, in: node)
            var announced: [Observance.AnnouncedYear] = []
            if let years = entry["years"] {
                guard case .yearly = rule else {
                    throw DataFileError(file: file, line: reader.line(years), field: "years", message: "chỉ dùng cho ngày lễ đặt mỗi năm (rule: yearly)")
                }
                announced = try reader.sequence(years, field: "years", parent: node).map { try Self.announcedYear($0, reader: reader, file: file) }
            }
            return Observance(key: key, name: try reader.string(entry, "name", in: node)!, rule: rule,
                              description: try reader.string(entry, "description", in: node, required: false) ?? "", channels: channels,
                              since: since, announced: announced)
        }
    }

    package func observance(_ key: String) -> Observance? { observances.first { $0.key == key } }

    private static func year(_ entry: Node.Mapping, _ key: String, reader: YAMLReader, file: String, in node: Node) throws -> Int? {
        guard let text = try reader.string(entry, key, in: node, required: false) else { return nil }
        guard let year = Int(text), (1900...2200).contains(year) else {
            throw DataFileError(file: file, line: reader.line(entry[key]), field: key, message: "năm phải là số có 4 chữ số: \"\(text)\"")
        }
        return year
    }

    /// `- year: 2024, dates: 1/10-7/10, theme: …, source: …`
    private static func announcedYear(_ node: Node, reader: YAMLReader, file: String) throws -> Observance.AnnouncedYear {
        let entry = try reader.mapping(node, field: "years")
        let year = try Self.year(entry, "year", reader: reader, file: file, in: node)
        guard let year else { throw DataFileError(file: file, line: reader.line(node), field: "year", message: "thiếu trường bắt buộc") }
        let text = try reader.string(entry, "dates", in: node)!
        let parts = text.split(separator: "-").map(String.init)
        guard parts.count == 2, let start = Observance.DayMonth(parts[0])?.date(in: year), let end = Observance.DayMonth(parts[1])?.date(in: year),
              start <= end else {
            throw DataFileError(file: file, line: reader.line(entry["dates"]), field: "dates", message: "khoảng ngày dạng 1/10-7/10: \"\(text)\"")
        }
        return Observance.AnnouncedYear(year: year, start: start, end: end, theme: try reader.string(entry, "theme", in: node, required: false),
                                        source: try reader.string(entry, "source", in: node, required: false))
    }
}
