import Foundation
import GRDB
import Vietnamese

/// Imports residents from CSV: every bad row is reported with line and field, and nothing is written unless every
/// row is good. Parses on one core while the other writes batches through `PeopleBulkInsert` (a million rows in ~20 s).
package enum PeopleImporter {
    package static let columns: [CSVHeader.Column] = [
        .init("full_name", "Họ và tên", required: true),
        .init("gender", "Giới tính"),
        .init("birth_year", "Năm sinh"),
        .init("birth_date", "Ngày sinh"),
        .init("village", "Thôn"),
        .init("phone", "Điện thoại"),
        .init("ethnicity", "Dân tộc"),
        .init("consent_sms", "Đồng ý nhận tin"),
        .init("guardian", "Người giám hộ"),
        .init("email", "Thư điện tử"),
        .init("notes", "Ghi chú"),
        .init("language", "Ngôn ngữ"),
        .init("sort_name", "Tên sắp xếp"),
    ]

    /// What an import does with a row that may be someone already on the register.
    /// `report` lists them and imports them anyway; `skip` leaves them out; `link` takes the row as that resident:
    /// what the register lacks is filled from it (nothing overwritten) and no one new is created.
    package enum DuplicateHandling: String, Sendable, CaseIterable { case report, skip, link }

    package struct Options: Sendable {
        package var dryRun = false
        package var createVillages = false
        package var duplicates: DuplicateHandling = .report
        package init(dryRun: Bool = false, createVillages: Bool = false, duplicates: DuplicateHandling = .report) {
            self.dryRun = dryRun; self.createVillages = createVillages; self.duplicates = duplicates
        }
    }

    /// Files below the bulk path's size are checked row by row against the register (~8 ms a row at a million
    /// people; the bulk path sets the search index aside); a larger one is imported unchecked and says so — the
    /// duplicates page pairs the register afterwards.
    package static var duplicateCheckLimit: Int { BulkWrite.threshold - 1 }

    package static func run(_ db: Database, data: Data, file: String, options: Options, by principal: Principal,
                           now: Date = Date(), progress: ((Int) -> Void)? = nil) throws -> ImportReport {
        var report = ImportReport(file: file, dryRun: options.dryRun)
        let reader = try CSVReader(data: data, fileName: file)
        var iterator = reader.makeIterator()
        guard let headerRecord = iterator.next() else { throw CSVReader.Failure.empty(file: file) }
        let header = try CSVHeader(headerRecord.fields, columns: columns, file: file, line: headerRecord.line)
        let today = CivilDate.today(now: now)
        // Lines in the file: enough to choose the bulk path before reading any row.
        let lines = data.withUnsafeBytes { bytes in bytes.reduce(into: 0) { count, byte in if byte == 0x0A { count += 1 } } }
        let parser = ChunkParser(iterator: iterator, layout: Layout(header), thisYear: today.year, now: now)
        // An empty register has nothing to duplicate (the first load of a million people stays fast).
        let registerSize = try Person.fetchCount(db)
        let checkDuplicates = registerSize > 0 && lines <= duplicateCheckLimit
        report.duplicatesNotChecked = registerSize > 0 && !checkDuplicates
        let rules = try DedupeRules.fromSettings(db)
        try BulkWrite.run(db, expectedRows: lines) {
            try db.inSavepoint {
                var writer = try PeopleBulkInsert(db, now: now, today: today)
                var villages = try VillageResolver(db, createMissing: options.createVillages, by: principal, now: now)
                // Parsing and validating (pure Swift work) run one chunk ahead on another core while this thread
                // resolves villages and writes.
                try parser.forEachChunk { chunk in
                    for parsed in chunk {
                        report.rowsRead += 1
                        guard let row = try resolve(parsed, villages: &villages, principal: principal, report: &report) else { continue }
                        if checkDuplicates {
                            let probe = DuplicateFinder.Probe(fullName: row.person.fullName, birthYear: row.person.birthYear,
                                                              villageId: row.person.villageId, phone: row.person.phone)
                            if let candidate = try DuplicateFinder.candidates(db, for: probe, rules: rules, limit: 1).first {
                                report.duplicates.append(.init(file: file, line: parsed.line, name: row.person.fullName, candidate: candidate))
                                if options.duplicates == .skip { report.skipped += 1; continue }
                                if options.duplicates == .link {
                                    if report.succeeded {
                                        try PersonLink.fillBlanks(db, personId: candidate.id, from: row.person, smsConsent: row.smsConsent,
                                                                  guardian: row.guardian, by: principal, now: now)
                                    }
                                    report.linked += 1
                                    continue
                                }
                            }
                        }
                        // After the first bad row nothing more is written, but every row is still checked and reported.
                        if report.succeeded {
                            try writer.add(row.person, smsConsent: row.smsConsent, guardian: row.guardian)
                            report.inserted += 1
                        }
                    }
                    progress?(report.rowsRead)
                }
                try writer.finish()
                report.created = villages.created
                if report.succeeded {
                    try Audit.record(db, by: principal, .import, entity: "person", id: nil,
                                     after: ["file": file, "rows": String(report.inserted), "skippedAsDuplicates": String(report.skipped),
                                             "linkedToResidents": String(report.linked),
                                             "villagesCreated": villages.created.joined(separator: "; ")],
                                     at: now)
                }
                return report.succeeded && !options.dryRun ? .commit : .rollback
            }
        }
        return report
    }

    struct Row {
        var person: Person
        var consentSMS: Bool
        var guardian: String?

        /// How the SMS consent in the file was given: by the person, or for a child by the guardian named.
        var smsConsent: ConsentMethod? { consentSMS ? (guardian == nil ? .imported : .guardian) : nil }
    }

    /// A row checked on its own, before anything in the store is consulted.
    struct ParsedRow: Sendable {
        let line: Int
        let person: Person?
        let villageName: String?
        let consentSMS: Bool
        let guardian: String?
        let problems: [(field: String, message: String)]
    }

    /// Where each column sits in this file's records: found once, so a row costs no key lookups.
    struct Layout: Sendable {
        let fullName, gender, birthYear, birthDate, village, phone, ethnicity, consentSMS, guardian, email, notes, language, sortName: Int?
        init(_ header: CSVHeader) {
            let at = header.positions
            fullName = at["full_name"]; gender = at["gender"]; birthYear = at["birth_year"]; birthDate = at["birth_date"]
            village = at["village"]; phone = at["phone"]; ethnicity = at["ethnicity"]; consentSMS = at["consent_sms"]
            guardian = at["guardian"]; email = at["email"]; notes = at["notes"]; language = at["language"]
            sortName = at["sort_name"]
        }
    }

    /// Everything that needs no database: fields, names, dates, phones, consent and guardian rules.
    static func parse(_ record: CSVReader.Record, layout: Layout, thisYear: Int, now: Date) -> ParsedRow {
        func value(_ position: Int?) -> String? { CSVHeader.value(at: position, in: record) }
        var problems: [(field: String, message: String)] = []
        let input = PersonInput(fullName: value(layout.fullName) ?? "", gender: value(layout.gender),
                                birthDate: value(layout.birthDate), birthYear: value(layout.birthYear),
                                ethnicity: value(layout.ethnicity), phone: value(layout.phone),
                                email: value(layout.email), notes: value(layout.notes), language: value(layout.language),
                                sortName: value(layout.sortName))
        var person: Person?
        switch input.validate(thisYear: thisYear) {
        case .success(let valid): person = input.makePerson(valid, now: now)
        case .failure(let error):
            for (field, message) in error.fieldErrors.sorted(by: { $0.key < $1.key }) {
                problems.append((fieldLabels[field] ?? field, message))
            }
        }
        var consent = false
        if let text = value(layout.consentSMS) {
            switch VietnameseText.searchKey(text) {
            case "co", "yes", "y", "x", "1", "dong y": consent = true
            case "khong", "no", "n", "0", "": consent = false
            default: problems.append(("Đồng ý nhận tin", "ghi \"có\" hoặc \"không\", không phải \"\(text)\""))
            }
        }
        let guardian = value(layout.guardian)
        if consent, let year = person?.birthYear, thisYear - year < 16, guardian == nil {
            problems.append(("Người giám hộ", "người dưới 16 tuổi cần tên cha, mẹ hoặc người giám hộ đồng ý nhận tin"))
        }
        return ParsedRow(line: record.line, person: problems.isEmpty ? person : nil, villageName: value(layout.village),
                         consentSMS: consent, guardian: guardian, problems: problems)
    }

    /// What needs the store: the village (found or created) and the account's right to write there.
    private static func resolve(_ parsed: ParsedRow, villages: inout VillageResolver, principal: Principal,
                                report: inout ImportReport) throws -> Row? {
        let line = parsed.line
        let before = report.problems.count + report.unlistedProblems
        var villageId: Int64?
        if let villageName = parsed.villageName {
            villageId = try villages.resolve(villageName)
            if villageId == nil {
                report.add(line: line, field: "Thôn", "không có thôn \"\(villageName)\" (tạo trước, hoặc dùng --create-villages)")
            } else if !principal.canWrite(unitId: villageId) {
                report.add(line: line, field: "Thôn", "tài khoản không được ghi vào thôn \"\(villageName)\"")
            }
        } else if !principal.canWriteCommuneWide {
            report.add(line: line, field: "Thôn", "bắt buộc ghi thôn")
        }
        for problem in parsed.problems { report.add(line: line, field: problem.field, problem.message) }
        guard report.problems.count + report.unlistedProblems == before, var person = parsed.person else { return nil }
        person.villageId = villageId
        return Row(person: person, consentSMS: parsed.consentSMS, guardian: parsed.guardian)
    }

    static let fieldLabels = ["fullName": "Họ và tên", "gender": "Giới tính", "birthDate": "Ngày sinh", "birthYear": "Năm sinh",
                              "phone": "Điện thoại", "email": "Thư điện tử", "language": "Ngôn ngữ",
                              "sortName": "Tên sắp xếp"]
}

