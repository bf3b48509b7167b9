import Campaigns
import Composition
import DataFiles
import Foundation
import Hummingbird
import Organisations
import Store
import Vietnamese

/// What the pages of `CampaignsController` show: one view model each, its fields one a line.
extension CampaignsController {
    struct LabelledValue {
        let label: String
        let value: String
    }

    struct KindRow {
        let label: String
        let activities: Int
        let participants: String
        let booksLent: String
    }

    struct MoneyRow {
        let label: String
        let planned: String
        let spent: String
    }

    struct UnitRow {
        let unit: String
        let activities: String
        let tasks: String
    }

    struct ReportPage {
        let id: Int64
        let commune: String
        let title: String
        let period: String
        let paragraph: String
        let byKind: [KindRow]
        let people: [LabelledValue]
        let budget: [MoneyRow]
        let units: [UnitRow]
        let today: String
        /// Members of each organisation present by name at the campaign's activities.
        let members: [LabelledValue]
        let hasMembers: Bool
    }

    struct Row {
        let id: Int64
        let title: String
        let period: String
        let lead: String
        let status: String
        let activities: Int
        let observance: String
    }

    struct ListPage {
        let year: String
        let nextYear: String
        let templates: [Option]
        let statuses: [Option]
        let observances: [Option]
        let units: [Option]
        let rows: [Row]
        let empty: Bool
        let canCreate: Bool
        let hasTasks: Bool
        let csrf: String
    }

    struct FormPage {
        let action: String
        let isNew: Bool
        let title: String
        let theme: String
        let observances: [Option]
        let startDate: String
        let endDate: String
        let goals: String
        let leads: [Option]
        let coordinating: [Option]
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
        /// The record's version when the form was opened (a save over a newer one is refused).
        var version = ""
    }

    struct ActivityRow {
        let id: Int64
        let when: String
        let kind: String
        let title: String
        let place: String
        let unit: String
        let expected: String
        let participants: String
        let booksLent: String
        let reach: String
        let canRecord: Bool
        let canEdit: Bool
        /// How many were marked present by name ("" when no list was taken).
        let byName: String
    }

    struct AssignmentRow {
        let id: Int64
        let unit: String
        let task: String
        let due: String
        let status: String
        let statuses: [Option]
        let canUpdate: Bool
        let units: [Option]
    }

    struct BudgetRow {
        let action: String
        let item: String
        let source: String
        let planned: String
        let spent: String
        let sources: [Option]
        let plannedValue: Int64
        let spentValue: Int64
    }

    struct HistoryRow {
        let status: String
        let at: String
        let actor: String
        let note: String
    }

    struct NextStatus {
        let value: String
        let label: String
    }

    struct DetailPage {
        let id: Int64
        let title: String
        let theme: String
        let observance: String
        let period: String
        let goals: String
        let lead: String
        let coordinating: String
        let status: String
        let activities: [ActivityRow]
        let hasActivities: Bool
        let assignments: [AssignmentRow]
        let hasAssignments: Bool
        let budget: [BudgetRow]
        let hasBudget: Bool
        let plannedTotal: String
        let spentTotal: String
        let participants: String
        let booksLent: String
        let newCards: String
        let posts: String
        let reach: String
        let history: [HistoryRow]
        let next: [NextStatus]
        let hasNext: Bool
        let canEdit: Bool
        let canClone: Bool
        let cloneYear: Int
        let units: [Option]
        let sources: [Option]
        let csrf: String
    }
}
