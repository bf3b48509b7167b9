import GRDB
import Store

extension CampaignStore {
    /// Per unit, in a year: the campaigns it led (by their start) and the activities it ran (the yearly report's
    /// section on the mass organisations).
    package static func ledByUnit(_ db: Database, year: Int) throws -> [Int64: (campaigns: Int, activities: Int)] {
        var figures: [Int64: (campaigns: Int, activities: Int)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT leadUnitId, count(*) FROM campaign WHERE substr(startDate, 1, 4) = ? GROUP BY leadUnitId",
                                    arguments: [String(year)]) {
            figures[row[0], default: (0, 0)].campaigns = row[1]
        }
        for row in try Row.fetchAll(db, sql: "SELECT unitId, count(*) FROM activity WHERE substr(startsAt, 1, 4) = ? GROUP BY unitId",
                                    arguments: [String(year)]) {
            figures[row[0], default: (0, 0)].activities = row[1]
        }
        return figures
    }
}
