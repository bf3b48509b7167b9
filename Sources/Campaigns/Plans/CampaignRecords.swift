import Foundation
import GRDB
import Vietnamese

public struct Campaign: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "campaign"
    public var id: Int64?
    public var title: String
    public var theme: String?
    public var observanceKey: String?
    public var year: Int
    public var startDate: CivilDate
    public var endDate: CivilDate
    public var goals: String?
    public var leadUnitId: Int64
    public var status: CampaignStatus
    public var createdAt: Date
    public var updatedAt: Date
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct CampaignStatusChange: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "campaignStatusChange"
    public var id: Int64?
    public var campaignId: Int64
    public var status: CampaignStatus
    public var at: Date
    public var actor: String
    public var note: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct BudgetLine: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "budgetLine"
    public var id: Int64?
    public var campaignId: Int64
    public var item: String
    public var source: BudgetSource
    public var planned: Int64
    public var spent: Int64
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Outcomes counted for an activity (expected and actual); nil means "not recorded", not zero.
public struct ActivityOutcomes: Codable, Sendable, Equatable {
    public var participantsMale: Int?
    public var participantsFemale: Int?
    public var participantsChildren: Int?
    public var participantsYouth: Int?
    public var participantsAdults: Int?
    public var participantsElderly: Int?
    public var booksLent: Int?
    public var newLibraryCards: Int?
    public var postsPublished: Int?
    public var reach: Int?
    public init() {}

    /// Every counted field with its name (forms, files): the one list to extend when a new figure is counted.
    nonisolated(unsafe) public static let fields: [(name: String, path: WritableKeyPath<ActivityOutcomes, Int?>)] = [
        ("participantsMale", \.participantsMale), ("participantsFemale", \.participantsFemale), ("participantsChildren", \.participantsChildren),
        ("participantsYouth", \.participantsYouth), ("participantsAdults", \.participantsAdults), ("participantsElderly", \.participantsElderly),
        ("booksLent", \.booksLent), ("newLibraryCards", \.newLibraryCards), ("postsPublished", \.postsPublished), ("reach", \.reach),
    ]

    public var participants: Int? {
        let byGender = [participantsMale, participantsFemale].compactMap { $0 }
        return byGender.isEmpty ? nil : byGender.reduce(0, +)
    }
}

public struct Activity: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "activity"
    public var id: Int64?
    public var campaignId: Int64
    public var kind: ActivityKind
    public var title: String
    /// "yyyy-MM-ddTHH:mm", Vietnam time.
    public var startsAt: String
    public var endsAt: String
    public var place: String?
    public var unitId: Int64
    public var channels: String
    public var expectedParticipants: Int?
    public var expectedBooksLent: Int?
    public var expectedPosts: Int?
    public var expectedReach: Int?
    public var participantsMale: Int?
    public var participantsFemale: Int?
    public var participantsChildren: Int?
    public var participantsYouth: Int?
    public var participantsAdults: Int?
    public var participantsElderly: Int?
    public var booksLent: Int?
    public var newLibraryCards: Int?
    public var postsPublished: Int?
    public var reach: Int?
    public var notes: String?
    public var updatedAt: Date
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var outcomes: ActivityOutcomes {
        get {
            var o = ActivityOutcomes()
            o.participantsMale = participantsMale; o.participantsFemale = participantsFemale
            o.participantsChildren = participantsChildren; o.participantsYouth = participantsYouth
            o.participantsAdults = participantsAdults; o.participantsElderly = participantsElderly
            o.booksLent = booksLent; o.newLibraryCards = newLibraryCards; o.postsPublished = postsPublished; o.reach = reach
            return o
        }
        set {
            participantsMale = newValue.participantsMale; participantsFemale = newValue.participantsFemale
            participantsChildren = newValue.participantsChildren; participantsYouth = newValue.participantsYouth
            participantsAdults = newValue.participantsAdults; participantsElderly = newValue.participantsElderly
            booksLent = newValue.booksLent; newLibraryCards = newValue.newLibraryCards; postsPublished = newValue.postsPublished; reach = newValue.reach
        }
    }

    public var startDate: CivilDate? { CivilDate(parsing: String(startsAt.prefix(10))) }
    /// "07h30", as invitations and posters write the time.
    public var startTime: String { String(startsAt.dropFirst(11)).replacingOccurrences(of: ":", with: "h") }
    /// What a message template gets of the activity: `activity.title`, `.date`, `.time`, `.place`.
    public var messageValues: [String: String] {
        ["activity.title": title, "activity.date": startDate?.display ?? "", "activity.time": startTime, "activity.place": place ?? ""]
    }
    public var endDate: CivilDate? { CivilDate(parsing: String(endsAt.prefix(10))) }
    public var channelList: [String] { channels.split(separator: ",").map(String.init) }
}

public struct Assignment: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "assignment"
    public var id: Int64?
    public var campaignId: Int64
    public var unitId: Int64
    public var task: String
    public var dueDate: CivilDate?
    public var status: AssignmentStatus
    /// The village whose branch (chi hội, chi đoàn) of the organisation does the task; nil for the whole unit.
    public var branchId: Int64?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// "dd/MM/yyyy HH:mm" or "dd/MM/yyyy" (then `defaultTime`) → "yyyy-MM-ddTHH:mm".
public enum DateTimeText {
    public static func parse(_ text: String, defaultTime: String = "08:00") -> String? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        // The stored form "2026-10-03T19:30" (what the API answers) reads back as it was written.
        if trimmed.count == 16, trimmed.dropFirst(10).first == "T" { trimmed = trimmed.prefix(10) + " " + trimmed.dropFirst(11) }
        let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = parts.first, let date = CivilDate(parsing: String(first)) else { return nil }
        let time = parts.count > 1 ? String(parts[1]).replacingOccurrences(of: "h", with: ":") : defaultTime
        let hm = time.split(separator: ":", omittingEmptySubsequences: false).map { Int($0.isEmpty ? "0" : $0) }
        guard parts.count <= 2, hm.count == 2, let hour = hm[0], let minute = hm[1], (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return date.iso + "T" + (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    /// "yyyy-MM-ddTHH:mm" → "dd/MM/yyyy HH:mm".
    public static func display(_ stored: String) -> String {
        guard let date = CivilDate(parsing: String(stored.prefix(10))) else { return stored }
        return date.display + (stored.count > 11 ? " " + stored.dropFirst(11) : "")
    }
}
