import Foundation
import Yams

/// Reads YAML through Yams' node tree, keeping each value's line for error messages.
package struct YAMLReader {
    package let file: String

    package init(file: String) { self.file = file }

    /// A data file's text and its name for messages; an unreadable file is a `DataFileError` saying what it held.
    package static func text(ofFile path: String, holding what: String) throws -> (text: String, file: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataFileError(file: path, line: 1, field: "", message: "không đọc được tệp \(what)")
        }
        let name = (path as NSString).lastPathComponent
        return (try utf8(data, file: name), name)
    }

    /// The bytes as UTF-8 text, or an error naming the line of the first byte that is not UTF-8: decoding with
    /// replacement would turn a mis-saved file into "�" characters without a word.
    package static func utf8(_ data: Data, file: String) throws -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }
        // The line of the first bad byte: walk the sequences by their lead bytes (the file is refused either way).
        let bytes = [UInt8](data)
        var low = 0
        while low < bytes.count {
            let lead = bytes[low]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            guard length > 0, low + length <= bytes.count,
                  String(validating: bytes[low..<low + length], as: UTF8.self) != nil else { break }
            low += length
        }
        let line = bytes[..<low].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        throw DataFileError(file: file, line: line, field: "", message: "tệp không ở mã UTF-8 (có byte không hợp lệ); hãy lưu lại dạng UTF-8")
    }

    package func root(_ text: String) throws -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else { throw DataFileError(file: file, line: 1, field: "", message: "tệp trống") }
            return node
        } catch let error as YamlError {
            throw DataFileError(file: file, line: Self.line(of: error), field: "", message: "YAML không đọc được: \(error)")
        }
    }

    package static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 1
        }
    }

    package func line(_ node: Node?) -> Int { node?.mark?.line ?? 1 }

    package func mapping(_ node: Node, field: String) throws -> Node.Mapping {
        guard let mapping = node.mapping else { throw DataFileError(file: file, line: line(node), field: field, message: "phải là một nhóm khóa: giá trị") }
        return mapping
    }

    package func sequence(_ node: Node?, field: String, parent: Node) throws -> [Node] {
        guard let node else { throw DataFileError(file: file, line: line(parent), field: field, message: "thiếu danh sách") }
        guard let sequence = node.sequence else { throw DataFileError(file: file, line: line(node), field: field, message: "phải là một danh sách") }
        return Array(sequence)
    }

    package func string(_ mapping: Node.Mapping, _ key: String, in node: Node, required: Bool = true) throws -> String? {
        guard let value = mapping[key] else {
            if required { throw DataFileError(file: file, line: line(node), field: key, message: "thiếu trường bắt buộc") }
            return nil
        }
        guard let text = value.string else { throw DataFileError(file: file, line: line(value), field: key, message: "phải là chữ") }
        return text
    }

    package func strings(_ mapping: Node.Mapping, _ key: String) throws -> [String] {
        guard let value = mapping[key] else { return [] }
        guard let sequence = value.sequence else { throw DataFileError(file: file, line: line(value), field: key, message: "phải là một danh sách") }
        return try sequence.map { item in
            guard let text = item.string else { throw DataFileError(file: file, line: line(item), field: key, message: "phải là chữ") }
            return text
        }
    }

    /// A list of keys each naming a case of `T` ("[school, womens_union]"); an unknown key is named together with
    /// the ones that exist.
    package func cases<T: RawRepresentable & CaseIterable>(_ mapping: Node.Mapping, _ key: String, of type: T.Type) throws -> [T]
    where T.RawValue == String {
        try strings(mapping, key).map { text in
            guard let value = T(rawValue: text) else {
                throw DataFileError(file: file, line: line(mapping[key]), field: key,
                                    message: "\"\(text)\" không có; dùng \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        }
    }
}
