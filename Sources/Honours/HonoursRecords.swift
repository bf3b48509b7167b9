import Foundation
import GRDB
import Vietnamese

package enum RecipientKind: String, Codable, CaseIterable, Sendable, Labelled {
    case individual, household, clan, club, unit

    package var label: String {
        switch self {
        case .individual: return "Cá nhân"
        case .household: return "Hộ gia đình"
        case .clan: return "Dòng họ"
        case .club: return "Câu lạc bộ"
        case .unit: return "Đơn vị, thôn"
        }
    }

    package var englishLabel: String {
        switch self {
        case .individual: return "Individual"
        case .household: return "Household"
        case .clan: return "Clan"
        case .club: return "Club"
        case .unit: return "Unit, village"
        }
    }

    package var isCollective: Bool { self != .individual }
}

package enum CommendationType: String, Codable, CaseIterable, Sendable, Labelled {
    case regular, adHoc = "ad_hoc", movement, longService = "long_service"

    package var label: String {
        switch self {
        case .regular: return "Thường xuyên (cuối năm)"
        case .adHoc: return "Đột xuất"
        case .movement: return "Theo phong trào, chuyên đề"
        case .longService: return "Quá trình cống hiến"
        }
    }

    package var englishLabel: String {
        switch self {
        case .regular: return "Regular (year-end)"
        case .adHoc: return "Ad hoc"
        case .movement: return "Movement, theme"
        case .longService: return "Long service"
        }
    }
}

/// draft → submitted → reviewed (council) → approved or rejected.
package enum NominationStatus: String, Codable, CaseIterable, Sendable, Labelled {
    case draft, submitted, reviewed, approved, rejected

    package var label: String {
        switch self {
        case .draft: return "Nháp"
        case .submitted: return "Đã gửi đề nghị"
        case .reviewed: return "Hội đồng đã xét"
        case .approved: return "Được duyệt"
        case .rejected: return "Không duyệt"
        }
    }

    package var englishLabel: String {
        switch self {
        case .draft: return "Draft"
        case .submitted: return "Submitted"
        case .reviewed: return "Reviewed by council"
        case .approved: return "Approved"
        case .rejected: return "Rejected"
        }
    }
}

package enum DecisionKind: String, Codable, CaseIterable, Sendable, Labelled {
    case original, amend, revoke

    package var label: String {
        switch self {
        case .original: return "Quyết định khen thưởng"
        case .amend: return "Quyết định sửa đổi"
        case .revoke: return "Quyết định thu hồi"
        }
    }

    package var englishLabel: String {
        switch self {
        case .original: return "Commendation decision"
        case .amend: return "Amending decision"
        case .revoke: return "Revoking decision"
        }
    }
}

package struct Clan: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "clan"
    package var id: Int64?
    package var name: String
    package var sortKey: String
    package var villageId: Int64?
    package var notes: String?
    package var createdAt: Date
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct DisciplineFlag: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "disciplineFlag"
    package var id: Int64?
    package var personId: Int64
    /// "discipline" (kỷ luật) or "investigation" (đang bị điều tra, xem xét).
    package var kind: String
    package var since: CivilDate
    package var until: CivilDate?
    package var note: String?
    package var createdBy: String
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    package func isActive(on date: CivilDate) -> Bool { since <= date && (until.map { $0 >= date } ?? true) }
}

package struct CouncilMeeting: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "councilMeeting"
    package var id: Int64?
    package var date: CivilDate
    /// Where the minutes are filed ("Biên bản số 03/BB-HĐTĐKT").
    package var minutesRef: String
    /// Council members present: votes are checked against it.
    package var members: Int
    package var notes: String?
    package var createdAt: Date
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct Nomination: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "nomination"
    package var id: Int64?
    package var year: Int
    package var recipientKind: RecipientKind
    package var personId: Int64?
    package var householdId: Int64?
    package var clanId: Int64?
    package var clubId: Int64?
    package var unitId: Int64?
    package var achievement: String
    package var formKey: String
    package var commendationType: CommendationType
    package var proposingUnitId: Int64
    package var status: NominationStatus
    package var meetingId: Int64?
    package var votesFor: Int?
    package var votesAgainst: Int?
    package var rejectReason: String?
    package var award: Int64
    package var decisionId: Int64?
    package var createdBy: String
    package var createdAt: Date
    package var updatedAt: Date
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct NominationEvidence: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "nominationEvidence"
    package var id: Int64?
    package var nominationId: Int64
    /// campaign, donation, club, volunteer, assessment (a record id) or link (an address).
    package var kind: String
    package var refId: Int64?
    package var link: String?
    package var note: String?
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct Decision: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "decision"
    package var id: Int64?
    package var year: Int
    /// commune: the commune decides and numbers it; higher: a province or ministry award the commune records.
    package var level: String
    package var numberYear: Int?
    package var seq: Int?
    package var number: String?
    package var date: CivilDate?
    package var formKey: String
    package var subject: String
    package var signerName: String
    package var signerTitle: String
    package var issuer: String
    package var legalGrounds: String
    package var kind: DecisionKind
    package var correctsId: Int64?
    package var status: String
    package var issuedAt: Date?
    package var issuedBy: String?
    package var createdAt: Date

    package var isIssued: Bool { status == "issued" }
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct GoodModel: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "goodModel"
    package var id: Int64?
    package var title: String
    package var unitId: Int64
    package var year: Int
    package var description: String
    package var replicatedWhere: String?
    package var createdAt: Date
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
