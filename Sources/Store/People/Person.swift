import Foundation
import GRDB
import Vietnamese

package enum Gender: String, Codable, CaseIterable, Sendable, Labelled {
    case male, female, other, unknown

    /// The gender a stored value starts with (the column's CHECK allows only the four words, each its own letter).
    package init(storedFirstByte byte: UInt8) {
        switch byte {
        case UInt8(ascii: "m"): self = .male
        case UInt8(ascii: "f"): self = .female
        case UInt8(ascii: "o"): self = .other
        default: self = .unknown
        }
    }

    package var label: String {
        switch self {
        case .male: return "Nam"
        case .female: return "Nữ"
        case .other: return "Khác"
        case .unknown: return "Chưa rõ"
        }
    }

    package var englishLabel: String {
        switch self {
        case .male: return "Male"
        case .female: return "Female"
        case .other: return "Other"
        case .unknown: return "Unknown"
        }
    }

    /// "Nam", "nữ", "nu", "male", "F", "M"...; empty gives `.unknown`; nil when not understood.
    package init?(lenient text: String) {
        switch text {  // the spellings files and forms use, without folding
        case "Nam", "nam", "male": self = .male; return
        case "Nữ", "nữ", "female": self = .female; return
        case "", "unknown": self = .unknown; return
        default: break
        }
        switch VietnameseText.searchKey(text.trimmingCharacters(in: .whitespaces)) {
        case "nam", "male", "m": self = .male
        case "nu", "female", "f": self = .female
        case "khac", "other": self = .other
        case "", "chua ro", "unknown": self = .unknown
        default: return nil
        }
    }
}

/// A resident. "Họ và tên" is kept whole for display; the sort key orders by given name.
package struct Person: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "person"

    package var id: Int64?
    package var fullName: String
    package var sortKey: String
    /// How the name is sorted when its last word is not the given name: its words in the order compared.
    package var sortName: String?
    package var searchKey: String
    package var gender: Gender
    package var birthDate: CivilDate?
    package var birthYear: Int?
    package var ethnicity: String?
    /// The language messages are sent in when a template has it (`MessageLanguage`; nil: Vietnamese).
    package var language: String?
    package var villageId: Int64?
    package var householdId: Int64?
    package var relationToHead: String?
    /// Normalised "+84…" form; `phoneOriginal` keeps what was given.
    package var phone: String?
    package var phoneOriginal: String?
    package var zalo: String?
    package var email: String?
    package var notes: String?
    package var createdAt: Date
    package var updatedAt: Date

    package init(id: Int64? = nil, fullName: String, gender: Gender = .unknown, birthDate: CivilDate? = nil,
                birthYear: Int? = nil, ethnicity: String? = nil, villageId: Int64? = nil, householdId: Int64? = nil,
                relationToHead: String? = nil, phone: PhoneNumber? = nil, zalo: String? = nil, email: String? = nil,
                notes: String? = nil, language: String? = nil, sortName: String? = nil, now: Date = Date()) {
        self.id = id
        self.language = language
        self.fullName = VietnameseText.clean(fullName)
        self.sortName = VietnameseText.cleanOrNil(sortName)
        self.sortKey = NameSortKey.make(cleaned: self.fullName, sortName: self.sortName)
        self.searchKey = VietnameseText.searchKey(self.fullName)
        self.gender = gender
        self.birthDate = birthDate
        self.birthYear = birthDate?.year ?? birthYear
        self.ethnicity = ethnicity.map(VietnameseText.clean)
        self.villageId = villageId
        self.householdId = householdId
        self.relationToHead = relationToHead
        self.phone = phone?.normalized
        self.phoneOriginal = phone?.original
        self.zalo = zalo
        self.email = email
        self.notes = notes
        self.createdAt = now
        self.updatedAt = now
    }

    package enum Columns {
        package static let id = Column("id")
        package static let fullName = Column("fullName")
        package static let sortKey = Column("sortKey")
        package static let searchKey = Column("searchKey")
        package static let villageId = Column("villageId")
        package static let householdId = Column("householdId")
        package static let phone = Column("phone")
        package static let gender = Column("gender")
        package static let birthYear = Column("birthYear")
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    package mutating func rename(_ newName: String, sortName newSortName: String? = nil) {
        let cleaned = VietnameseText.clean(newName)
        let cleanedSortName = VietnameseText.cleanOrNil(newSortName)
        guard cleaned != fullName || cleanedSortName != sortName else { return }
        fullName = cleaned
        sortName = cleanedSortName
        sortKey = NameSortKey.make(cleaned: fullName, sortName: sortName)
        searchKey = VietnameseText.searchKey(fullName)
    }

    package mutating func setPhone(_ number: PhoneNumber?) {
        phone = number?.normalized
        phoneOriginal = number?.original
    }

    /// Age reached during the given year (from birth date or birth year).
    package func age(in year: Int) -> Int? { birthYear.map { year - $0 } }
}

/// A household (hộ gia đình) with a head and members.
package struct Household: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "household"
    package var id: Int64?
    package var name: String
    package var sortKey: String
    package var villageId: Int64?
    package var headId: Int64?
    package var address: String?
    package var notes: String?
    package var createdAt: Date
    package var updatedAt: Date

    package init(id: Int64? = nil, name: String, villageId: Int64?, headId: Int64? = nil, address: String? = nil,
                notes: String? = nil, now: Date = Date()) {
        self.id = id
        self.name = VietnameseText.clean(name)
        self.sortKey = NameSortKey.make(self.name)
        self.villageId = villageId
        self.headId = headId
        self.address = address
        self.notes = notes
        self.createdAt = now
        self.updatedAt = now
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
