import Foundation
import GRDB
import Store
import Vietnamese

/// Imports an organisation's members from a list (CSV, or an Excel sheet read as CSV): all rows or none, every bad
/// row reported with file, line and field. Each row is matched to a resident already registered by the rules of
/// the duplicates check (name without tones, birth year, village, phone); one not found is added as a new resident
/// when the account may write that village, and otherwise reported (the village's staff add them first). A row of
/// someone already a current member is counted and left unchanged.
package enum MembersImporter {
    package static let columns: [CSVHeader.Column] = [
        .init("full_name", "Họ và tên", required: true),
        .init("birth_year", "Năm sinh"),
        .init("gender", "Giới tính"),
        .init("village", "Thôn"),
        .init("phone", "Điện thoại"),
        .init("role", "Vai trò"),
        .init("number", "Số thẻ"),
        .init("joined_on", "Ngày vào"),
    ]

    package static func run(_ db: Database, data: Data, file: String, orgId: Int64, dryRun: Bool, by principal: Principal,
                           today: CivilDate, now: Date = Date()) throws -> ImportReport {
        _ = try MembershipStore.organisation(db, id: orgId)
        try principal.require(principal.canWrite(unitId: orgId))
        var report = ImportReport(file: file, dryRun: dryRun)
        let reader = try CSVReader(data: data, fileName: file)
        var iterator = reader.makeIterator()
        guard let headerRecord = iterator.next() else { throw CSVReader.Failure.empty(file: file) }
        let header = try CSVHeader(headerRecord.fields, columns: columns, file: file, line: headerRecord.line)
        let villages = Dictionary(try OrgUnit.filter(OrgUnit.Columns.kind == UnitKind.village.rawValue).fetchAll(db).map { ($0.searchKey, $0.id!) },
                                  uniquingKeysWith: { first, _ in first })
        let rules = try DedupeRules.fromSettings(db)
        try db.inSavepoint {
            while let record = iterator.next() {
                report.rowsRead += 1
                try importRow(db, record, header: header, orgId: orgId, villages: villages, rules: rules, report: &report,
                              by: principal, today: today, now: now)
            }
            if report.succeeded {
                try Audit.record(db, by: principal, .import, entity: "orgMember", id: nil,
                                 after: ["file": file, "organisation": String(orgId), "rows": String(report.inserted), "newResidents": String(report.created.count)],
                                 at: now)
            }
            return report.succeeded && !dryRun ? .commit : .rollback
        }
        return report
    }

    private static func importRow(_ db: Database, _ record: CSVReader.Record, header: CSVHeader, orgId: Int64, villages: [String: Int64],
                                  rules: DedupeRules, report: inout ImportReport, by principal: Principal, today: CivilDate, now: Date) throws {
        let line = record.line
        let problemsBefore = report.problems.count + report.unlistedProblems
        let name = header.value("full_name", in: record) ?? ""
        if name.isEmpty { report.add(line: line, field: "Họ và tên", "trống") }
        var birthYear: Int?
        if let text = header.value("birth_year", in: record) {
            if let year = Int(text), (today.year - 110)...today.year ~= year { birthYear = year }
            else { report.add(line: line, field: "Năm sinh", "\"\(text)\" không phải năm sinh (từ \(today.year - 110) đến \(today.year))") }
        }
        var villageId: Int64?
        if let text = header.value("village", in: record) {
            if let id = villages[VietnameseText.searchKey(text)] { villageId = id }
            else { report.add(line: line, field: "Thôn", "không có thôn \"\(text)\" trong xã") }
        }
        var phone: String?
        if let text = header.value("phone", in: record) {
            switch PhoneNumber.parse(text) {
            case .success(let number): phone = number.normalized
            case .failure(let rejection): report.add(line: line, field: "Điện thoại", rejection.message)
            }
        }
        var role = OrgRole.member
        if let text = header.value("role", in: record) {
            switch VietnameseText.searchKey(text) {
            case "head", "chi hoi truong", "bi thu", "bi thu chi doan", "truong": role = .head
            case "deputy", "chi hoi pho", "pho bi thu", "pho": role = .deputy
            case "member", "hoi vien", "doan vien", "": role = .member
            default: report.add(line: line, field: "Vai trò", "\"\(text)\": ghi chi hội trưởng, chi hội phó hoặc hội viên")
            }
        }
        var joined = today
        if let text = header.value("joined_on", in: record) {
            if let date = CivilDate(parsing: text) { joined = date } else { report.add(line: line, field: "Ngày vào", CivilDate.problem(parsing: text, what: "Ngày vào") ?? "") }
        }
        guard report.problems.count + report.unlistedProblems == problemsBefore else { return }
        let probe = DuplicateFinder.Probe(fullName: name, birthYear: birthYear, villageId: villageId, phone: phone)
        let found = try DuplicateFinder.candidates(db, for: probe, rules: rules, limit: 1).first { principal.canRead(unitId: $0.villageId) }
        let personId: Int64
        if let found {
            personId = found.id
        } else if principal.canWrite(unitId: villageId) {
            let input = PersonInput(fullName: name, gender: header.value("gender", in: record), birthYear: birthYear.map(String.init), villageId: villageId, phone: phone)
            do {
                personId = try PersonStore.create(db, input, by: principal, now: now).id!
                report.created.append(name)
            } catch let error as DomainError {
                for (field, message) in error.fieldErrors.sorted(by: { $0.key < $1.key }) { report.add(line: line, field: field, message) }
                if error.fieldErrors.isEmpty { report.add(line: line, field: "Họ và tên", error.message) }
                return
            }
        } else {
            report.add(line: line, field: "Họ và tên", "không tìm thấy \(name) trong danh sách người dân (các thôn của tài khoản); nhờ cán bộ thôn thêm người này trước")
            return
        }
        // Someone already a member is left as they are: importing this year's list again changes nothing.
        if try MembershipStore.isCurrentMember(db, orgId: orgId, personId: personId) {
            report.skipped += 1
            return
        }
        do {
            _ = try MembershipStore.add(db, orgId: orgId, .init(personId: personId, branchId: villageId, role: role, number: header.value("number", in: record),
                                                                joinedOn: joined), by: principal, now: now)
            report.inserted += 1
        } catch let error as DomainError {
            for (field, message) in error.fieldErrors.sorted(by: { $0.key < $1.key }) {
                report.add(line: line, field: field == "personId" ? "Họ và tên" : field == "number" ? "Số thẻ" : field, message)
            }
            if error.fieldErrors.isEmpty { report.add(line: line, field: "Họ và tên", error.message) }
        }
    }
}
