import Clubs
import GRDB
import Store
import Vietnamese

/// Criteria Đèn Sách can pre-fill from the data it holds. A pre-filled answer is marked "computed" and the assessor
/// may always change it.
package enum ComputedCriteria {
    package static let sources: Set<String> = ["village-active-club", "village-learning-households", "school-libraries-lll", "cultural-houses-active",
                                              Indicators.communeLibrary, Indicators.communeCulturalHouse]

    package struct Answer: Sendable, Equatable { package let passed: Bool; package let evidence: String }

    /// The day a year's state is read on: 31/12, or today for the running year.
    static func day(of year: Int, today: CivilDate) -> CivilDate { min(CivilDate(year: year, month: 12, day: 31)!, today) }

    package static func answer(_ db: Database, source: String, subjectKind: SubjectKind, subjectId: Int64, year: Int,
                              today: CivilDate = .today()) throws -> Answer? {
        let day = day(of: year, today: today)
        switch source {
        case "village-active-club":
            guard subjectKind == .village else { return nil }
            let indicator = try ActivityIndicator.compute(db, on: day, rule: try ActivityRule.fromSettings(db))
            let houses = try Int64.fetchAll(db, sql: "SELECT id FROM unit WHERE kind = 'cultural_house' AND parentId = ?", arguments: [subjectId])
            let active = houses.filter(indicator.activeHouseIds.contains)
            return Answer(passed: !active.isEmpty, evidence: "Nhà văn hóa có câu lạc bộ hoạt động thường xuyên ngày \(day.display): \(active.count)/\(houses.count)")
        case "village-learning-households":
            guard subjectKind == .village else { return nil }
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM household WHERE villageId = ?", arguments: [subjectId]) ?? 0
            let recognised = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM registration r JOIN household h ON h.id = r.subjectId
                WHERE r.subjectKind = 'household' AND r.year = ? AND r.status = 'approved' AND r.result IS NOT NULL AND h.villageId = ?
                """, arguments: [year, subjectId]) ?? 0
            let share = total == 0 ? 0 : recognised * 100 / total
            return Answer(passed: total > 0 && share >= 70, evidence: "Hộ được công nhận Gia đình học tập năm \(year): \(recognised)/\(total) (\(share)%)")
        case "school-libraries-lll":
            guard subjectKind == .commune else { return nil }
            let (active, total) = try Indicators.schoolLibrariesWithActivities(db, year: year)
            let share = total == 0 ? 0 : active * 100 / total
            return Answer(passed: total > 0 && share >= 40, evidence: "Thư viện trường học có hoạt động trong năm \(year): \(active)/\(total) (\(share)%)")
        case "cultural-houses-active":
            guard subjectKind == .commune else { return nil }
            let indicator = try ActivityIndicator.compute(db, on: day, rule: try ActivityRule.fromSettings(db))
            return Answer(passed: indicator.share >= 30,
                          evidence: "Nhà văn hóa có câu lạc bộ hoạt động thường xuyên ngày \(day.display): "
                              + "\(indicator.activeHouses)/\(indicator.houses)")
        case Indicators.communeLibrary, Indicators.communeCulturalHouse:
            guard subjectKind == .commune, let facility = try Indicators.communeFacility(db, source, year: year, today: today) else { return nil }
            return Answer(passed: facility.met, evidence: facility.note)
        default:
            return nil
        }
    }
}
