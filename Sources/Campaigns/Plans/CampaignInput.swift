import Vietnamese

/// A campaign as typed in the form, the API or a YAML file.
package struct CampaignInput: Sendable, Codable, Equatable {
    package var title: String
    package var theme: String?
    package var observanceKey: String?
    package var year: Int?
    package var startDate: String
    package var endDate: String
    package var goals: String?
    package var leadUnitId: Int64?
    package var coordinatingUnitIds: [Int64]

    package init(title: String, theme: String? = nil, observanceKey: String? = nil, year: Int? = nil, startDate: String, endDate: String,
                goals: String? = nil, leadUnitId: Int64?, coordinatingUnitIds: [Int64] = []) {
        self.title = title; self.theme = theme; self.observanceKey = observanceKey; self.year = year; self.startDate = startDate
        self.endDate = endDate; self.goals = goals; self.leadUnitId = leadUnitId; self.coordinatingUnitIds = coordinatingUnitIds
    }
}

/// An activity as typed; times "dd/MM/yyyy HH:mm".
package struct ActivityInput: Sendable, Codable, Equatable {
    package var kind: String
    package var title: String
    package var startsAt: String
    package var endsAt: String
    package var place: String?
    package var unitId: Int64?
    package var channels: [String]
    package var expectedParticipants: Int?
    package var expectedBooksLent: Int?
    package var expectedPosts: Int?
    package var expectedReach: Int?
    package var notes: String?

    package init(kind: String, title: String, startsAt: String, endsAt: String, place: String? = nil, unitId: Int64?, channels: [String] = [],
                expectedParticipants: Int? = nil, expectedBooksLent: Int? = nil, expectedPosts: Int? = nil, expectedReach: Int? = nil,
                notes: String? = nil) {
        self.kind = kind; self.title = title; self.startsAt = startsAt; self.endsAt = endsAt; self.place = place; self.unitId = unitId
        self.channels = channels; self.expectedParticipants = expectedParticipants; self.expectedBooksLent = expectedBooksLent
        self.expectedPosts = expectedPosts; self.expectedReach = expectedReach; self.notes = notes
    }
}
