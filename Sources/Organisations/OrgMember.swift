import Foundation
import GRDB
import Store
import Vietnamese

/// A role in a branch of a mass organisation, named as the organisations name it.
public enum OrgRole: String, Codable, CaseIterable, Sendable, Labelled {
    case head, deputy, member

    public var label: String {
        switch self {
        case .head: return "Chi hội trưởng, bí thư chi đoàn"
        case .deputy: return "Chi hội phó, phó bí thư"
        case .member: return "Hội viên, đoàn viên"
        }
    }

    public var englishLabel: String {
        switch self {
        case .head: return "Branch head (youth branch secretary)"
        case .deputy: return "Deputy branch head"
        case .member: return "Member"
        }
    }
}

public struct OrgMember: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "orgMember"
    public var id: Int64?
    public var orgId: Int64
    public var personId: Int64
    /// The branch: the village whose chi hội or chi đoàn the member belongs to.
    public var branchId: Int64?
    public var role: OrgRole
    /// The membership number, where the organisation issues cards.
    public var number: String?
    public var joinedOn: CivilDate
    public var leftOn: CivilDate?
    public var createdAt: Date
    public var createdBy: String

    public var isCurrent: Bool { leftOn == nil }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
