import Foundation
import GRDB
import Store
import Vietnamese

package struct Club: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "club"
    package var id: Int64?
    package var name: String
    package var sortKey: String
    package var unitId: Int64
    package var kind: ClubKind
    package var field: ClubField
    package var ageGroups: String
    package var leaderId: Int64?
    package var schedule: String?
    package var foundedOn: CivilDate?
    package var status: ClubStatus
    package var statusSince: CivilDate?
    package var notes: String?
    package var createdAt: Date
    package var updatedAt: Date

    package var ageGroupList: [AgeGroup] { AgeGroup.parse(ageGroups) }
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct ClubStatusChange: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "clubStatusChange"
    package var id: Int64?
    package var clubId: Int64
    package var status: ClubStatus
    package var since: CivilDate
    package var note: String?
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct ClubMember: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "clubMember"
    package var id: Int64?
    package var clubId: Int64
    package var personId: Int64
    package var role: MemberRole
    package var joinedOn: CivilDate
    package var leftOn: CivilDate?
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct ClubSession: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "clubSession"
    package var id: Int64?
    package var clubId: Int64
    package var date: CivilDate
    package var topic: String?
    package var place: String?
    package var guests: Int
    package var createdAt: Date
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct Attendance: Codable, FetchableRecord, PersistableRecord, Sendable {
    package static let databaseTableName = "attendance"
    package var sessionId: Int64
    package var personId: Int64
    package var status: AttendanceStatus
}