/// Village names to ids, by folded name; creates missing villages when asked.
struct VillageResolver {
    private var cache: [String: Int64] = [:]
    private let createMissing: Bool
    private let principal: Principal
    private let now: Date
    private let db: Database
    private(set) var created: [String] = []

    init(_ db: Database, createMissing: Bool, by principal: Principal, now: Date) throws {
        self.db = db
        self.createMissing = createMissing
        self.principal = principal
        self.now = now
        for unit in try OrgUnit.filter(OrgUnit.Columns.kind == UnitKind.village.rawValue).fetchAll(db) {
            cache[unit.searchKey] = unit.id
        }
    }

    /// The same few village names repeat on every row: remember them as written before folding.
    private var byRawName: [String: Int64] = [:]

    mutating func resolve(_ name: String) throws -> Int64? {
        if let id = byRawName[name] { return id }
        let id = try resolveFolded(name)
        if let id { byRawName[name] = id }
        return id
    }

    private mutating func resolveFolded(_ name: String) throws -> Int64? {
        let key = VietnameseText.searchKey(name)
        if let id = cache[key] { return id }
        if let unit = try UnitStore.find(db, name: name, kind: .village) {
            cache[key] = unit.id
            return unit.id
        }
        guard createMissing, principal.canManageUnits else { return nil }
        let unit = try UnitStore.create(db, UnitInput(name: name, kind: UnitKind.village.rawValue), by: principal, now: now)
        cache[key] = unit.id
        created.append(unit.name)
        return unit.id
    }
}
