import Composition
import Foundation
import GRDB
import Hummingbird
import Socialization
import Store
import Vietnamese

/// What the pages of `PledgesController` show: one view model each, its fields one a line.
extension PledgesController {
    struct Row {
        let id: Int64
        let sponsorId: Int64
        let sponsor: String
        let date: String
        let value: String
        let items: String
        let purpose: String
        let due: String
        let fulfilled: String
        let remaining: String
        let status: String
        let overdue: Bool
        let open: Bool
        let canEdit: Bool
    }

    struct ListPage {
        let rows: [Row]
        let empty: Bool
        let overdueOnly: Bool
        let overdueCount: Int
        let canCreate: Bool
        let csrf: String
    }

    struct FormPage {
        let sponsors: [Option]
        let units: [Option]
        let date: String
        let value: String
        let items: String
        let dueOn: String
        let purpose: String
        let notes: String
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
    }
}
