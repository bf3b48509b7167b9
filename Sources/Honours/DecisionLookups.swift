import GRDB
import Store

extension DecisionStore {
    /// A decision by id, or nil (the decision a correction amends or revokes).
    package static func find(_ db: Database, id: Int64?) throws -> Decision? {
        try id.flatMap { try Decision.fetchOne(db, key: $0) }
    }

    /// How many are honoured by a decision.
    package static func recipientCount(_ db: Database, decisionId: Int64) throws -> Int {
        try Nomination.filter(Column("decisionId") == decisionId).fetchCount(db)
    }
}

extension NominationStore {
    /// A council meeting by id, or nil.
    package static func meeting(_ db: Database, id: Int64?) throws -> CouncilMeeting? {
        try id.flatMap { try CouncilMeeting.fetchOne(db, key: $0) }
    }
}
