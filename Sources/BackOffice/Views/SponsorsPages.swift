import Composition
import Foundation
import GRDB
import Hummingbird
import Socialization
import Store
import Vietnamese

/// What the pages of `SponsorsController` show: one view model each, its fields one a line.
extension SponsorsController {
    struct Row {
        let id: Int64
        let name: String
        let kind: String
        let tags: String
        let donations: Int
        let total: String
        let last: String
    }

    struct ListPage {
        let q: String
        let kinds: [Option]
        let tags: [Option]
        let rows: [Row]
        let empty: Bool
        let canCreate: Bool
        let count: Int
    }

    struct FormPage {
        let kinds: [Option]
        let q: String
        let searched: Bool
        let candidates: [PersonPicker.Candidate]
        let units: [Option]
        let villages: [Option]
        let name: String
        let phone: String
        let address: String
        let tags: String
        let notes: String
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
        let canMakeUnits: Bool
    }

    struct DonationRow {
        let id: Int64
        let receipt: String
        let date: String
        let gift: String
        let purpose: String
        let voided: Bool
    }

    struct PledgeRow {
        let id: Int64
        let date: String
        let value: String
        let due: String
        let status: String
        let overdue: Bool
    }

    struct DetailPage {
        let id: Int64
        let name: String
        let kind: String
        let kinds: [Option]
        let tags: String
        let notes: String
        let personId: Int64?
        let unitId: Int64?
        let phone: String
        let village: String
        let total: String
        let donations: [DonationRow]
        let hasDonations: Bool
        let pledges: [PledgeRow]
        let hasPledges: Bool
        let canEdit: Bool
        let canRecord: Bool
        let csrf: String
        /// The sponsor's version when the page was opened (a save over a newer one is refused).
        var version = ""
    }
}
