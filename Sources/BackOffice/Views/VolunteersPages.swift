import Campaigns
import Clubs
import Composition
import Foundation
import GRDB
import Hummingbird
import Socialization
import Store
import Vietnamese

/// What the pages of `VolunteersController` show: one view model each, its fields one a line.
extension VolunteersController {
    struct ListRow {
        let id: Int64
        let personId: Int64
        let name: String
        let village: String
        let unit: String
        let skills: String
        let availability: String
        let hours: String
        let pending: String
    }

    struct ListPage {
        let skills: [Option]
        let rows: [ListRow]
        let empty: Bool
        let year: Int
        let canCreate: Bool
    }

    struct FormPage {
        let q: String
        let searched: Bool
        let candidates: [PersonPicker.Candidate]
        let units: [Option]
        let skills: [Option]
        let availability: String
        let since: String
        let notes: String
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
    }

    struct HoursRow {
        let id: Int64
        let volunteerId: Int64
        let date: String
        let hours: String
        let what: String
        let description: String
        let status: String
        let pending: Bool
        let enteredBy: String
        let reviewedBy: String
        let reason: String
    }

    struct RoleRow {
        let role: String
        let what: String
        let date: String
    }

    struct DetailPage {
        let id: Int64
        let personId: Int64
        let name: String
        let village: String
        let unit: String
        let skills: String
        let availability: String
        let since: String
        let year: Int
        let approved: String
        let pending: String
        let roles: [RoleRow]
        let hasRoles: Bool
        let hours: [HoursRow]
        let hasHours: Bool
        let activities: [Option]
        let sessions: [Option]
        let today: String
        let canEdit: Bool
        let csrf: String
        let errors: [String: String]
        /// The volunteer's personal links; a new one's address is shown once, with a message ready to send.
        let links: [LinkRow]
        let hasLinks: Bool
        let newLink: String
        let newLinkMessage: String
    }

    struct LinkRow {
        let id: Int64
        let volunteerId: Int64
        let created: String
        let expires: String
        let active: Bool
    }

    struct Total {
        let label: String
        let hours: String
        let people: Int
    }

    struct HoursPage {
        let year: Int
        let years: [Option]
        let pending: [HoursRowWithName]
        let hasPending: Bool
        let total: String
        let byUnit: [Total]
        let byPerson: [Total]
        let hasTotals: Bool
        let chart: String
        let csrf: String
    }

    struct HoursRowWithName {
        let name: String
        let volunteerId: Int64
        let unit: String
        let row: HoursRow
    }
}
