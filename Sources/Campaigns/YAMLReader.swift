import Foundation
import Yams

/// Reads YAML through Yams' node tree, keeping each value's line for error messages.
public struct YAMLReader {
    public let file: String

    public init(file: String) { self.file = file }

    /// A data file's text and its name for messages; an unreadable file is a `DataFileError` saying what it held.
    public static func text(ofFile path: String, holding what: String) throws -> (text: String, file: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataFileError(file: path, line: 1, field: "", message: "không đọc được tệp \(what)")
        }
        return (String(decoding: data, as: UTF8.self), (path as NSString).lastPathComponent)
    }

    public func root(_ text: String) throws -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else { throw DataFileError(file: file, line: 1, field: "", message: "tệp trống") }
            return node
        } catch let error as YamlError {
            throw DataFileError(file: file, line: Self.line(of: error), field: "", message: "YAML không đọc được: \(error)")
        }
    }

    public static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 1
        }
    }

    public func line(_ node: Node?) -> Int { node?.mark?.line ?? 1 }

    public func mapping(_ node: Node, field: String) throws -> Node.Mapping {
        guard let mapping = node.mapping else { throw DataFileError(file: file, line: line(node), field: field, message: "phải là một nhóm khóa: giá trị") }
        return mapping
    }

    public func sequence(_ node: Node?, field: String, parent: Node) throws -> [Node] {
        guard let node else { throw DataFileError(file: file, line: line(parent), field: field, message: "thiếu danh sách") }
        guard let sequence = node.sequence else { throw DataFileError(file: file, line: line(node), field: field, message: "phải là một danh sách") }
        return Array(sequence)
    }

    public func string(_ mapping: Node.Mapping, _ key: String, in node: Node, required: Bool = true) throws -> String? {
        guard let value = mapping[key] else {
            if required { throw DataFileError(file: file, line: line(node), field: key, message: "thiếu trường bắt buộc") }
            return nil
        }
        guard let text = value.string else { throw DataFileError(file: file, line: line(value), field: key, message: "phải là chữ") }
        return text
    }

    public func strings(_ mapping: Node.Mapping, _ key: String) throws -> [String] {
        guard let value = mapping[key] else { return [] }
        guard let sequence = value.sequence else { throw DataFileError(file: file, line: line(value), field: key, message: "phải là một danh sách") }
        return try sequence.map { item in
            guard let text = item.string else { throw DataFileError(file: file, line: line(item), field: key, message: "phải là chữ") }
            return text
        }
    }
}
