import GRDB
import Honours
import Recognition
import Store
import Vietnamese

/// What a list download is asked for: a year, the record it belongs to (a club, a campaign, a decision), filters.
/// The web fills it from the page's query, `densach export list` from its options.
package struct ListQuery: Sendable, Equatable {
    package var year: Int?
    /// The club, campaign or decision whose list this is.
    package var id: Int64?
    package var campaignId: Int64?
    package var villageId: Int64?
    package var unitId: Int64?
    /// A choice among a list's own kinds (a donation kind, a consent channel, a criteria set's key).
    package var kind: String?

    package init(year: Int? = nil, id: Int64? = nil, campaignId: Int64? = nil, villageId: Int64? = nil, unitId: Int64? = nil, kind: String? = nil) {
        self.year = year; self.id = id; self.campaignId = campaignId; self.villageId = villageId; self.unitId = unitId; self.kind = kind
    }
}

/// The data files some lists read (honour forms, criteria sets, the programme) and the day they are made on.
/// The command line may run without them (outside the project folder): lists of people, units or gifts need none,
/// the others say which folder is missing.
package struct ListData: Sendable {
    struct Files: Sendable { let forms: HonourForms; let sets: CriteriaSets; let programme: Programme }
    let files: Files?
    let missing: String
    package let today: CivilDate

    package init(forms: HonourForms, sets: CriteriaSets, programme: Programme, today: CivilDate) {
        files = Files(forms: forms, sets: sets, programme: programme); missing = ""; self.today = today
    }

    /// The files of `campaigns/`, or none (with the reason kept for the lists that need them).
    package init(campaignsDirectory: String, today: CivilDate) {
        do {
            files = Files(forms: try HonourForms(path: campaignsDirectory + "/honours.yaml"), sets: try CriteriaSets(directory: campaignsDirectory + "/criteria"),
                          programme: try Programme(path: campaignsDirectory + "/programme.yaml"))
            missing = ""
        } catch {
            files = nil; missing = "\(error)"
        }
        self.today = today
    }

    func required() throws -> Files {
        guard let files else {
            throw DomainError(.invalid, "Danh sách này cần các tệp dữ liệu của thư mục campaigns/ (--campaigns): \(missing)",
                              english: "This list needs the data files of the campaigns/ folder (--campaigns): \(missing)")
        }
        return files
    }

    var forms: HonourForms { get throws { try required().forms } }
    var sets: CriteriaSets { get throws { try required().sets } }
    var programme: Programme { get throws { try required().programme } }
}

/// One list Đèn Sách hands out as CSV and Excel, on its page and from `densach export list NAME`: the same typed
/// rows into either sink, read with the account's scope, so the page, the command line and the two formats agree.
package struct ListExport: Sendable {
    /// The command line's name, also the file name's start ("households" → `ho-gia-dinh.xlsx`).
    package let name: String
    /// What the list is, for `densach export list --help`.
    package let summary: String
    /// Whether it needs `id` (the club, campaign or decision it belongs to).
    package let needsId: Bool
    /// The audit log's entity name.
    let entity: String
    let file: @Sendable (ListQuery) -> String
    /// The title without the commune (`title(_:_:)` adds it).
    let heading: @Sendable (Database, ListQuery) throws -> String
    let sheet: @Sendable (ListQuery) -> String
    /// Writes the rows (begin, rows; several sheets for a report) and returns how many.
    let rows: @Sendable (Database, ListQuery, Principal, ListData, any TableSink) throws -> Int

    init(_ name: String, summary: String, entity: String, needsId: Bool = false, file: @escaping @Sendable (ListQuery) -> String,
         title: @escaping @Sendable (Database, ListQuery) throws -> String, sheet: @escaping @Sendable (ListQuery) -> String,
         rows: @escaping @Sendable (Database, ListQuery, Principal, ListData, any TableSink) throws -> Int) {
        self.name = name; self.summary = summary; self.entity = entity; self.needsId = needsId
        self.file = file; self.heading = title; self.sheet = sheet; self.rows = rows
    }

    /// The download's name without extension ("ung-ho-2026").
    package func fileName(_ query: ListQuery) -> String { file(query) }

    /// The workbook's title ("Các khoản ủng hộ năm 2026 — xã Đăk Tờ Re"); some name their record ("Thành viên CLB …").
    package func title(_ db: Database, _ query: ListQuery) throws -> String {
        try heading(db, query) + " — xã \(try Settings.value(db, Settings.communeName))"
    }

    /// The (first) sheet's name.
    package func sheetName(_ query: ListQuery) -> String { sheet(query) }

    /// Writes the list into the sink; returns its row count. Refuses a query without the record the list needs.
    package func write(_ db: Database, _ query: ListQuery, by principal: Principal, data: ListData, into sink: any TableSink) throws -> Int {
        if needsId && query.id == nil {
            throw DomainError(.invalid, "Danh sách \"\(name)\" cần mã bản ghi (--id).", english: "The list \"\(name)\" needs a record id (--id).")
        }
        return try rows(db, query, principal, data, sink)
    }

    /// The export's entry in the audit log, as for every export: who, which list, how many rows, where to.
    package func logExport(_ db: Database, _ query: ListQuery, by principal: Principal, rows: Int, format: String, to destination: String) throws {
        try Audit.record(db, by: principal, .export, entity: entity, id: query.id ?? query.year.map(Int64.init),
                         after: ["rows": String(rows), "to": destination, "format": format])
    }
}

/// Every list, by name.
package enum Lists {
    package static let all: [ListExport] = PeopleLists.all + SocializationLists.all + ClubLists.all + CampaignLists.all
        + HonourLists.all + RecognitionLists.all + TrainingLists.all

    package static func named(_ name: String) -> ListExport? { all.first { $0.name == name } }

    /// "people, households, …" for help and error messages.
    package static var names: String { all.map(\.name).joined(separator: ", ") }
}

/// Small helpers the list definitions share.
enum Cells {
    static func text(_ value: String?) -> TableCell { value.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }
    static func date(_ value: CivilDate?) -> TableCell { value.map { .date($0) } ?? .empty }
    static func integer(_ value: Int?) -> TableCell { value.map { .integer(Int64($0)) } ?? .empty }
    /// " năm 2026" or "" (titles), "2026" or "tat-ca" (file names).
    static func inYear(_ query: ListQuery) -> String { query.year.map { " năm \($0)" } ?? "" }
    static func fileYear(_ query: ListQuery) -> String { query.year.map(String.init) ?? "tat-ca" }
}
