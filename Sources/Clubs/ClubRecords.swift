import Foundation
import GRDB
import Store
import Vietnamese

public struct Club: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "club"
    public var id: Int64?
    public var name: String
    public var sortKey: String
    public var unitId: Int64
    public var kind: ClubKind
    public var field: ClubField
    public var ageGroups: String
    public var leaderId: Int64?
    public var schedule: String?
    public var foundedOn: CivilDate?
    public var status: ClubStatus
    public var statusSince: CivilDate?
    public var notes: String?
    public var createdAt: Date
    public var updatedAt: Date

    public var ageGroupList: [AgeGroup] { AgeGroup.parse(ageGroups) }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct ClubStatusChange: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "clubStatusChange"
    public var id: Int64?
    public var clubId: Int64
    public var status: ClubStatus
    public var since: CivilDate
    public var note: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct ClubMember: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "clubMember"
    public var id: Int64?
    public var clubId: Int64
    public var personId: Int64
    public var role: MemberRole
    public var joinedOn: CivilDate
    public var leftOn: CivilDate?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct ClubSession: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "clubSession"
    public var id: Int64?
    public var clubId: Int64
    public var date: CivilDate
    public var topic: String?
    public var place: String?
    public var guests: Int
    public var createdAt: Date
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct Attendance: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "attendance"
    public var sessionId: Int64
    public var personId: Int64
    public var status: AttendanceStatus
}
