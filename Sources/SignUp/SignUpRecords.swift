import Foundation
import GRDB
import Store
import Vietnamese

/// What a public sign-up page signs people up for.
public enum SignUpKind: String, Codable, CaseIterable, Sendable, Labelled {
    /// Taking part in a campaign activity (the approved sign-ups are its list of registered people).
    case activity
    /// Joining a club, class or interest group (approval makes the person a member).
    case club
    /// Answering a call for volunteers for an activity (approval makes the person a volunteer with that role).
    case volunteer

    public var label: String {
        switch self {
        case .activity: return "Tham gia hoạt động"
        case .club: return "Vào câu lạc bộ, lớp, nhóm"
        case .volunteer: return "Làm tình nguyện viên"
        }
    }

    public var englishLabel: String {
        switch self {
        case .activity: return "Taking part in an activity"
        case .club: return "Joining a club, class or group"
        case .volunteer: return "Volunteering"
        }
    }
}

/// Where a sign-up stands in the organiser's queue.
public enum SignUpStatus: String, Codable, CaseIterable, Sendable, Labelled {
    case pending, waitlisted, approved, rejected

    public var label: String {
        switch self {
        case .pending: return "Chờ duyệt"
        case .waitlisted: return "Danh sách chờ (đã đủ chỗ)"
        case .approved: return "Đã duyệt"
        case .rejected: return "Không duyệt"
        }
    }

    public var englishLabel: String {
        switch self {
        case .pending: return "Awaiting review"
        case .waitlisted: return "Waiting list (full)"
        case .approved: return "Approved"
        case .rejected: return "Not approved"
        }
    }
}

/// A page opened for sign-up: what it is for, what it asks, which channels it asks consent for, how many places.
public struct SignUpForm: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "signUpForm"
    public var id: Int64?
    /// The short code in the public address `/s/CODE` and on the poster's QR code.
    public var code: String
    public var kind: SignUpKind
    public var activityId: Int64?
    public var clubId: Int64?
    /// The unit responsible: its editors review the queue.
    public var unitId: Int64
    public var title: String
    public var askBirthYear: Bool
    public var askVillage: Bool
    public var askPhone: Bool
    /// Channels the page asks consent for, comma-separated (`sms,zalo`); empty: no message consent asked.
    public var channels: String
    /// What the messages are for, in plain Vietnamese; shown in the consent and stored with it.
    public var purpose: String
    /// Volunteer calls: the role the volunteer is asked to take.
    public var role: String?
    public var capacity: Int?
    public var closesOn: CivilDate?
    public var closedAt: Date?
    public var createdAt: Date
    public var createdBy: String

    public var channelList: [ConsentChannel] { channels.split(separator: ",").compactMap { ConsentChannel(rawValue: String($0)) } }

    /// Open today: not closed by hand, and the closing day (inclusive) not passed.
    public func isOpen(on today: CivilDate) -> Bool { closedAt == nil && (closesOn.map { today <= $0 } ?? true) }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One person's sign-up from the public page, kept as typed, until reviewed.
public struct SignUpEntry: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "signUp"
    public var id: Int64?
    public var formId: Int64
    public var fullName: String
    public var birthYear: Int?
    public var villageId: Int64?
    /// +84… as stored for people; nil when not asked or not given.
    public var phone: String?
    public var guardianName: String?
    /// Channels the person ticked, comma-separated.
    public var consentChannels: String
    /// The consent exactly as the page showed it for the ticked channels (empty when none was ticked).
    public var consentText: String
    public var status: SignUpStatus
    /// The resident the sign-up was matched to or created as, on approval.
    public var personId: Int64?
    /// A hash of the sender's address: enough to limit sign-ups per source, without keeping the address.
    public var source: String
    public var createdAt: Date
    public var reviewedAt: Date?
    public var reviewedBy: String?
    public var rejectReason: String?
    /// When the confirmation message left in an export (nil: not yet).
    public var confirmedAt: Date?

    public var consentChannelList: [ConsentChannel] { consentChannels.split(separator: ",").compactMap { ConsentChannel(rawValue: String($0)) } }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
