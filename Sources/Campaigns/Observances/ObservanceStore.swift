import Foundation
import GRDB
import Store
import Vietnamese

/// One observance or local festival on the calendar of a year.
package struct Occurrence: Sendable, Equatable {
    package enum Source: Sendable, Equatable { case observance(String), festival(Int64) }
    package let source: Source
    package let name: String
    package let start: CivilDate
    package let end: CivilDate
    package let ruleLabel: String
    package let englishRuleLabel: String
    package let theme: String?
    /// A yearly observance whose dates for this year were not entered yet (shown with its usual dates).
    package let isProvisional: Bool
    package let channels: [String]
    package let place: String?

    package init(source: Source, name: String, start: CivilDate, end: CivilDate, ruleLabel: String, englishRuleLabel: String? = nil,
                theme: String?, isProvisional: Bool, channels: [String], place: String?) {
        self.source = source; self.name = name; self.start = start; self.end = end; self.ruleLabel = ruleLabel; self.theme = theme
        self.englishRuleLabel = englishRuleLabel ?? ruleLabel
        self.isProvisional = isProvisional; self.channels = channels; self.place = place
    }

    package func ruleLabel(english: Bool) -> String { english ? englishRuleLabel : ruleLabel }

    package func covers(_ date: CivilDate) -> Bool { start <= date && date <= end }
}

package struct LocalFestival: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "localFestival"
    package var id: Int64?
    package var name: String
    package var unitId: Int64?
    package var startDate: CivilDate
    package var endDate: CivilDate
    package var description: String?
    package var createdAt: Date
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct ObservanceYear: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "observanceYear"
    var observanceKey: String
    var year: Int
    var startDate: CivilDate
    var endDate: CivilDate
    var theme: String?
}

