import Composition
import Foundation
import Hummingbird
import SignUp
import Socialization
import Store
import Vietnamese

/// What the pages of `VolunteerSelfController` show: one view model each, its fields one a line.
extension VolunteerSelfController {
    struct HoursRow {
        let date: String
        let hours: String
        let status: String
        let what: String
    }

    /// A task the volunteer took on: the role, on which activity or club session, when.
    struct RoleRow {
        let role: String
        let what: String
        let date: String
    }

    /// An open call for volunteers of the volunteer's unit, signed up for on its public page.
    struct Call {
        let code: String
        let title: String
        let when: String
        let role: String
    }

    struct Page {
        let token: String
        let name: String
        let unit: String
        let skills: String
        let since: String
        let year: Int
        let approved: String
        let pending: String
        let hours: [HoursRow]
        let hasHours: Bool
        let years: [Option]
        let today: String
        let errors: [String: String]
        let csrf: String
        let calls: [Call]
        let hasCalls: Bool
        let roles: [RoleRow]
        let hasRoles: Bool
    }
}

/// What the documents of `VolunteerCertificate` show: one view model each, its fields one a line.
extension VolunteerCertificate {
    struct Line {
        let date: String
        let hours: String
        let what: String
    }

    struct Model {
        let committee: String
        let commune: String
        let dateLong: String
        let name: String
        let unit: String
        let year: Int
        let hours: String
        let entries: Int
        let lines: [Line]
        let signature: [String]
        let signerName: String
    }
}
