import Foundation
import GRDB
import Vietnamese

/// A unit (đơn vị): village, school, library, cultural house, association... Units keep their former names so that
/// history survives commune mergers.
package struct OrgUnit: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "unit"

    package var id: Int64?
    package var name: String
    package var sortKey: String
    package var searchKey: String
    package var kind: UnitKind
    package var parentId: Int64?
    package var address: String?
    package var phone: String?
    package var email: String?
    package var contactName: String?
    package var isActive: Bool
    package var notes: String?
    package var createdAt: Date
    package var updatedAt: Date

    package init(id: Int64? = nil, name: String, kind: UnitKind, parentId: Int64? = nil, address: String? = nil,
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

    package enum Columns {
        package static let id = Column("id")
        package static let name = Column("name")
        package static let sortKey = Column("sortKey")
        package static let kind = Column("kind")
        package static let parentId = Column("parentId")
        package static let isActive = Column("isActive")
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Re-derives the keys after the name changed.
    package mutating func rename(_ newName: String) {
        name = VietnameseText.clean(newName)
        sortKey = NameSortKey.label(name)
        searchKey = VietnameseText.searchKey(name)
    }
}

/// A name a unit carried before (e.g. before the July 2025 commune merger).
package struct UnitFormerName: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "unitFormerName"
    package var id: Int64?
    package var unitId: Int64
    package var name: String
    package var usedFrom: CivilDate?
    package var usedUntil: CivilDate?
    package var note: String?

    package init(unitId: Int64, name: String, usedFrom: CivilDate? = nil, usedUntil: CivilDate? = nil, note: String? = nil) {
        self.unitId = unitId
        self.name = VietnameseText.clean(name)
        self.usedFrom = usedFrom
        self.usedUntil = usedUntil
        self.note = note
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
