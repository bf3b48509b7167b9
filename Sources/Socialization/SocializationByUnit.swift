import GRDB
import Store

extension SocializationTotals {
    /// Per unit, in a year: the value of the gifts it received (receipts not voided), its active volunteers and
    /// their approved hours in minutes (the yearly report's section on the mass organisations).
    package static func byUnit(_ db: Database, year: Int) throws -> [Int64: (gifts: Int64, volunteers: Int, minutes: Int)] {
        var figures: [Int64: (gifts: Int64, volunteers: Int, minutes: Int)] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT recipientUnitId, coalesce(sum(estimatedValue), 0) FROM donation WHERE voidedAt IS NULL AND receiptYear = ? GROUP BY recipientUnitId
            """, arguments: [year]) {
            figures[row[0], default: (0, 0, 0)].gifts = row[1]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT v.unitId, count(DISTINCT v.id), coalesce(sum(h.minutes), 0) FROM volunteer v
            LEFT JOIN volunteerHours h ON h.volunteerId = v.id AND h.status = 'approved' AND substr(h.date, 1, 4) = ?
            WHERE v.active GROUP BY v.unitId
            """, arguments: [String(year)]) {
            figures[row[0], default: (0, 0, 0)].volunteers = row[1]
            figures[row[0], default: (0, 0, 0)].minutes = row[2]
        }
        return figures
    }
}
