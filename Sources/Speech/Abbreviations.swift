import DataFiles
import Foundation
import Yams

extension SpokenText {
    /// The normaliser with the abbreviations of `campaigns/abbreviations.yaml` (an editable data file): a wrong entry
    /// is refused with its file, line and field.
    package init(abbreviationsFile path: String) throws {
        let (text, file) = try YAMLReader.text(ofFile: path, holding: "chữ viết tắt")
        let reader = YAMLReader(file: file)
        let root = try reader.root(text)
        let top = try reader.mapping(root, field: "abbreviations")
        guard let list = top["abbreviations"] else { throw DataFileError(file: file, line: 1, field: "abbreviations", message: "thiếu trường bắt buộc") }
        var found: [String: String] = [:]
        for (key, value) in try reader.mapping(list, field: "abbreviations") {
            guard let short = key.string, !short.isEmpty, let long = value.string else {
                throw DataFileError(file: file, line: reader.line(value), field: key.string ?? "abbreviations", message: "phải là chữ: VIẾT TẮT: cách đọc")
            }
            found[short] = long
        }
        self.init(abbreviations: found)
    }
}
