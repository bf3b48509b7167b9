import Foundation
import GRDB
import Store
import Vietnamese

/// What a public sign-up page signs people up for.
package enum SignUpKind: String, Codable, CaseIterable, Sendable, Labelled {
    /// Taking part in a campaign activity (the approved sign-ups are its list of registered people).
    case activity
    /// Joining a club, class or interest group (approval makes the person a member).
    case club
    /// Answering a call for volunteers for an activity (approval makes the person a volunteer with that role).
    case volunteer

    package var label: String {
        switch self {
        case .activity: return "Tham gia hoạt động"
        case .club: return "Vào câu lạc bộ, lớp, nhóm"
        case .volunteer: return "Làm tình nguyện viên"
        }
    }

    package var englishLabel: String {
        switch self {
        case .activity: return "Taking part in an activity"
        case .club: return "Joining a club, class or group"
        case .volunteer: return "Volunteering"
        }
    }
}

/// Where a sign-up stands in the organiser's queue.
package enum SignUpStatus: String, Codable, CaseIterable, Sendable, Labelled {
    case pending, waitlisted, approved, rejected

    package var label: String {
        switch self {
        case .pending: return "Chờ duyệt"
        case .waitlisted: return "Danh sách chờ (đã đủ chỗ)"
        case .approved: return "Đã duyệt"
        case .rejected: return "Không duyệt"
        }
    }

    package var englishLabel: String {
        switch self {
        case .pending: return "Awaiting review"
        case .waitlisted: return "Waiting list (full)"
        case .approved: return "Approved"
        case .rejected: return "Not approved"
        }
    }
}

/// A page opened for sign-up: what it is for, what it asks, which channels it asks consent for, how many places.
package struct SignUpForm: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "signUpForm"
    package var id: Int64?
    /// The short code in the public address `/s/CODE` and on the poster's QR code.
    package var code: String
    package var kind: SignUpKind
    package var activityId: Int64?
    package var clubId: Int64?
    /// The unit responsible: its editors review the queue.
    package var unitId: Int64
    package var title: String
    package var askBirthYear: Bool
    package var askVillage: Bool
    package var askPhone: Bool
    /// Channels the page asks consent for, comma-separated (`sms,zalo`); empty: no message consent asked.
    package var channels: String
    /// What the messages are for, in plain Vietnamese; shown in the consent and stored with it.
    package var purpose: String
    /// Volunteer calls: the role the volunteer is asked to take.
    package var role: String?
    package var capacity: Int?
    package var closesOn: CivilDate?
    package var closedAt: Date?
    package var createdAt: Date
    package var createdBy: String

    package var channelList: [ConsentChannel] { channels.split(separator: ",").compactMap { ConsentChannel(rawValue: String($0)) } }

    /// Open today: not closed by hand, and the closing day (inclusive) not passed.
    package func isOpen(on today: CivilDate) -> Bool { closedAt == nil && (closesOn.map { today <= $0 } ?? true) }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One person's sign-up from the public page, kept as typed, until reviewed.
package struct SignUpEntry: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "signUp"
    package var id: Int64?
    package var formId: Int64
    package var fullName: String
    package var birthYear: Int?
    package var villageId: Int64?
    /// +84… as stored for people; nil when not asked or not given.
    package var phone: String?
    package var guardianName: String?
    /// Channels the person ticked, comma-separated.
    package var consentChannels: String
    /// The consent exactly as the page showed it for the ticked channels (empty when none was ticked).
    package var consentText: String
    package var status: SignUpStatus
    /// The resident the sign-up was matched to or created as, on approval.
    package var personId: Int64?
    /// A hash of the sender's address: enough to limit sign-ups per source, without keeping the address.
    package var source: String
    package var createdAt: Date
    package var reviewedAt: Date?
    package var reviewedBy: String?
    package var rejectReason: String?
    /// When the confirmation message left in an export (nil: not yet).
    package var confirmedAt: Date?

    package var consentChannelList: [ConsentChannel] { consentChannels.split(separator: ",").compactMap { ConsentChannel(rawValue: String($0)) } }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
