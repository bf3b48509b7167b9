import GRDB
import Store
import Vietnamese

/// What the donation pages show beside a donation.
extension DonationStore {
    /// The years that have receipts, newest first (the year menu of the list).
    package static func receiptYears(_ db: Database) throws -> [Int] {
        try Int.fetchAll(db, sql: "SELECT DISTINCT receiptYear FROM donation ORDER BY receiptYear DESC")
    }

    /// The pledges a donation fulfils, as "purpose — value".
    package static func fulfilledPledges(_ db: Database, donationId: Int64) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT g.purpose || ' — ' || f.value FROM pledgeFulfilment f JOIN pledge g ON g.id = f.pledgeId WHERE f.donationId = ?
            """, arguments: [donationId])
    }

    /// A handover record by id, or a not-found error.
    package static func handover(_ db: Database, id: Int64) throws -> Handover {
        guard let handover = try Handover.fetchOne(db, key: id) else { throw DomainError.notFound("biên bản bàn giao", english: "Handover record") }
        return handover
    }
}

extension SponsorStore {
    /// The resident behind a sponsor, when the sponsor is a person.
    package static func person(_ db: Database, sponsorId: Int64?) throws -> Person? {
        try sponsorId.flatMap { try Sponsor.fetchOne(db, key: $0)?.personId }.flatMap { try Person.fetchOne(db, key: $0) }
    }
}
