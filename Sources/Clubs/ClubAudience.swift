import GRDB

/// What the message exporter asks of the clubs' tables (audiences `club:ID`, `clubs`, `clubs:active`).
package enum ClubAudience {
    /// Ids of the current members of one club.
    package static func membersSQL(clubId: Int64) -> (sql: String, arguments: StatementArguments) {
        ("SELECT personId FROM clubMember WHERE clubId = ? AND leftOn IS NULL", [clubId])
    }

    /// Ids of the current members of every club, or of the active ones.
    package static func allMembersSQL(activeClubsOnly: Bool) -> String {
        "SELECT m.personId FROM clubMember m JOIN club c ON c.id = m.clubId WHERE m.leftOn IS NULL" + (activeClubsOnly ? " AND c.status = 'active'" : "")
    }
}
