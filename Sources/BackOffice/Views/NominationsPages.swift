import Clubs
import Foundation
import GRDB
import Honours
import Hummingbird
import Store
import Vietnamese

/// What the pages of `NominationsController` show: one view model each, its fields one a line.
extension NominationsController {
    struct ListRow {
        let id: Int64
        let recipient: String
        let kind: String
        let place: String
        let form: String
        let proposer: String
        let status: String
        let decision: String
    }

    struct CountRow {
        let label: String
        let count: Int
    }

    struct OverviewPage {
        let year: Int
        let years: [Option]
        let statuses: [Option]
        let formOptions: [Option]
        let rows: [ListRow]
        let empty: Bool
        let counts: [CountRow]
        let total: Int
        let individuals: Int
        let collectives: Int
        let women: Int
        let men: Int
        let award: String
        let meetings: [String]
        let canPropose: Bool
        let canReview: Bool
        let today: String
        let csrf: String
    }

    struct FormPage {
        let year: String
        let kinds: [Option]
        let q: String
        let searched: Bool
        let candidates: [PersonPicker.Candidate]
        let households: [Option]
        let clans: [Option]
        let clubs: [Option]
        let units: [Option]
        let formOptions: [Option]
        let types: [Option]
        let proposers: [Option]
        let achievement: String
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
    }

    struct EvidenceRow {
        let kind: String
        let href: String
        let label: String
        let note: String
    }

    struct DetailPage {
        let id: Int64
        let recipient: String
        let recipientHref: String
        let kind: String
        let place: String
        let year: Int
        let form: String
        let type: String
        let proposer: String
        let achievement: String
        let status: String
        let meeting: String
        let votes: String
        let rejectReason: String
        let award: String
        let decision: String
        let decisionId: Int64?
        let flagged: String
        let evidence: [EvidenceRow]
        let hasEvidence: Bool
        let evidenceKinds: [Option]
        let canSubmit: Bool
        let canReview: Bool
        let canDecide: Bool
        let canAddEvidence: Bool
        let meetings: [Option]
        let errors: [String: String]
        let csrf: String
    }
}