package enum ObservanceStore {
    /// Everything on the calendar of a year, by start date.
    package static func occurrences(_ db: Database, catalogue: ObservanceCatalogue, year: Int) throws -> [Occurrence] {
        let entered = Dictionary(uniqueKeysWithValues: try ObservanceYear.filter(Column("year") == year).fetchAll(db).map { ($0.observanceKey, $0) })
        var items: [Occurrence] = catalogue.observances.compactMap { observance in
            guard observance.isObserved(in: year) else { return nil }
            if let set = entered[observance.key] {
                return Occurrence(source: .observance(observance.key), name: observance.name, start: set.startDate, end: set.endDate,
                                  ruleLabel: observance.ruleLabel, englishRuleLabel: observance.englishRuleLabel, theme: set.theme,
                                  isProvisional: false, channels: observance.channels, place: nil)
            }
            if let announced = observance.announced.first(where: { $0.year == year }) {
                return Occurrence(source: .observance(observance.key), name: observance.name, start: announced.start, end: announced.end,
                                  ruleLabel: observance.ruleLabel, englishRuleLabel: observance.englishRuleLabel, theme: announced.theme,
                                  isProvisional: false, channels: observance.channels, place: nil)
            }
            guard let dates = observance.defaultDates(in: year) else { return nil }
            return Occurrence(source: .observance(observance.key), name: observance.name, start: dates.start, end: dates.end,
                              ruleLabel: observance.ruleLabel, englishRuleLabel: observance.englishRuleLabel, theme: nil,
                              isProvisional: observance.isSetEachYear, channels: observance.channels, place: nil)
        }
        let first = CivilDate(year: year, month: 1, day: 1)!, last = CivilDate(year: year, month: 12, day: 31)!
        let festivals = try Row.fetchAll(db, sql: """
            SELECT f.*, u.name AS unitName FROM localFestival f LEFT JOIN unit u ON u.id = f.unitId
            WHERE f.endDate >= ? AND f.startDate <= ?
            """, arguments: [first.iso, last.iso])
        for row in festivals {
            let festival = try LocalFestival(row: row)
            items.append(Occurrence(source: .festival(festival.id!), name: festival.name, start: festival.startDate, end: festival.endDate,
                                    ruleLabel: "lễ hội địa phương", englishRuleLabel: "local festival", theme: festival.description, isProvisional: false, channels: [],
                                    place: row["unitName"]))
        }
        return items.sorted { ($0.start, $0.name) < ($1.start, $1.name) }
    }

    /// The local festivals touching a year.
    package static func festivals(_ db: Database, year: Int) throws -> [LocalFestival] {
        try LocalFestival.filter(Column("endDate") >= "\(year)-01-01" && Column("startDate") <= "\(year)-12-31").fetchAll(db)
    }

    /// Enters a year's dates and theme of an observance set each year (Lifelong Learning Week).
    package static func setYear(_ db: Database, catalogue: ObservanceCatalogue, key: String, year: Int, start: String, end: String,
                               theme: String?, by principal: Principal) throws {
        try principal.require(principal.canWriteCommuneWide)
        guard let observance = catalogue.observance(key), observance.isSetEachYear else {
            throw DomainError.notFound("ngày lễ đặt mỗi năm", english: "Yearly observance")
        }
        var errors: [String: String] = [:]
        let from = CivilDate(parsing: start), to = CivilDate(parsing: end)
        if from == nil { errors["start"] = "Ngày bắt đầu dạng dd/MM/yyyy" }
        if to == nil { errors["end"] = "Ngày kết thúc dạng dd/MM/yyyy" }
        if let from, let to {
            if to < from { errors["end"] = "Ngày kết thúc trước ngày bắt đầu" }
            if from.year != year { errors["start"] = "Ngày bắt đầu phải trong năm \(year)" }
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        let record = ObservanceYear(observanceKey: key, year: year, startDate: from!, endDate: to!,
                                    theme: theme.map(VietnameseText.clean).flatMap { $0.isEmpty ? nil : $0 })
        let before = try ObservanceYear.fetchOne(db, key: ["observanceKey": key, "year": year])
        try record.save(db)
        try Audit.record(db, by: principal, before == nil ? .create : .update, entity: "observanceYear", id: Int64(year),
                         before: before, after: record)
    }

    package struct FestivalInput: Sendable {
        package var name: String
        package var unitId: Int64?
        package var start: String
        package var end: String
        package var description: String?
        package init(name: String, unitId: Int64?, start: String, end: String, description: String?) {
            self.name = name; self.unitId = unitId; self.start = start; self.end = end; self.description = description
        }
    }

    /// A village's own festival for a year (lễ mừng lúa mới…): a date, not a rule. With `id`, corrects an existing one
    /// (the account must be allowed on both its old and its new village).
    package static func addFestival(_ db: Database, _ input: FestivalInput, id: Int64? = nil, by principal: Principal, now: Date = Date()) throws -> LocalFestival {
        var errors: [String: String] = [:]
        let name = VietnameseText.clean(input.name)
        if name.isEmpty { errors["name"] = "Nhập tên lễ hội" }
        let from = CivilDate(parsing: input.start)
        let to = input.end.trimmingCharacters(in: .whitespaces).isEmpty ? from : CivilDate(parsing: input.end)
        if from == nil { errors["start"] = "Ngày bắt đầu dạng dd/MM/yyyy" }
        if to == nil { errors["end"] = "Ngày kết thúc dạng dd/MM/yyyy" }
        if let from, let to, to < from { errors["end"] = "Ngày kết thúc trước ngày bắt đầu" }
        if let unitId = input.unitId, try OrgUnit.fetchOne(db, key: unitId) == nil { errors["unitId"] = "Đơn vị không tồn tại" }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        try principal.require(input.unitId.map(principal.canWrite(unitId:)) ?? principal.canWriteCommuneWide)
        let description = VietnameseText.cleanOrNil(input.description)
        if let id {
            guard var festival = try LocalFestival.fetchOne(db, key: id) else { throw DomainError.notFound("lễ hội", english: "Festival") }
            try principal.require(festival.unitId.map(principal.canWrite(unitId:)) ?? principal.canWriteCommuneWide)
            let before = festival
            festival.name = name; festival.unitId = input.unitId; festival.startDate = from!; festival.endDate = to!; festival.description = description
            try festival.update(db)
            try Audit.record(db, by: principal, .update, entity: "localFestival", id: id, before: before, after: festival, at: now)
            return festival
        }
        var festival = LocalFestival(name: name, unitId: input.unitId, startDate: from!, endDate: to!, description: description, createdAt: now)
        try festival.insert(db)
        try Audit.record(db, by: principal, .create, entity: "localFestival", id: festival.id, after: festival, at: now)
        return festival
    }
}
