import Foundation
import GRDB
import Vietnamese

/// A unit (đơn vị): village, school, library, cultural house, association... Units keep their former names so that
/// history survives commune mergers.
public struct OrgUnit: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "unit"

    public var id: Int64?
    public var name: String
    public var sortKey: String
    public var searchKey: String
    public var kind: UnitKind
    public var parentId: Int64?
    public var address: String?
    public var phone: String?
    public var email: String?
    public var contactName: String?
    public var isActive: Bool
    public var notes: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: Int64? = nil, name: String, kind: UnitKind, parentId: Int64? = nil, address: String? = nil,
                phone: String? = nil, email: String? = nil, contactName: String? = nil, isActive: Bool = true,
                notes: String? = nil, now: Date = Date()) {
        self.id = id
        self.name = VietnameseText.clean(name)
        self.sortKey = NameSortKey.label(name)
        self.searchKey = VietnameseText.searchKey(self.name)
        self.kind = kind
        self.parentId = parentId
        self.address = address
        self.phone = phone
        self.email = email
        self.contactName = contactName
        self.isActive = isActive
        self.notes = notes
        self.createdAt = now
        self.updatedAt = now
    }

    public enum Columns {
        public static let id = Column("id")
        public static let name = Column("name")
        public static let sortKey = Column("sortKey")
        public static let kind = Column("kind")
        public static let parentId = Column("parentId")
        public static let isActive = Column("isActive")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Re-derives the keys after the name changed.
    public mutating func rename(_ newName: String) {
        name = VietnameseText.clean(newName)
        sortKey = NameSortKey.label(name)
        searchKey = VietnameseText.searchKey(name)
    }
}

/// A name a unit carried before (e.g. before the July 2025 commune merger).
public struct UnitFormerName: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "unitFormerName"
    public var id: Int64?
    public var unitId: Int64
    public var name: String
    public var usedFrom: CivilDate?
    public var usedUntil: CivilDate?
    public var note: String?

    public init(unitId: Int64, name: String, usedFrom: CivilDate? = nil, usedUntil: CivilDate? = nil, note: String? = nil) {
        self.unitId = unitId
        self.name = VietnameseText.clean(name)
        self.usedFrom = usedFrom
        self.usedUntil = usedUntil
        self.note = note
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
