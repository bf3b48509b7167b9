import Foundation
import GRDB
import Vietnamese

/// CSV exports with the same Vietnamese headers the importers read, so an export imports back unchanged.
package enum CSVExport {
    package static func units(_ db: Database, to output: @escaping (String) throws -> Void) throws -> Int {
        try units(db, into: try CSVTableSink(output: output))
    }

    /// Units in tree order, under the importer's headers.
    package static func units(_ db: Database, into sink: any TableSink) throws -> Int {
        let widths = [30, 22, 26, 30, 13, 22]
        try sink.begin(zip(UnitImporter.columns, widths).map { TableColumn($0.0.vietnamese, width: $0.1) })
        var count = 0
        let rows = try Row.fetchCursor(db, sql: """
            WITH RECURSIVE walk(id, path) AS (
              SELECT id, sortKey FROM unit WHERE parentId IS NULL
              UNION ALL SELECT u.id, w.path || char(2) || u.sortKey FROM unit u JOIN walk w ON u.parentId = w.id)
            SELECT u.name, u.kind, p.name, u.address, u.phone, u.contactName
            FROM walk JOIN unit u ON u.id = walk.id LEFT JOIN unit p ON p.id = u.parentId ORDER BY walk.path
            """)
        func text(_ value: String?) -> TableCell { value.map { TableCell.text($0) } ?? .empty }
        while let row = try rows.next() {
            let kind = UnitKind(rawValue: row[1]).map(\.label) ?? ""
            try sink.row([.text(row[0]), .text(kind), text(row[2]), text(row[3]), text(row[4]), text(row[5])])
            count += 1
        }
        return count
    }

    /// People in given-name order, with the phone in national form and SMS consent as có/không.
    package static func people(_ db: Database, to output: @escaping (String) throws -> Void, progress: ((Int) -> Void)? = nil) throws -> Int {
        try people(db, into: try CSVTableSink(output: output), progress: progress)
    }

    /// The people list's columns: the importer's headers, widths for a spreadsheet.
    package static let peopleColumns = [
        TableColumn("Họ và tên", width: 26), TableColumn("Giới tính", width: 9), TableColumn("Năm sinh", width: 9),
        TableColumn("Ngày sinh", width: 11), TableColumn("Thôn", width: 14), TableColumn("Điện thoại", width: 13),
        TableColumn("Dân tộc", width: 10), TableColumn("Đồng ý nhận tin", width: 15), TableColumn("Người giám hộ", width: 22),
        TableColumn("Ngôn ngữ", width: 14), TableColumn("Tên sắp xếp", width: 18),
    ]

    /// People into any sink, a row at a time (a CSV or a spreadsheet; a million rows in constant memory): everyone,
    /// or the villages an account may read (an editor's list from the people page), or one village.
    package static func people(_ db: Database, into sink: any TableSink, scope: Principal.Scope = .all, villageId: Int64? = nil,
                              progress: ((Int) -> Void)? = nil) throws -> Int {
        try sink.begin(peopleColumns)
        var count = 0
        var filter = SQLFilter()
        if let villageId { filter.add("p.villageId = ?", [villageId]) }
        if case .units(let ids) = scope { filter.add("p.villageId IN (\(SQLList.ids(ids)))") }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT p.fullName, p.gender, p.birthYear, p.birthDate, u.name, p.phone, p.ethnicity,
                   c.id IS NOT NULL, c.guardianName, p.language, p.sortName
            FROM person p LEFT JOIN unit u ON u.id = p.villageId
            LEFT JOIN consent c ON c.id = (SELECT id FROM consent WHERE personId = p.id AND channel = 'sms' AND withdrawnOn IS NULL LIMIT 1)
            \(filter.whereClause) ORDER BY p.sortKey
            """, arguments: filter.arguments)
        func text(_ value: String?) -> TableCell { value.map { TableCell.text($0) } ?? .empty }
        while let row = try rows.next() {
            let gender = Gender(rawValue: row[1]) ?? .unknown
            let phone: String? = row[5]
            let birthDate: String? = row[3]
            // The phone stays text: as a number Excel would drop its leading 0.
            try sink.row([
                .text(row[0]), gender == .unknown ? .empty : .text(gender.label), (row[2] as Int64?).map { TableCell.integer($0) } ?? .empty,
                birthDate.flatMap(CivilDate.init(parsing:)).map { TableCell.date($0) } ?? .empty, text(row[4]),
                text(phone.map(PhoneNumber.national)), text(row[6]), .text((row[7] as Bool) ? "có" : "không"), text(row[8]),
                // Vietnamese, the default, is left empty (as the import reads an empty cell).
                text((row[9] as String?).flatMap(MessageLanguage.init(rawValue:))?.label), text(row[10]),
            ])
            count += 1
            if count % 10_000 == 0 { progress?(count) }
        }
        progress?(count)
        return count
    }
}
