import Vietnamese

/// Maps a header line to known columns; each column accepts its Vietnamese header or its English key.
package struct CSVHeader {
    package struct Column: Sendable {
        package let key: String
        package let vietnamese: String
        package let required: Bool
        package init(_ key: String, _ vietnamese: String, required: Bool = false) {
            self.key = key; self.vietnamese = vietnamese; self.required = required
        }
    }

    package let positions: [String: Int]

    /// Throws a message naming missing required columns and unknown ones.
    package init(_ fields: [String], columns: [Column], file: String, line: Int = 1) throws {
        var positions: [String: Int] = [:]
        var unknown: [String] = []
        for (index, raw) in fields.enumerated() {
            let key = VietnameseText.searchKey(VietnameseText.clean(raw))
            if let column = columns.first(where: { VietnameseText.searchKey($0.vietnamese) == key || $0.key == key }) {
                positions[column.key] = index
            } else if !key.isEmpty {
                unknown.append(raw)
            }
        }
        let missing = columns.filter { $0.required && positions[$0.key] == nil }
        if !missing.isEmpty {
            let names = missing.map { "\"\($0.vietnamese)\" (\($0.key))" }.joined(separator: ", ")
            throw ImportReport.Problem(file: file, line: line, field: missing[0].vietnamese,
                                       message: "thiếu cột bắt buộc \(names)")
        }
        if !unknown.isEmpty {
            let known = columns.map(\.vietnamese).joined(separator: ", ")
            throw ImportReport.Problem(file: file, line: line, field: unknown[0],
                                       message: "cột không nhận ra: \(unknown.joined(separator: ", ")). Các cột dùng được: \(known)")
        }
        self.positions = positions
    }

    package func value(_ key: String, in record: CSVReader.Record) -> String? {
        Self.value(at: positions[key], in: record)
    }

    /// The cleaned field at a position found once from `positions` (hot loops skip the key lookup); nil when empty.
    package static func value(at position: Int?, in record: CSVReader.Record) -> String? {
        guard let position, position < record.fields.count else { return nil }
        let text = VietnameseText.clean(record.fields[position])
        return text.isEmpty ? nil : text
    }
}
