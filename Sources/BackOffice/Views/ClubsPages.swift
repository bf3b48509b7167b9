import Clubs
import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// What the pages of `ClubsController` show: one view model each, its fields one a line.
extension ClubsController {
    struct Row {
        let id: Int64
        let name: String
        let unit: String
        let kind: String
        let field: String
        let ages: String
        let status: String
        let members: Int
        let lastSession: String
        let active: Bool
    }

    struct ListPage {
        let units: [Option]
        let kinds: [Option]
        let fields: [Option]
        let statuses: [Option]
        let rows: [Row]
        let empty: Bool
        let canCreate: Bool
    }

    struct FormPage {
        let action: String
        let isNew: Bool
        let name: String
        let units: [Option]
        let kinds: [Option]
        let fields: [Option]
        let ages: [Option]
        let leaders: [Option]
        let schedule: String
        let foundedOn: String
        let notes: String
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
        /// The record's version when the form was opened (a save over a newer one is refused).
        var version = ""
    }

    struct MemberRow {
        let leaveHref: String
        let personId: Int64
        let name: String
        let village: String
        let role: String
        let joined: String
        let left: String
        let current: Bool
        let rate: String
    }

    struct SessionRow {
        let id: Int64
        let date: String
        let topic: String
        let present: Int
        let absent: Int
        let excused: Int
        let guests: Int
    }

    struct MonthCell {
        let label: String
        let held: Bool
        let title: String
    }

    struct StatusRow {
        let status: String
        let since: String
        let note: String
    }

    struct DetailPage {
        let id: Int64
        let clubId: Int64
        let name: String
        let unitId: Int64
        let unit: String
        let kind: String
        let field: String
        let ages: String
        let leader: String
        let schedule: String
        let founded: String
        let status: String
        let statusSince: String
        let notes: String
        let regularlyActive: Bool
        let ruleMonths: Int
        let strip: [MonthCell]
        let members: [MemberRow]
        let hasMembers: Bool
        let sessions: [SessionRow]
        let hasSessions: Bool
        let history: [StatusRow]
        let statuses: [Option]
        let roles: [Option]
        let q: String
        let candidates: [PersonPicker.Candidate]
        let searched: Bool
        let today: String
        let canEdit: Bool
        let csrf: String
    }
}
