import Foundation
import GRDB
import Vietnamese

public enum RecipientKind: String, Codable, CaseIterable, Sendable, Labelled {
    case individual, household, clan, club, unit

    public var label: String {
        switch self {
        case .individual: return "Cá nhân"
        case .household: return "Hộ gia đình"
        case .clan: return "Dòng họ"
        case .club: return "Câu lạc bộ"
        case .unit: return "Đơn vị, thôn"
        }
    }

    public var englishLabel: String {
        switch self {
        case .individual: return "Individual"
        case .household: return "Household"
        case .clan: return "Clan"
        case .club: return "Club"
        case .unit: return "Unit, village"
        }
    }

    public var isCollective: Bool { self != .individual }
}

public enum CommendationType: String, Codable, CaseIterable, Sendable, Labelled {
    case regular, adHoc = "ad_hoc", movement, longService = "long_service"

    public var label: String {
        switch self {
        case .regular: return "Thường xuyên (cuối năm)"
        case .adHoc: return "Đột xuất"
        case .movement: return "Theo phong trào, chuyên đề"
        case .longService: return "Quá trình cống hiến"
        }
    }

    public var englishLabel: String {
        switch self {
        case .regular: return "Regular (year-end)"
        case .adHoc: return "Ad hoc"
        case .movement: return "Movement, theme"
        case .longService: return "Long service"
        }
    }
}

/// draft → submitted → reviewed (council) → approved or rejected.
public enum NominationStatus: String, Codable, CaseIterable, Sendable, Labelled {
    case draft, submitted, reviewed, approved, rejected

    public var label: String {
        switch self {
        case .draft: return "Nháp"
        case .submitted: return "Đã gửi đề nghị"
        case .reviewed: return "Hội đồng đã xét"
        case .approved: return "Được duyệt"
        case .rejected: return "Không duyệt"
        }
    }

    public var englishLabel: String {
        switch self {
        case .draft: return "Draft"
        case .submitted: return "Submitted"
        case .reviewed: return "Reviewed by council"
        case .approved: return "Approved"
        case .rejected: return "Rejected"
        }
    }
}

public enum DecisionKind: String, Codable, CaseIterable, Sendable, Labelled {
    case original, amend, revoke

    public var label: String {
        switch self {
        case .original: return "Quyết định khen thưởng"
        case .amend: return "Quyết định sửa đổi"
        case .revoke: return "Quyết định thu hồi"
        }
    }

    public var englishLabel: String {
        switch self {
        case .original: return "Commendation decision"
        case .amend: return "Amending decision"
        case .revoke: return "Revoking decision"
        }
    }
}

public struct Clan: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "clan"
    public var id: Int64?
    public var name: String
    public var sortKey: String
    public var villageId: Int64?
    public var notes: String?
    public var createdAt: Date
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct DisciplineFlag: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "disciplineFlag"
    public var id: Int64?
    public var personId: Int64
    /// "discipline" (kỷ luật) or "investigation" (đang bị điều tra, xem xét).
    public var kind: String
    public var since: CivilDate
    public var until: CivilDate?
    public var note: String?
    public var createdBy: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public func isActive(on date: CivilDate) -> Bool { since <= date && (until.map { $0 >= date } ?? true) }
}

public struct CouncilMeeting: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "councilMeeting"
    public var id: Int64?
    public var date: CivilDate
    /// Where the minutes are filed ("Biên bản số 03/BB-HĐTĐKT").
    public var minutesRef: String
    /// Council members present: votes are checked against it.
    public var members: Int
    public var notes: String?
    public var createdAt: Date
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct Nomination: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "nomination"
    public var id: Int64?
    public var year: Int
    public var recipientKind: RecipientKind
    public var personId: Int64?
    public var householdId: Int64?
    public var clanId: Int64?
    public var clubId: Int64?
    public var unitId: Int64?
    public var achievement: String
    public var formKey: String
    public var commendationType: CommendationType
    public var proposingUnitId: Int64
    public var status: NominationStatus
    public var meetingId: Int64?
    public var votesFor: Int?
    public var votesAgainst: Int?
    public var rejectReason: String?
    public var award: Int64
    public var decisionId: Int64?
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct NominationEvidence: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "nominationEvidence"
    public var id: Int64?
    public var nominationId: Int64
    /// campaign, donation, club, volunteer, assessment (a record id) or link (an address).
    public var kind: String
    public var refId: Int64?
    public var link: String?
    public var note: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct Decision: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "decision"
    public var id: Int64?
    public var year: Int
    /// commune: the commune decides and numbers it; higher: a province or ministry award the commune records.
    public var level: String
    public var numberYear: Int?
    public var seq: Int?
    public var number: String?
    public var date: CivilDate?
    public var formKey: String
    public var subject: String
    public var signerName: String
    public var signerTitle: String
    public var issuer: String
    public var legalGrounds: String
    public var kind: DecisionKind
    public var correctsId: Int64?
    public var status: String
    public var issuedAt: Date?
    public var issuedBy: String?
    public var createdAt: Date

    public var isIssued: Bool { status == "issued" }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct GoodModel: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "goodModel"
    public var id: Int64?
    public var title: String
    public var unitId: Int64
    public var year: Int
    public var description: String
    public var replicatedWhere: String?
    public var createdAt: Date
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
