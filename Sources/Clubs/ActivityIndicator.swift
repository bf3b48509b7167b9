import GRDB
import Store
import Vietnamese

/// "Regularly active": at least one recorded session in each of the last N full calendar months before the reference
/// date (N is the setting `clubs.activeMonths`, 3 by default), and active — not paused or closed — on that date.
package struct ActivityRule: Sendable, Equatable {
    package let months: Int

    package init(months: Int = 3) { self.months = max(1, min(months, 12)) }

    package static func fromSettings(_ db: Database) throws -> ActivityRule {
        ActivityRule(months: Int(try Settings.value(db, Settings.clubActiveMonths)) ?? 3)
    }

    /// The full months before `date`, oldest first, as "yyyy-MM": before 15/03/2026 with 3 months → 2025-12, 2026-01, 2026-02.
    package func window(before date: CivilDate) -> [String] {
        (1...months).reversed().map { back in
            let index = date.year * 12 + (date.month - 1) - back
            return MonthKey.make(year: index / 12, month: index % 12 + 1)
        }
    }
}

/// "yyyy-MM", as session dates are grouped.
package enum MonthKey {
    package static func make(year: Int, month: Int) -> String { String(year) + (month < 10 ? "-0" : "-") + String(month) }
}

/// The programme indicator "cultural houses with classes, clubs or interest groups that meet regularly".
package struct ActivityIndicator: Sendable {
    package struct Breakdown: Sendable {
        package let label: String
        package let englishLabel: String
        package func label(english: Bool) -> String { english ? englishLabel : label }
        /// Regularly active clubs of this kind, field or age group.
        package let clubs: Int
        /// Cultural houses with at least one of them.
        package let houses: Int
    }

    package let date: CivilDate
    package let rule: ActivityRule
    package let houses: Int
    package let activeHouses: Int
    package let activeClubIds: Set<Int64>
    package let activeHouseIds: Set<Int64>
    package let byKind: [Breakdown]
    package let byField: [Breakdown]
    package let byAgeGroup: [Breakdown]

    /// Per cent of active cultural houses, 0 when there are none.
    package var share: Double { houses == 0 ? 0 : Double(activeHouses) * 100 / Double(houses) }

    /// The clubs regularly active on `date` (any host unit).
    package static func activeClubs(_ db: Database, on date: CivilDate, rule: ActivityRule) throws -> Set<Int64> {
        let window = rule.window(before: date)
        let monthsHeld = try Row.fetchAll(db, sql: """
            SELECT clubId, count(DISTINCT substr(date, 1, 7)) FROM clubSession
            WHERE substr(date, 1, 7) BETWEEN ? AND ? GROUP BY clubId
            """, arguments: [window.first!, window.last!])
        let candidates = Set(monthsHeld.filter { ($0[1] as Int) == window.count }.map { $0[0] as Int64 })
        guard !candidates.isEmpty else { return [] }
        // Status on the date: the latest change on or before it (none yet: not founded).
        let statuses = try Row.fetchAll(db, sql: """
            SELECT clubId, status FROM clubStatusChange c
            WHERE since <= ? AND id = (SELECT c2.id FROM clubStatusChange c2 WHERE c2.clubId = c.clubId AND c2.since <= ?
                                       ORDER BY c2.since DESC, c2.id DESC LIMIT 1)
            """, arguments: [date.iso, date.iso])
        let activeOnDate = Set(statuses.filter { ($0[1] as String) == ClubStatus.active.rawValue }.map { $0[0] as Int64 })
        return candidates.intersection(activeOnDate)
    }

    package static func compute(_ db: Database, on date: CivilDate, rule: ActivityRule) throws -> ActivityIndicator {
        let houseIds = Set(try Int64.fetchAll(db, sql: "SELECT id FROM unit WHERE kind = ? AND isActive", arguments: [UnitKind.culturalHouse.rawValue]))
        let active = try activeClubs(db, on: date, rule: rule)
        let clubs = try Club.filter(keys: Array(active)).fetchAll(db).filter { houseIds.contains($0.unitId) }
        let activeHouseIds = Set(clubs.map(\.unitId))
        func breakdown<Key: Hashable & Labelled>(_ keys: [Key], of club: (Club) -> [Key]) -> [Breakdown] {
            keys.map { key in
                let matching = clubs.filter { club($0).contains(key) }
                return Breakdown(label: key.label, englishLabel: key.englishLabel, clubs: matching.count, houses: Set(matching.map(\.unitId)).count)
            }
        }
        return ActivityIndicator(
            date: date, rule: rule, houses: houseIds.count, activeHouses: activeHouseIds.count, activeClubIds: active,
            activeHouseIds: activeHouseIds,
            byKind: breakdown(ClubKind.allCases) { [$0.kind] },
            byField: breakdown(ClubField.allCases) { [$0.field] },
            byAgeGroup: breakdown(AgeGroup.allCases) { $0.ageGroupList })
    }

    /// The share at the end of each month of a year (evaluated on the 1st of the next month), up to `today`.
    package static func monthly(_ db: Database, year: Int, rule: ActivityRule, today: CivilDate = .today()) throws -> [(month: Int, share: Double, active: Int, houses: Int)] {
        try (1...12).compactMap { month in
            let next = month == 12 ? CivilDate(year: year + 1, month: 1, day: 1)! : CivilDate(year: year, month: month + 1, day: 1)!
            guard CivilDate(year: year, month: month, day: 1)! <= today else { return nil }
            let indicator = try compute(db, on: min(next, today), rule: rule)
            return (month, indicator.share, indicator.activeHouses, indicator.houses)
        }
    }
}
