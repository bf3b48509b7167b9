import GRDB
import Store
import Vietnamese

/// Campaigns and activities as pages offer them in menus.
extension CampaignStore {
    /// Campaigns newest first; of one year, or from a year on.
    package static func choices(_ db: Database, year: Int? = nil, sinceYear: Int? = nil) throws -> [Choice] {
        var request = Campaign.order(Column("startDate").desc)
        if let year { request = Campaign.filter(Column("year") == year).order(Column("startDate")) }
        if let sinceYear { request = request.filter(Column("year") >= sinceYear) }
        return try request.fetchAll(db).map { Choice(id: $0.id!, label: $0.title) }
    }

    /// Activities from a day on, newest first, labelled "dd/MM/yyyy — title" (at most `limit`).
    package static func activityChoices(_ db: Database, since: CivilDate, limit: Int = 60) throws -> [Choice] {
        try Activity.filter(Column("startsAt") >= since.iso).order(Column("startsAt").desc).limit(limit).fetchAll(db)
            .map { Choice(id: $0.id!, label: ($0.startDate?.display ?? String($0.startsAt.prefix(10))) + " — " + $0.title) }
    }

    /// The campaign a task belongs to (0 when the task is gone).
    package static func campaignId(_ db: Database, assignmentId: Int64) throws -> Int64 {
        try Assignment.fetchOne(db, key: assignmentId)?.campaignId ?? 0
    }
}

extension CampaignStore {
    /// A year's campaigns with their activities' totals, for the yearly report.
    package struct YearLine: Sendable {
        package let title: String; package let start: CivilDate?; package let end: CivilDate?
        package let activities: Int; package let participants: Int; package let booksLent: Int
    }

    package static func yearLines(_ db: Database, year: Int) throws -> [YearLine] {
        try Row.fetchAll(db, sql: """
            SELECT c.title, c.startDate, c.endDate, count(a.id) AS activities,
              coalesce(sum(coalesce(a.participantsMale, 0) + coalesce(a.participantsFemale, 0)), 0) AS participants,
              coalesce(sum(a.booksLent), 0) AS books
            FROM campaign c LEFT JOIN activity a ON a.campaignId = c.id WHERE c.year = ? GROUP BY c.id ORDER BY c.startDate
            """, arguments: [year]).map { row in
            YearLine(title: row[0], start: CivilDate(parsing: row[1]), end: CivilDate(parsing: row[2]), activities: row[3],
                     participants: row[4], booksLent: row[5])
        }
    }
}
