import Vietnamese

/// A campaign as typed in the form, the API or a YAML file.
public struct CampaignInput: Sendable, Codable, Equatable {
    public var title: String
    public var theme: String?
    public var observanceKey: String?
    public var year: Int?
    public var startDate: String
    public var endDate: String
    public var goals: String?
    public var leadUnitId: Int64?
    public var coordinatingUnitIds: [Int64]

    public init(title: String, theme: String? = nil, observanceKey: String? = nil, year: Int? = nil, startDate: String, endDate: String,
                goals: String? = nil, leadUnitId: Int64?, coordinatingUnitIds: [Int64] = []) {
        self.title = title; self.theme = theme; self.observanceKey = observanceKey; self.year = year; self.startDate = startDate
        self.endDate = endDate; self.goals = goals; self.leadUnitId = leadUnitId; self.coordinatingUnitIds = coordinatingUnitIds
    }
}

/// An activity as typed; times "dd/MM/yyyy HH:mm".
public struct ActivityInput: Sendable, Codable, Equatable {
    public var kind: String
    public var title: String
    public var startsAt: String
    public var endsAt: String
    public var place: String?
    public var unitId: Int64?
    public var channels: [String]
    public var expectedParticipants: Int?
    public var expectedBooksLent: Int?
    public var expectedPosts: Int?
    public var expectedReach: Int?
    public var notes: String?

    public init(kind: String, title: String, startsAt: String, endsAt: String, place: String? = nil, unitId: Int64?, channels: [String] = [],
                expectedParticipants: Int? = nil, expectedBooksLent: Int? = nil, expectedPosts: Int? = nil, expectedReach: Int? = nil,
                notes: String? = nil) {
        self.kind = kind; self.title = title; self.startsAt = startsAt; self.endsAt = endsAt; self.place = place; self.unitId = unitId
        self.channels = channels; self.expectedParticipants = expectedParticipants; self.expectedBooksLent = expectedBooksLent
        self.expectedPosts = expectedPosts; self.expectedReach = expectedReach; self.notes = notes
    }
}
