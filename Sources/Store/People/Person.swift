import Foundation
import GRDB
import Vietnamese

public enum Gender: String, Codable, CaseIterable, Sendable, Labelled {
    case male, female, other, unknown

    public var label: String {
        switch self {
        case .male: return "Nam"
        case .female: return "Nữ"
        case .other: return "Khác"
        case .unknown: return "Chưa rõ"
        }
    }

    public var englishLabel: String {
        switch self {
        case .male: return "Male"
        case .female: return "Female"
        case .other: return "Other"
        case .unknown: return "Unknown"
        }
    }

    /// "Nam", "nữ", "nu", "male", "F", "M"...; empty gives `.unknown`; nil when not understood.
    public init?(lenient text: String) {
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
public struct Person: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "person"

    public var id: Int64?
    public var fullName: String
    public var sortKey: String
    /// How the name is sorted when its last word is not the given name: its words in the order compared.
    public var sortName: String?
    public var searchKey: String
    public var gender: Gender
    public var birthDate: CivilDate?
    public var birthYear: Int?
    public var ethnicity: String?
    /// The language messages are sent in when a template has it (`MessageLanguage`; nil: Vietnamese).
    public var language: String?
    public var villageId: Int64?
    public var householdId: Int64?
    public var relationToHead: String?
    /// Normalised "+84…" form; `phoneOriginal` keeps what was given.
    public var phone: String?
    public var phoneOriginal: String?
    public var zalo: String?
    public var email: String?
    public var notes: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: Int64? = nil, fullName: String, gender: Gender = .unknown, birthDate: CivilDate? = nil,
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

    public enum Columns {
        public static let id = Column("id")
        public static let fullName = Column("fullName")
        public static let sortKey = Column("sortKey")
        public static let searchKey = Column("searchKey")
        public static let villageId = Column("villageId")
        public static let householdId = Column("householdId")
        public static let phone = Column("phone")
        public static let gender = Column("gender")
        public static let birthYear = Column("birthYear")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public mutating func rename(_ newName: String, sortName newSortName: String? = nil) {
        let cleaned = VietnameseText.clean(newName)
        let cleanedSortName = VietnameseText.cleanOrNil(newSortName)
        guard cleaned != fullName || cleanedSortName != sortName else { return }
        fullName = cleaned
        sortName = cleanedSortName
        sortKey = NameSortKey.make(cleaned: fullName, sortName: sortName)
        searchKey = VietnameseText.searchKey(fullName)
    }

    public mutating func setPhone(_ number: PhoneNumber?) {
        phone = number?.normalized
        phoneOriginal = number?.original
    }

    /// Age reached during the given year (from birth date or birth year).
    public func age(in year: Int) -> Int? { birthYear.map { year - $0 } }
}

/// A household (hộ gia đình) with a head and members.
public struct Household: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "household"
    public var id: Int64?
    public var name: String
    public var sortKey: String
    public var villageId: Int64?
    public var headId: Int64?
    public var address: String?
    public var notes: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: Int64? = nil, name: String, villageId: Int64?, headId: Int64? = nil, address: String? = nil,
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

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
