import Foundation
import GRDB
import Vietnamese

package struct Sponsor: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "sponsor"
    package var id: Int64?
    package var kind: SponsorKind
    package var personId: Int64?
    package var unitId: Int64?
    package var tags: String
    package var notes: String?
    package var createdAt: Date
    package var updatedAt: Date

    package var tagList: [String] { tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct Donation: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "donation"
    package var id: Int64?
    package var sponsorId: Int64?
    package var date: CivilDate
    package var kind: DonationKind
    package var amount: Int64?
    package var channel: PaymentChannel?
    /// Cash: the amount; in kind: the sum of the items' estimated values. What the totals add up.
    package var estimatedValue: Int64
    package var purpose: String
    package var campaignId: Int64?
    package var recipientUnitId: Int64
    package var receivedBy: String
    package var publishAnonymous: Bool
    package var notes: String?
    package var receiptYear: Int
    package var receiptSeq: Int
    package var voidedAt: Date?
    package var voidedBy: String?
    package var voidReason: String?
    package var letterSentOn: CivilDate?
    package var createdAt: Date
    package var createdBy: String

    package var receiptNumber: String { ReceiptNumber.format(year: receiptYear, sequence: receiptSeq) }
    package var isVoided: Bool { voidedAt != nil }
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct DonationItem: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "donationItem"
    package var id: Int64?
    package var donationId: Int64
    /// For a book: its title.
    package var description: String
    package var quantity: Int
    package var unitOfMeasure: String
    /// For the whole line, in đồng.
    package var estimatedValue: Int64
    package var isBook: Bool
    package var author: String?
    package var isbn: String?
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct Handover: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "handover"
    package var id: Int64?
    package var donationId: Int64
    package var toUnitId: Int64
    package var date: CivilDate
    package var deliveredBy: String
    package var receivedBy: String
    package var notes: String?
    package var createdAt: Date
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct HandoverItem: Codable, FetchableRecord, PersistableRecord, Sendable {
    package static let databaseTableName = "handoverItem"
    package var handoverId: Int64
    package var donationItemId: Int64
    package var quantity: Int
}

package struct Pledge: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "pledge"
    package var id: Int64?
    package var sponsorId: Int64
    package var date: CivilDate
    /// Promised money, or the estimated value of promised items (`items` says which).
    package var value: Int64
    package var items: String?
    package var dueOn: CivilDate
    package var purpose: String
    package var campaignId: Int64?
    package var recipientUnitId: Int64
    package var cancelledOn: CivilDate?
    package var notes: String?
    package var createdAt: Date
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct PledgeFulfilment: Codable, FetchableRecord, PersistableRecord, Sendable {
    package static let databaseTableName = "pledgeFulfilment"
    package var pledgeId: Int64
    package var donationId: Int64
    package var value: Int64
}

package struct Volunteer: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "volunteer"
    package var id: Int64?
    package var personId: Int64
    /// The unit the volunteer works with; its editors enter the hours.
    package var unitId: Int64
    package var skills: String
    package var availability: String?
    package var since: CivilDate
    package var active: Bool
    package var notes: String?
    package var createdAt: Date

    package var skillList: [VolunteerSkill] { VolunteerSkill.parse(skills) }
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct VolunteerRole: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "volunteerRole"
    package var id: Int64?
    package var volunteerId: Int64
    package var activityId: Int64?
    package var clubSessionId: Int64?
    package var role: String
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct VolunteerHours: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "volunteerHours"
    package var id: Int64?
    package var volunteerId: Int64
    package var date: CivilDate
    package var minutes: Int
    package var activityId: Int64?
    package var clubSessionId: Int64?
    package var description: String?
    package var status: HoursStatus
    package var enteredByAccount: Int64?
    package var enteredBy: String
    package var enteredAt: Date
    package var reviewedByAccount: Int64?
    package var reviewedBy: String?
    package var reviewedAt: Date?
    package var rejectReason: String?
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// "PT-2026-0001": phiếu thu, the year, and a number that runs without gaps within the year.
package enum ReceiptNumber {
    package static func format(year: Int, sequence: Int) -> String {
        let digits = String(sequence)
        return "PT-\(year)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    package static func parse(_ text: String) -> (year: Int, sequence: Int)? {
        let parts = text.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "-")
        guard parts.count == 3, parts[0] == "PT", let year = Int(parts[1]), let sequence = Int(parts[2]) else { return nil }
        return (year, sequence)
    }
}
