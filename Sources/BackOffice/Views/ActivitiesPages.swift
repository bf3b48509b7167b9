import Campaigns
import Foundation
import Hummingbird
import Store
import Vietnamese

/// What the pages of `ActivitiesController` show: one view model each, its fields one a line.
extension ActivitiesController {
    struct FormPage {
        let action: String
        let campaignId: Int64
        let kinds: [Option]
        let title: String
        let startsAt: String
        let endsAt: String
        let place: String
        let units: [Option]
        let channels: [Option]
        let expectedParticipants: String
        let expectedBooksLent: String
        let expectedPosts: String
        let expectedReach: String
        let notes: String
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
        /// The activity's version when the form was opened (a save over a newer one is refused).
        let version: String
    }

    struct Field {
        let name: String
        let label: String
        let value: String
    }

    struct OutcomesPage {
        let action: String
        let campaignId: Int64
        let activityId: Int64
        let title: String
        let when: String
        let fields: [Field]
        let notes: String
        let error: String?
        let csrf: String
        /// How many were marked present by name, beside the counts typed here.
        let byName: Int
    }

    struct TaskActivity {
        let id: Int64
        let campaignId: Int64
        let campaign: String
        let when: String
        let title: String
        let recorded: Bool
    }

    struct TaskRow {
        let id: Int64
        let campaignId: Int64
        let campaign: String
        let task: String
        let due: String
        let statuses: [Option]
    }

    struct TasksPage {
        let activities: [TaskActivity]
        let tasks: [TaskRow]
        let hasActivities: Bool
        let hasTasks: Bool
        let empty: Bool
        let csrf: String
    }
}
