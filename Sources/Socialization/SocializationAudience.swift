import GRDB

/// What the message exporter asks of this module's tables (audiences `donors…` and `volunteers…`): the queries stay
/// here, beside the tables they read, and Messaging takes them as SQL to combine.
package enum SocializationAudience {
    /// Gifts that make a sponsor a donor: not voided, in the year or campaign asked.
    static func gifts(year: Int?, campaignId: Int64?) -> (String, StatementArguments) {
        var conditions = ["d.voidedAt IS NULL"]
        var arguments: StatementArguments = []
        if let year { conditions.append("d.receiptYear = ?"); arguments += [year] }
        if let campaignId { conditions.append("d.campaignId = ?"); arguments += [campaignId] }
        return (conditions.joined(separator: " AND "), arguments)
    }

    /// Ids of the people who gave as private persons.
    package static func donorPeopleSQL(year: Int?, campaignId: Int64?) -> (sql: String, arguments: StatementArguments) {
        let (condition, arguments) = gifts(year: year, campaignId: campaignId)
        return ("SELECT s.personId FROM sponsor s JOIN donation d ON d.sponsorId = s.id WHERE s.personId IS NOT NULL AND \(condition)", arguments)
    }

    /// Ids of the units (businesses, associations) that gave; they are reached through their contact.
    package static func donorUnitsSQL(year: Int?, campaignId: Int64?) -> (sql: String, arguments: StatementArguments) {
        let (condition, arguments) = gifts(year: year, campaignId: campaignId)
        return ("SELECT s.unitId FROM sponsor s JOIN donation d ON d.sponsorId = s.id WHERE s.unitId IS NOT NULL AND \(condition)", arguments)
    }

    /// Ids of the active volunteers, with one skill or any.
    package static func volunteersSQL(skill: String?) -> (sql: String, arguments: StatementArguments) {
        guard let skill else { return ("SELECT personId FROM volunteer WHERE active", []) }
        return ("SELECT personId FROM volunteer WHERE active AND ',' || skills || ',' LIKE ?", ["%,\(skill),%"])
    }
}
