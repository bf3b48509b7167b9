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

// MARK: Built from the store's values

extension ActivitiesController.FormPage {
    /// The activity form: what was typed (or the activity as stored), the kinds, units and channels to choose from.
    /// `text` gives a label's words in the page's language.
    init(campaignId: Int64, activityId: Int64?, input: ActivityInput, units: [UnitListItem], english: Bool, text: (String) -> String,
         errors: [String: String], csrf: String, version: String) {
        action = activityId.map { "/campaigns/activities/\($0)" } ?? "/campaigns/\(campaignId)/activities"
        self.campaignId = campaignId
        kinds = ActivityKind.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0.rawValue == input.kind) }
        title = input.title
        startsAt = input.startsAt
        endsAt = input.endsAt
        place = input.place ?? ""
        self.units = units.options(selected: input.unitId)
        channels = ObservanceCatalogue.channels.sorted().map {
            Option(value: $0, label: text("channel_\($0)"), selected: input.channels.contains($0))
        }
        expectedParticipants = input.expectedParticipants.map(String.init) ?? ""
        expectedBooksLent = input.expectedBooksLent.map(String.init) ?? ""
        expectedPosts = input.expectedPosts.map(String.init) ?? ""
        expectedReach = input.expectedReach.map(String.init) ?? ""
        notes = input.notes ?? ""
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.csrf = csrf
        self.version = version
    }
}

extension ActivitiesController.Field {
    /// A counted outcome on the form: what was typed again, else the figure stored.
    init(name: String, label: String, typed: String?, stored: Int?) {
        self.name = name
        self.label = label
        value = typed ?? stored.map(String.init) ?? ""
    }
}

extension ActivitiesController.OutcomesPage {
    /// The outcomes form of an activity: each counted figure, the notes, how many were marked present by name.
    /// `text` gives a label's words in the page's language.
    init(_ activity: Activity, values: [String: String]?, notes: String?, error: String?, byName: Int, text: (String) -> String,
         csrf: String) {
        let outcomes = activity.outcomes
        action = "/campaigns/activities/\(activity.id!)/outcomes"
        campaignId = activity.campaignId
        activityId = activity.id!
        title = activity.title
        when = DateTimeText.display(activity.startsAt)
        fields = ActivityOutcomes.fields.map { name, path in
            ActivitiesController.Field(name: name, label: text("outcome_\(name)"), typed: values?[name], stored: outcomes[keyPath: path])
        }
        self.notes = notes ?? activity.notes ?? ""
        self.error = error
        self.csrf = csrf
        self.byName = byName
    }
}

extension ActivitiesController.TaskActivity {
    /// An activity of the unit's, recorded once it has participants or a reach.
    init(_ activity: Activity, campaign: String) {
        id = activity.id!
        campaignId = activity.campaignId
        self.campaign = campaign
        when = DateTimeText.display(activity.startsAt)
        title = activity.title
        recorded = activity.outcomes.participants != nil || activity.reach != nil
    }
}

extension ActivitiesController.TaskRow {
    /// A task of the unit's (with the village branch doing it) and its status menu.
    init(_ task: Assignment, campaign: String, branch: String?, english: Bool) {
        id = task.id!
        campaignId = task.campaignId
        self.campaign = campaign
        self.task = task.task + (branch.map { " (\($0))" } ?? "")
        due = task.dueDate?.display ?? ""
        statuses = AssignmentStatus.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == task.status) }
    }
}

extension ActivitiesController.TasksPage {
    /// "My unit's tasks": activities to report on and tasks, each with its campaign's title.
    init(activities: [Activity], assignments: [Assignment], campaigns: [CampaignStore.ListItem], branches: [Int64: String], english: Bool,
         csrf: String) {
        let titles = Dictionary(uniqueKeysWithValues: campaigns.map { ($0.campaign.id!, $0.campaign.title) })
        self.activities = activities.map { ActivitiesController.TaskActivity($0, campaign: titles[$0.campaignId] ?? "") }
        tasks = assignments.map { task in
            ActivitiesController.TaskRow(task, campaign: titles[task.campaignId] ?? "", branch: task.branchId.flatMap { branches[$0] },
                                         english: english)
        }
        hasActivities = !activities.isEmpty
        hasTasks = !assignments.isEmpty
        empty = activities.isEmpty && assignments.isEmpty
        self.csrf = csrf
    }
}
