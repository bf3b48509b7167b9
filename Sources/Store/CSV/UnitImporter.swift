import Foundation
import GRDB
import Vietnamese

/// Imports units from CSV: all rows or none. Parents are looked up by name among existing units and rows above.
package enum UnitImporter {
    package static let columns: [CSVHeader.Column] = [
        .init("name", "Tên đơn vị", required: true),
        .init("kind", "Loại", required: true),
        .init("parent", "Đơn vị cấp trên"),
        .init("address", "Địa chỉ"),
        .init("phone", "Điện thoại"),
        .init("contact_name", "Người liên hệ"),
    ]

    package static func run(_ db: Database, data: Data, file: String, dryRun: Bool, by principal: Principal,
                           now: Date = Date()) throws -> ImportReport {
        try principal.require(principal.canManageUnits)
        var report = ImportReport(file: file, dryRun: dryRun)
        let reader = try CSVReader(data: data, fileName: file)
        var iterator = reader.makeIterator()
        guard let headerRecord = iterator.next() else { throw CSVReader.Failure.empty(file: file) }
        let header = try CSVHeader(headerRecord.fields, columns: columns, file: file, line: headerRecord.line)
        try db.inSavepoint {
            while let record = iterator.next() {
                report.rowsRead += 1
                importRow(db, record, header: header, report: &report, by: principal, now: now)
            }
            if report.succeeded {
                try Audit.record(db, by: principal, .import, entity: "unit", id: nil,
                                 after: ["file": file, "rows": String(report.inserted)], at: now)
            }
            return report.succeeded && !dryRun ? .commit : .rollback
        }
        return report
    }

    private static func importRow(_ db: Database, _ record: CSVReader.Record, header: CSVHeader, report: inout ImportReport,
                                  by principal: Principal, now: Date) {
        let line = record.line
        let name = header.value("name", in: record) ?? ""
        let kindText = header.value("kind", in: record) ?? ""
        var parentId: Int64?
        do {
            if let parentName = header.value("parent", in: record) {
                guard let parent = try UnitStore.find(db, name: parentName) else {
                    report.add(line: line, field: "Đơn vị cấp trên", "không tìm thấy đơn vị \"\(parentName)\" (phải có sẵn hoặc nằm ở dòng trên)")
                    return
                }
                parentId = parent.id
            }
            if let kind = UnitKind(lenient: kindText), try UnitStore.find(db, name: name, kind: kind) != nil {
                report.add(line: line, field: "Tên đơn vị", "đã có đơn vị \"\(name)\" loại \(kind.label)")
                return
            }
            let input = UnitInput(name: name, kind: kindText, parentId: parentId, address: header.value("address", in: record),
                                  phone: header.value("phone", in: record), contactName: header.value("contact_name", in: record))
            let problems = input.problems()
            for (field, message) in problems.sorted(by: { $0.key < $1.key }) {
                report.add(line: line, field: field == "kind" ? "Loại" : "Tên đơn vị", message + (field == "kind" ? ": \"\(kindText)\"" : ""))
            }
            guard problems.isEmpty, report.succeeded else { return }
            _ = try UnitStore.create(db, input, by: principal, now: now)
            report.inserted += 1
        } catch let error as DomainError {
            report.add(line: line, field: "Tên đơn vị", error.message)
        } catch {
            report.add(line: line, field: "Tên đơn vị", "\(error)")
        }
    }
}
