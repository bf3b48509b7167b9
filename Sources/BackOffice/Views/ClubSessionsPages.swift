import Clubs
import Composition
import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// What the pages of `ClubSessionsController` show: one view model each, its fields one a line.
extension ClubSessionsController {
    struct Mark {
        let personId: Int64
        let name: String
        let role: String
        let present: Bool
        let absent: Bool
        let excused: Bool
    }

    struct AttendancePage {
        let action: String
        let clubId: Int64
        let clubName: String
        let date: String
        let topic: String
        let place: String
        let guests: String
        let marks: [Mark]
        let hasMembers: Bool
        /// Members marked present / all members, shown under the list and kept current by web/static/attendance.js.
        let presentCount: Int
        let memberCount: Int
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
    }

    struct PrintRow {
        let number: Int
        let name: String
        let village: String
        let birthYear: String
        let role: String
        let joined: String
        let phone: String
    }

    struct PrintPage {
        let clubName: String
        let unit: String
        let commune: String
        let today: String
        let rows: [PrintRow]
        let columns: [String]
        let sheet: Bool
    }
}
