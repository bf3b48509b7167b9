import GRDB
import Store
import Vietnamese

/// Clubs and their sessions as pages offer them in menus.
extension ClubStore {
    /// Every club, by name in Vietnamese order.
    package static func choices(_ db: Database) throws -> [Choice] {
        try Club.order(Column("sortKey")).fetchAll(db).map { Choice(id: $0.id!, label: $0.name) }
    }

    /// Sessions from a day on, newest first, labelled "dd/MM/yyyy — club" (at most `limit`).
    package static func sessionChoices(_ db: Database, since: CivilDate, limit: Int = 60) throws -> [Choice] {
        try Row.fetchAll(db, sql: """
            SELECT s.id, s.date, c.name FROM clubSession s JOIN club c ON c.id = s.clubId
            WHERE s.date >= ? ORDER BY s.date DESC LIMIT ?
            """, arguments: [since.iso, limit]).map { row in
            let date: String = row[1]
            return Choice(id: row[0], label: (CivilDate(parsing: date)?.display ?? date) + " — " + (row[2] as String))
        }
    }

    /// The marks recorded for one session.
    package static func attendance(_ db: Database, sessionId: Int64) throws -> [Attendance] {
        try Attendance.filter(Column("sessionId") == sessionId).fetchAll(db)
    }
}
