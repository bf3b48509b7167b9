import Clubs
import Foundation
import GRDB
import Store
import Training
import Vietnamese

/// Indicator values by year: computed from the data where the plan allows (clubs, school libraries' activities,
/// library visits), entered by hand with a source note otherwise.
package enum Indicators {
    package static let culturalHousesActive = "cultural-houses-active"
    package static let computedSources: Set<String> = ["school-libraries-lll", culturalHousesActive, "library-visits", "libraries-it",
                                                      communeLibrary, communeCulturalHouse, staffDigitalTrained]
    package static let staffDigitalTrained = "staff-digital-trained"
    package static let communeLibrary = "commune-library-lll"
    package static let communeCulturalHouse = "commune-cultural-house-lll"

    /// Whether the commune library or the commune cultural house did in a year what plan II.2a asks of it by 2025:
    /// offer lifelong-learning services (a campaign activity held there, or for the cultural house a club or class
    /// running regularly) and apply IT (online uses in its monthly reading book, or a digital-skills class).
    package struct CommuneFacility: Sendable, Equatable {
        package let name: String
        package let services: Bool
        package let appliesIT: Bool
        package let note: String
        package var met: Bool { services && appliesIT }
    }

    package static func communeFacility(_ db: Database, _ source: String, year: Int, today: CivilDate = .today()) throws -> CommuneFacility? {
        let sql = source == communeLibrary
            ? "SELECT id, name FROM unit WHERE kind = 'commune_library' AND isActive ORDER BY id LIMIT 1"
            : """
              SELECT u.id, u.name FROM unit u JOIN unit p ON p.id = u.parentId
              WHERE u.kind = 'cultural_house' AND p.kind = 'commune_committee' AND u.isActive ORDER BY u.id LIMIT 1
              """
        guard let row = try Row.fetchOne(db, sql: sql) else { return nil }
        let id: Int64 = row[0], name: String = row[1]
        let activities = try Int.fetchOne(db, sql: "SELECT count(*) FROM activity WHERE unitId = ? AND substr(startsAt, 1, 4) = ?",
                                          arguments: [id, String(year)]) ?? 0
        let online = try Int.fetchOne(db, sql: "SELECT coalesce(sum(onlineUses), 0) FROM libraryVisit WHERE libraryId = ? AND substr(month, 1, 4) = ?",
                                      arguments: [id, String(year)]) ?? 0
        var parts = ["\(activities) hoạt động trong năm", "\(online) lượt dùng trực tuyến"]
        var services = activities > 0, appliesIT = online > 0
        if source == communeCulturalHouse {
            let day = ComputedCriteria.day(of: year, today: today)
            let indicator = try ActivityIndicator.compute(db, on: day, rule: try ActivityRule.fromSettings(db))
            let clubs = try Club.filter(Column("unitId") == id).fetchAll(db).filter { indicator.activeClubIds.contains($0.id!) }
            let digital = clubs.filter { $0.field == .digitalSkills }.count
            services = services || !clubs.isEmpty
            appliesIT = appliesIT || digital > 0
            parts.insert("\(clubs.count) câu lạc bộ, lớp hoạt động thường xuyên (\(digital) lớp kỹ năng số)", at: 0)
        }
        return CommuneFacility(name: name, services: services, appliesIT: appliesIT, note: "\(name): " + parts.joined(separator: ", "))
    }

    package struct Value: Sendable, Equatable {
        package let year: Int
        package let value: Double?
        package let computed: Bool
        package let note: String
    }

    /// School libraries that ran at least one campaign activity in the year, against all school libraries.
    package static func schoolLibrariesWithActivities(_ db: Database, year: Int) throws -> (active: Int, total: Int) {
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM unit WHERE kind = 'school_library' AND isActive") ?? 0
        let active = try Int.fetchOne(db, sql: """
            SELECT count(DISTINCT a.unitId) FROM activity a JOIN unit u ON u.id = a.unitId
            WHERE u.kind = 'school_library' AND substr(a.startsAt, 1, 4) = ?
            """, arguments: [String(year)]) ?? 0
        return (active, total)
    }

    /// Average visits a month per library over the months recorded in the year.
    package static func averageMonthlyVisits(_ db: Database, year: Int) throws -> Double? {
        try Double.fetchOne(db, sql: "SELECT avg(visits) FROM libraryVisit WHERE substr(month, 1, 4) = ?", arguments: [String(year)])
    }

    package static func value(_ db: Database, _ indicator: ProgrammeIndicator, year: Int, today: CivilDate = .today()) throws -> Value {
        if let source = indicator.computed {
            switch source {
            case "school-libraries-lll":
                let (active, total) = try schoolLibrariesWithActivities(db, year: year)
                // A year with no activity recorded at all has no data, which is not the same as 0%.
                if try Int.fetchOne(db, sql: "SELECT count(*) FROM activity WHERE substr(startsAt, 1, 4) = ?", arguments: [String(year)]) == 0 {
                    return Value(year: year, value: nil, computed: true, note: "chưa có hoạt động nào được ghi trong năm \(year)")
                }
                return Value(year: year, value: total == 0 ? nil : Double(active) * 100 / Double(total), computed: true,
                             note: "\(active)/\(total) thư viện trường học có hoạt động trong năm")
            case "cultural-houses-active":
                guard year <= today.year else { return Value(year: year, value: nil, computed: true, note: "") }
                let day = ComputedCriteria.day(of: year, today: today)
                let indicator = try ActivityIndicator.compute(db, on: day, rule: try ActivityRule.fromSettings(db))
                return Value(year: year, value: indicator.houses == 0 ? nil : indicator.share, computed: true,
                             note: "\(indicator.activeHouses)/\(indicator.houses) nhà văn hóa, ngày \(day.display)")
            case "libraries-it":
                // A library "applies IT" in a year when its monthly book records online uses (digital lending, e-books,
                // online catalogue, online reading sessions).
                let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM unit WHERE kind IN ('school_library','commune_library') AND isActive") ?? 0
                let online = try Int.fetchOne(db, sql: """
                    SELECT count(DISTINCT v.libraryId) FROM libraryVisit v JOIN unit u ON u.id = v.libraryId
                    WHERE u.kind IN ('school_library','commune_library') AND substr(v.month, 1, 4) = ? AND v.onlineUses > 0
                    """, arguments: [String(year)]) ?? 0
                let recorded = try Int.fetchOne(db, sql: "SELECT count(*) FROM libraryVisit WHERE substr(month, 1, 4) = ?", arguments: [String(year)]) ?? 0
                if recorded == 0 { return Value(year: year, value: nil, computed: true, note: "chưa có sổ lượt đọc năm \(year)") }
                return Value(year: year, value: total == 0 ? nil : Double(online) * 100 / Double(total), computed: true,
                             note: "\(online)/\(total) thư viện có lượt dùng trực tuyến trong năm")
            case communeLibrary, communeCulturalHouse:
                guard year <= today.year, let facility = try communeFacility(db, source, year: year, today: today) else {
                    return Value(year: year, value: nil, computed: true, note: "")
                }
                return Value(year: year, value: facility.met ? 1 : 0, computed: true, note: facility.note)
            case staffDigitalTrained:
                guard year <= today.year, try TrainingTotals.hasRecords(db, through: year) else {
                    return Value(year: year, value: nil, computed: true, note: "chưa có lớp bồi dưỡng nào được ghi đến năm \(year)")
                }
                let count = try TrainingTotals.staffTrainedInDigitalSkills(db, through: year)
                return Value(year: year, value: Double(count), computed: true, note: "\(count) cán bộ đã dự lớp kỹ năng số đến hết năm \(year)")
            case "library-visits":
                let average = try averageMonthlyVisits(db, year: year)
                let months = try Int.fetchOne(db, sql: "SELECT count(DISTINCT month) FROM libraryVisit WHERE substr(month, 1, 4) = ?", arguments: [String(year)]) ?? 0
                return Value(year: year, value: average, computed: true, note: "sổ lượt đọc \(months) tháng")
            default: break
            }
        }
        let row = try Row.fetchOne(db, sql: "SELECT value, sourceNote FROM indicatorValue WHERE indicatorKey = ? AND year = ?", arguments: [indicator.key, year])
        return Value(year: year, value: row?[0], computed: false, note: row?[1] ?? "")
    }

    package static func setManual(_ db: Database, key: String, year: Int, value: Double, sourceNote: String, by principal: Principal, now: Date = Date()) throws {
        try principal.require(principal.canWriteCommuneWide)
        let note = VietnameseText.clean(sourceNote)
        guard !note.isEmpty else { throw DomainError.invalid(["sourceNote": "Ghi nguồn số liệu"]) }
        guard value >= 0, value.isFinite else { throw DomainError.invalid(["value": "Giá trị là số không âm"]) }
        try db.execute(sql: """
            INSERT INTO indicatorValue(indicatorKey, year, value, sourceNote, enteredBy, enteredAt) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(indicatorKey, year) DO UPDATE SET value = excluded.value, sourceNote = excluded.sourceNote,
              enteredBy = excluded.enteredBy, enteredAt = excluded.enteredAt
            """, arguments: [key, year, value, note, principal.login, now])
        try Audit.record(db, by: principal, .update, entity: "indicatorValue", id: nil, after: ["indicator": key, "year": String(year), "value": String(value)], at: now)
    }

    // MARK: Library visits

    package struct MonthlyVisits: Sendable, Codable, Equatable {
        package var visits: Int
        package var readers: Int
        package var loans: Int
        package var newCards: Int
        package var onlineUses: Int
        package init(visits: Int, readers: Int = 0, loans: Int = 0, newCards: Int = 0, onlineUses: Int = 0) {
            self.visits = visits; self.readers = readers; self.loans = loans; self.newCards = newCards; self.onlineUses = onlineUses
        }
    }

    /// A library's month, entered (or corrected) by the library's own editor or commune staff.
    package static func recordVisits(_ db: Database, libraryId: Int64, year: Int, month: Int, _ counts: MonthlyVisits, by principal: Principal) throws {
        guard let library = try OrgUnit.fetchOne(db, key: libraryId), [.schoolLibrary, .communeLibrary, .culturalHouse].contains(library.kind) else {
            throw DomainError.invalid(["libraryId": "Chọn một thư viện (hoặc nhà văn hóa có phòng đọc)"])
        }
        try principal.require(principal.canWrite(unitId: libraryId))
        guard (1...12).contains(month), (2000...2100).contains(year) else { throw DomainError.invalid(["month": "Tháng từ 1 đến 12"]) }
        let all = [counts.visits, counts.readers, counts.loans, counts.newCards, counts.onlineUses]
        guard all.allSatisfy({ $0 >= 0 && $0 < 10_000_000 }) else { throw DomainError.invalid(["visits": "Các số là số nguyên không âm"]) }
        let key = MonthKey.make(year: year, month: month)
        try db.execute(sql: """
            INSERT INTO libraryVisit(libraryId, month, visits, readers, loans, newCards, onlineUses) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(libraryId, month) DO UPDATE SET visits = excluded.visits, readers = excluded.readers, loans = excluded.loans,
              newCards = excluded.newCards, onlineUses = excluded.onlineUses
            """, arguments: [libraryId, key, counts.visits, counts.readers, counts.loans, counts.newCards, counts.onlineUses])
        try Audit.record(db, by: principal, .update, entity: "libraryVisit", id: libraryId, after: ["month": key, "visits": String(counts.visits)])
    }

    package static func visits(_ db: Database, libraryId: Int64, year: Int) throws -> [Int: MonthlyVisits] {
        var months: [Int: MonthlyVisits] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM libraryVisit WHERE libraryId = ? AND substr(month, 1, 4) = ?", arguments: [libraryId, String(year)]) {
            let month = Int((row["month"] as String).suffix(2)) ?? 0
            months[month] = MonthlyVisits(visits: row["visits"], readers: row["readers"], loans: row["loans"], newCards: row["newCards"], onlineUses: row["onlineUses"])
        }
        return months
    }
}
