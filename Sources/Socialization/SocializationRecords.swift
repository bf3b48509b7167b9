import Foundation
import GRDB
import Vietnamese

public struct Sponsor: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "sponsor"
    public var id: Int64?
    public var kind: SponsorKind
    public var personId: Int64?
    public var unitId: Int64?
    public var tags: String
    public var notes: String?
    public var createdAt: Date
    public var updatedAt: Date

    public var tagList: [String] { tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct Donation: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "donation"
    public var id: Int64?
    public var sponsorId: Int64?
    public var date: CivilDate
    public var kind: DonationKind
    public var amount: Int64?
    public var channel: PaymentChannel?
    /// Cash: the amount; in kind: the sum of the items' estimated values. What the totals add up.
    public var estimatedValue: Int64
    public var purpose: String
    public var campaignId: Int64?
    public var recipientUnitId: Int64
    public var receivedBy: String
    public var publishAnonymous: Bool
    public var notes: String?
    public var receiptYear: Int
    public var receiptSeq: Int
    public var voidedAt: Date?
    public var voidedBy: String?
    public var voidReason: String?
    public var letterSentOn: CivilDate?
    public var createdAt: Date
    public var createdBy: String

    public var receiptNumber: String { ReceiptNumber.format(year: receiptYear, sequence: receiptSeq) }
    public var isVoided: Bool { voidedAt != nil }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct DonationItem: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "donationItem"
    public var id: Int64?
    public var donationId: Int64
    /// For a book: its title.
    public var description: String
    public var quantity: Int
    public var unitOfMeasure: String
    /// For the whole line, in đồng.
    public var estimatedValue: Int64
    public var isBook: Bool
    public var author: String?
    public var isbn: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct Handover: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "handover"
    public var id: Int64?
    public var donationId: Int64
    public var toUnitId: Int64
    public var date: CivilDate
    public var deliveredBy: String
    public var receivedBy: String
    public var notes: String?
    public var createdAt: Date
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct HandoverItem: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "handoverItem"
    public var handoverId: Int64
    public var donationItemId: Int64
    public var quantity: Int
}

public struct Pledge: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "pledge"
    public var id: Int64?
    public var sponsorId: Int64
    public var date: CivilDate
    /// Promised money, or the estimated value of promised items (`items` says which).
    public var value: Int64
    public var items: String?
    public var dueOn: CivilDate
    public var purpose: String
    public var campaignId: Int64?
    public var recipientUnitId: Int64
    public var cancelledOn: CivilDate?
    public var notes: String?
    public var createdAt: Date
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct PledgeFulfilment: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "pledgeFulfilment"
    public var pledgeId: Int64
    public var donationId: Int64
    public var value: Int64
}

public struct Volunteer: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "volunteer"
    public var id: Int64?
    public var personId: Int64
    /// The unit the volunteer works with; its editors enter the hours.
    public var unitId: Int64
    public var skills: String
    public var availability: String?
    public var since: CivilDate
    public var active: Bool
    public var notes: String?
    public var createdAt: Date

    public var skillList: [VolunteerSkill] { VolunteerSkill.parse(skills) }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct VolunteerRole: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "volunteerRole"
    public var id: Int64?
    public var volunteerId: Int64
    public var activityId: Int64?
    public var clubSessionId: Int64?
    public var role: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct VolunteerHours: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "volunteerHours"
    public var id: Int64?
    public var volunteerId: Int64
    public var date: CivilDate
    public var minutes: Int
    public var activityId: Int64?
    public var clubSessionId: Int64?
    public var description: String?
    public var status: HoursStatus
    public var enteredByAccount: Int64?
    public var enteredBy: String
    public var enteredAt: Date
    public var reviewedByAccount: Int64?
    public var reviewedBy: String?
    public var reviewedAt: Date?
    public var rejectReason: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// "PT-2026-0001": phiếu thu, the year, and a number that runs without gaps within the year.
public enum ReceiptNumber {
    public static func format(year: Int, sequence: Int) -> String {
        let digits = String(sequence)
        return "PT-\(year)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    public static func parse(_ text: String) -> (year: Int, sequence: Int)? {
        let parts = text.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "-")
        guard parts.count == 3, parts[0] == "PT", let year = Int(parts[1]), let sequence = Int(parts[2]) else { return nil }
        return (year, sequence)
    }
}
