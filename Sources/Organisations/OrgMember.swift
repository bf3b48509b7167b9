import Foundation
import GRDB
import Store
import Vietnamese

/// A role in a branch of a mass organisation, named as the organisations name it.
package enum OrgRole: String, Codable, CaseIterable, Sendable, Labelled {
    case head, deputy, member

    package var label: String {
        switch self {
        case .head: return "Chi hội trưởng, bí thư chi đoàn"
        case .deputy: return "Chi hội phó, phó bí thư"
        case .member: return "Hội viên, đoàn viên"
        }
    }

    package var englishLabel: String {
        switch self {
        case .head: return "Branch head (youth branch secretary)"
        case .deputy: return "Deputy branch head"
        case .member: return "Member"
        }
    }
}

package struct OrgMember: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "orgMember"
    package var id: Int64?
    package var orgId: Int64
    package var personId: Int64
    /// The branch: the village whose chi hội or chi đoàn the member belongs to.
    package var branchId: Int64?
    package var role: OrgRole
    /// The membership number, where the organisation issues cards.
    package var number: String?
    package var joinedOn: CivilDate
    package var leftOn: CivilDate?
    package var createdAt: Date
    package var createdBy: String

    package var isCurrent: Bool { leftOn == nil }
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
