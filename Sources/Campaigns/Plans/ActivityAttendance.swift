import Foundation
import GRDB
import Store
import Vietnamese

/// Who came to an activity, by name: tapped on a list as for a club session, beside the counts of the outcome form
/// (a fair of 400 is counted; a reading week for 30 mothers is taken by name, so each organisation sees its members).
package enum ActivityAttendance {
    package struct Attendee: Sendable {
        package let personId: Int64
        package let fullName: String
        package let village: String?
        package let birthYear: Int?
    }

    /// Marks the listed people present (`present`) and the others of `shown` not present, in one write: the page
    /// sends every name it showed, so unticking one takes them off. People the account may not read are refused.
    package static func set(_ db: Database, activityId: Int64, shown: [Int64], present: Set<Int64>, by principal: Principal,
                           now: Date = Date()) throws {
        let activity = try CampaignStore.activity(db, id: activityId)
        try principal.require(CampaignStore.canRecordOutcomes(activity, campaign: try CampaignStore.get(db, id: activity.campaignId), principal))
        let marked = Set(try Int64.fetchAll(db, sql: "SELECT personId FROM activityAttendee WHERE activityId = ?", arguments: [activityId]))
        var added: [Int64] = [], removed: [Int64] = []
        for personId in Set(shown).union(present).sorted() {
            _ = try PersonStore.get(db, id: personId, for: principal)
            if present.contains(personId), !marked.contains(personId) {
                try db.execute(sql: "INSERT INTO activityAttendee (activityId, personId, markedAt, markedBy) VALUES (?, ?, ?, ?)",
                               arguments: [activityId, personId, now, principal.login])
                added.append(personId)
            } else if !present.contains(personId), marked.contains(personId) {
                try db.execute(sql: "DELETE FROM activityAttendee WHERE activityId = ? AND personId = ?", arguments: [activityId, personId])
                removed.append(personId)
            }
        }
        guard !added.isEmpty || !removed.isEmpty else { return }
        try Audit.record(db, by: principal, .update, entity: "activityAttendance", id: activityId,
                         after: ["present": added, "removed": removed], at: now)
    }

    /// Those present whom the account may read, by given name; `hidden` counts the others (present, not shown).
    package static func attendees(_ db: Database, activityId: Int64, for principal: Principal) throws -> (shown: [Attendee], hidden: Int) {
        var filter = SQLFilter()
        filter.add("a.activityId = ?", [activityId])
        if case .units(let ids) = principal.readScope { filter.add("p.villageId IN (\(SQLList.ids(ids)))") }
        let shown = try Row.fetchAll(db, sql: """
            SELECT p.id, p.fullName, v.name AS village, p.birthYear FROM activityAttendee a JOIN person p ON p.id = a.personId
            LEFT JOIN unit v ON v.id = p.villageId \(filter.whereClause) ORDER BY p.sortKey, p.id
            """, arguments: filter.arguments).map { Attendee(personId: $0["id"], fullName: $0["fullName"], village: $0["village"], birthYear: $0["birthYear"]) }
        return (shown, try count(db, activityId: activityId) - shown.count)
    }

    package static func count(_ db: Database, activityId: Int64) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM activityAttendee WHERE activityId = ?", arguments: [activityId]) ?? 0
    }

    /// People present by name, per activity of a campaign (its page shows the figure beside the counts).
    package static func counts(_ db: Database, campaignId: Int64) throws -> [Int64: Int] {
        Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
            SELECT a.activityId, count(*) FROM activityAttendee a JOIN activity x ON x.id = a.activityId WHERE x.campaignId = ? GROUP BY a.activityId
            """, arguments: [campaignId]).map { ($0[0], $0[1]) })
    }

    /// The people who attended, for other modules to count (who of an organisation's members took part): one
    /// activity, one campaign's, or a year's; the query stays beside its table.
    package static func peopleSQL(activityId: Int64) -> (sql: String, arguments: StatementArguments) {
        ("SELECT personId FROM activityAttendee WHERE activityId = ?", [activityId])
    }

    package static func peopleSQL(campaignId: Int64) -> (sql: String, arguments: StatementArguments) {
        ("SELECT a.personId FROM activityAttendee a JOIN activity x ON x.id = a.activityId WHERE x.campaignId = ?", [campaignId])
    }

    package static func peopleSQL(year: Int) -> (sql: String, arguments: StatementArguments) {
        ("SELECT a.personId FROM activityAttendee a JOIN activity x ON x.id = a.activityId WHERE x.startsAt >= ? AND x.startsAt < ?",
         ["\(year)-01-01", "\(year + 1)-01-01"])
    }
}
