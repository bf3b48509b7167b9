import GRDB
import Store

/// What a year of training amounts to, per unit and for the commune: the yearly report's section and the plan's
/// indicator of staff trained in digital skills read these, never the tables.
package enum TrainingTotals {
    package struct Line: Sendable, Equatable {
        /// The unit people serve in ("" for those recorded without one).
        package let unit: String
        package let unitId: Int64?
        /// Distinct people who attended at least one course in the year.
        package let trained: Int
        /// Course hours attended, in minutes (a person at a 16-hour course counts 16 hours).
        package let courseMinutes: Int
        package let certificates: Int
        /// Distinct people who recorded self-study, and its minutes.
        package let selfStudied: Int
        package let selfStudyMinutes: Int
        /// Distinct people who attended a digital-skills course in the year.
        package let digitalTrained: Int
    }

    package struct Year: Sendable, Equatable {
        package let year: Int
        package let courses: Int
        package let byUnit: [Line]
        package let total: Line
    }

    package static func year(_ db: Database, _ year: Int) throws -> Year {
        let y = String(year)
        let rows = try Row.fetchAll(db, sql: """
            WITH attended AS (
              SELECT p.personId, p.unitId, c.minutes, p.certificate, c.topic FROM trainingParticipant p
              JOIN trainingCourse c ON c.id = p.courseId WHERE p.attended AND substr(c.startDate, 1, 4) = ?),
            studied AS (SELECT personId, unitId, minutes FROM selfStudy WHERE substr(date, 1, 4) = ?),
            units AS (SELECT unitId FROM attended UNION SELECT unitId FROM studied)
            SELECT units.unitId, coalesce(u.name, '') AS name, u.sortKey,
              (SELECT count(DISTINCT personId) FROM attended a WHERE a.unitId IS units.unitId) AS trained,
              (SELECT coalesce(sum(minutes), 0) FROM attended a WHERE a.unitId IS units.unitId) AS courseMinutes,
              (SELECT count(certificate) FROM attended a WHERE a.unitId IS units.unitId) AS certificates,
              (SELECT count(DISTINCT personId) FROM studied s WHERE s.unitId IS units.unitId) AS selfStudied,
              (SELECT coalesce(sum(minutes), 0) FROM studied s WHERE s.unitId IS units.unitId) AS selfStudyMinutes,
              (SELECT count(DISTINCT personId) FROM attended a WHERE a.unitId IS units.unitId AND a.topic = 'digital') AS digital
            FROM units LEFT JOIN unit u ON u.id = units.unitId ORDER BY u.sortKey IS NULL, u.sortKey
            """, arguments: [y, y])
        let lines = rows.map { row in
            Line(unit: row["name"], unitId: row["unitId"], trained: row["trained"], courseMinutes: row["courseMinutes"], certificates: row["certificates"],
                 selfStudied: row["selfStudied"], selfStudyMinutes: row["selfStudyMinutes"], digitalTrained: row["digital"])
        }
        // People are counted once in the total even when they served in two units.
        let total = try Row.fetchOne(db, sql: """
            SELECT
              (SELECT count(DISTINCT p.personId) FROM trainingParticipant p JOIN trainingCourse c ON c.id = p.courseId WHERE p.attended AND substr(c.startDate, 1, 4) = ?),
              (SELECT count(DISTINCT s.personId) FROM selfStudy s WHERE substr(s.date, 1, 4) = ?),
              (SELECT count(DISTINCT p.personId) FROM trainingParticipant p JOIN trainingCourse c ON c.id = p.courseId
                 WHERE p.attended AND c.topic = 'digital' AND substr(c.startDate, 1, 4) = ?),
              (SELECT count(*) FROM trainingCourse WHERE substr(startDate, 1, 4) = ?)
            """, arguments: [y, y, y, y])!
        return Year(year: year, courses: total[3], byUnit: lines, total: Line(
            unit: "", unitId: nil, trained: total[0], courseMinutes: lines.reduce(0) { $0 + $1.courseMinutes },
            certificates: lines.reduce(0) { $0 + $1.certificates }, selfStudied: total[1],
            selfStudyMinutes: lines.reduce(0) { $0 + $1.selfStudyMinutes }, digitalTrained: total[2]))
    }

    /// Staff (not volunteers) who have attended a digital-skills course from the programme's start up to the end of
    /// `year`, each counted once: the plan's indicator of staff trained in digital skills.
    package static func staffTrainedInDigitalSkills(_ db: Database, through year: Int) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT count(DISTINCT p.personId) FROM trainingParticipant p JOIN trainingCourse c ON c.id = p.courseId
            WHERE p.attended AND p.role = 'staff' AND c.topic = 'digital' AND substr(c.startDate, 1, 4) <= ?
            """, arguments: [String(year)]) ?? 0
    }

    /// Whether anything was recorded for a year (a year without records has no data, which is not zero).
    package static func hasRecords(_ db: Database, through year: Int) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM trainingCourse WHERE substr(startDate, 1, 4) <= ?)", arguments: [String(year)]) ?? false
    }
}
