import DataFiles
import Foundation
import GRDB
import Store
import Vietnamese
import Yams

/// A form of commendation or an emulation title, from `campaigns/honours.yaml`.
package struct HonourForm: Sendable, Equatable {
    package enum Kind: String, Sendable { case commendation, praise, title }
    package let key: String
    package let name: String
    package let kind: Kind
    /// "commune": decided and numbered by the commune; "higher": received from a higher level and recorded.
    package let level: String
    package let awardedBy: String
    package let recipients: [RecipientKind]
    package let defaultAward: Int64
    package let certificate: Bool

    /// The setting that overrides the default cash award.
    package var awardSetting: String { "honours.award.\(key)" }
}

/// The catalogue of forms and titles; a mistake in the file names its line and field.
package struct HonourForms: Sendable {
    package let forms: [HonourForm]
    /// The grounds a new decision cites, from the file: acts by their date of adoption ("Căn cứ Luật Thi đua, khen
    /// thưởng ngày 15 tháng 6 năm 2022"), then the proposal it follows.
    package let grounds: [String]

    /// The grounds as a decision stores them: one per clause, separated by ";", ending with ".".
    package var defaultGrounds: String { grounds.joined(separator: "; ") + "." }

    package init(path: String) throws {
        let (text, file) = try YAMLReader.text(ofFile: path, holding: "hình thức khen thưởng")
        try self.init(yaml: text, file: file)
    }

    package init(yaml: String, file: String) throws {
        let reader = YAMLReader(file: file)
        let root = try reader.root(yaml)
        let top = try reader.mapping(root, field: "forms")
        var forms: [HonourForm] = []
        for node in try reader.sequence(top["forms"], field: "forms", parent: root) {
            let map = try reader.mapping(node, field: "forms")
            let key = try reader.string(map, "key", in: node)!
            guard !forms.contains(where: { $0.key == key }) else { throw DataFileError(file: file, line: reader.line(node), field: "key", message: "khóa \"\(key)\" bị trùng") }
            let kindText = try reader.string(map, "kind", in: node)!
            guard let kind = HonourForm.Kind(rawValue: kindText) else {
                throw DataFileError(file: file, line: reader.line(map["kind"]), field: "kind", message: "\"\(kindText)\" không có; dùng commendation, praise hoặc title")
            }
            let level = try reader.string(map, "level", in: node)!
            guard ["commune", "higher"].contains(level) else {
                throw DataFileError(file: file, line: reader.line(map["level"]), field: "level", message: "\"\(level)\" không có; dùng commune hoặc higher")
            }
            let recipients = try reader.cases(map, "recipients", of: RecipientKind.self)
            if recipients.isEmpty { throw DataFileError(file: file, line: reader.line(node), field: "recipients", message: "cần ít nhất một loại người nhận") }
            let awardText = try reader.string(map, "award", in: node, required: false) ?? "0"
            guard let award = Int64(awardText), award >= 0 else {
                throw DataFileError(file: file, line: reader.line(map["award"]), field: "award", message: "mức thưởng là số đồng nguyên, không âm")
            }
            let certificate = try reader.string(map, "certificate", in: node, required: false) ?? "false"
            forms.append(HonourForm(key: key, name: try reader.string(map, "name", in: node)!, kind: kind, level: level,
                                    awardedBy: try reader.string(map, "awardedBy", in: node)!, recipients: recipients, defaultAward: award,
                                    certificate: certificate == "true"))
        }
        if forms.isEmpty { throw DataFileError(file: file, line: 1, field: "forms", message: "chưa có hình thức nào") }
        self.forms = forms
        grounds = try reader.sequence(top["grounds"], field: "grounds", parent: root).map { node in
            let map = try reader.mapping(node, field: "grounds")
            if let text = try reader.string(map, "text", in: node, required: false) { return VietnameseText.clean(text) }
            let act = try reader.string(map, "act", in: node)!
            let dateText = try reader.string(map, "date", in: node)!
            guard let date = CivilDate(parsing: dateText) else {
                throw DataFileError(file: file, line: reader.line(map["date"]), field: "date", message: "ngày thông qua dạng dd/MM/yyyy: \"\(dateText)\"")
            }
            let of = try reader.string(map, "of", in: node, required: false).map { " " + $0 } ?? ""
            return "Căn cứ \(act) \(date.documentForm)\(of)"
        }
    }

    package func form(_ key: String) -> HonourForm? { forms.first { $0.key == key } }

    /// The cash award now in force: the setting when staff changed it, the file's default otherwise.
    package func award(_ db: Database, for form: HonourForm) throws -> Int64 {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [form.awardSetting]).flatMap { Int64($0) } ?? form.defaultAward
    }
}
