import Foundation
import GRDB
import Vietnamese

package struct Campaign: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "campaign"
    package var id: Int64?
    package var title: String
    package var theme: String?
    package var observanceKey: String?
    package var year: Int
    package var startDate: CivilDate
    package var endDate: CivilDate
    package var goals: String?
    package var leadUnitId: Int64
    package var status: CampaignStatus
    package var createdAt: Date
    package var updatedAt: Date
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct CampaignStatusChange: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "campaignStatusChange"
    package var id: Int64?
    package var campaignId: Int64
    package var status: CampaignStatus
    package var at: Date
    package var actor: String
    package var note: String?
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct BudgetLine: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "budgetLine"
    package var id: Int64?
    package var campaignId: Int64
    package var item: String
    package var source: BudgetSource
    package var planned: Int64
    package var spent: Int64
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Outcomes counted for an activity (expected and actual); nil means "not recorded", not zero.
package struct ActivityOutcomes: Codable, Sendable, Equatable {
    package var participantsMale: Int?
    package var participantsFemale: Int?
    package var participantsChildren: Int?
    package var participantsYouth: Int?
    package var participantsAdults: Int?
    package var participantsElderly: Int?
    package var booksLent: Int?
    package var newLibraryCards: Int?
    package var postsPublished: Int?
    package var reach: Int?
    package init() {}

    /// Every counted field with its name (forms, files): the one list to extend when a new figure is counted.
    nonisolated(unsafe) package static let fields: [(name: String, path: WritableKeyPath<ActivityOutcomes, Int?>)] = [
        ("participantsMale", \.participantsMale), ("participantsFemale", \.participantsFemale), ("participantsChildren", \.participantsChildren),
        ("participantsYouth", \.participantsYouth), ("participantsAdults", \.participantsAdults), ("participantsElderly", \.participantsElderly),
        ("booksLent", \.booksLent), ("newLibraryCards", \.newLibraryCards), ("postsPublished", \.postsPublished), ("reach", \.reach),
    ]

    package var participants: Int? {
        let byGender = [participantsMale, participantsFemale].compactMap { $0 }
        return byGender.isEmpty ? nil : byGender.reduce(0, +)
    }
}

package struct Activity: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "activity"
    package var id: Int64?
    package var campaignId: Int64
    package var kind: ActivityKind
    package var title: String
    /// "yyyy-MM-ddTHH:mm", Vietnam time.
    package var startsAt: String
    package var endsAt: String
    package var place: String?
    package var unitId: Int64
    package var channels: String
    package var expectedParticipants: Int?
    package var expectedBooksLent: Int?
    package var expectedPosts: Int?
    package var expectedReach: Int?
    package var participantsMale: Int?
    package var participantsFemale: Int?
    package var participantsChildren: Int?
    package var participantsYouth: Int?
    package var participantsAdults: Int?
    package var participantsElderly: Int?
    package var booksLent: Int?
    package var newLibraryCards: Int?
    package var postsPublished: Int?
    package var reach: Int?
    package var notes: String?
    package var updatedAt: Date
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    package var outcomes: ActivityOutcomes {
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

    package var startDate: CivilDate? { CivilDate(parsing: String(startsAt.prefix(10))) }
    /// "07h30", as invitations and posters write the time.
    package var startTime: String { String(startsAt.dropFirst(11)).replacingOccurrences(of: ":", with: "h") }
    /// What a message template gets of the activity: `activity.title`, `.date`, `.time`, `.place`.
    package var messageValues: [String: String] {
        ["activity.title": title, "activity.date": startDate?.display ?? "", "activity.time": startTime, "activity.place": place ?? ""]
    }
    package var endDate: CivilDate? { CivilDate(parsing: String(endsAt.prefix(10))) }
    package var channelList: [String] { channels.split(separator: ",").map(String.init) }
}

package struct Assignment: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "assignment"
    package var id: Int64?
    package var campaignId: Int64
    package var unitId: Int64
    package var task: String
    package var dueDate: CivilDate?
    package var status: AssignmentStatus
    /// The village whose branch (chi hội, chi đoàn) of the organisation does the task; nil for the whole unit.
    package var branchId: Int64?
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// "dd/MM/yyyy HH:mm" or "dd/MM/yyyy" (then `defaultTime`) → "yyyy-MM-ddTHH:mm".
package enum DateTimeText {
    package static func parse(_ text: String, defaultTime: String = "08:00") -> String? {
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
    package static func display(_ stored: String) -> String {
        guard let date = CivilDate(parsing: String(stored.prefix(10))) else { return stored }
        return date.display + (stored.count > 11 ? " " + stored.dropFirst(11) : "")
    }
}
