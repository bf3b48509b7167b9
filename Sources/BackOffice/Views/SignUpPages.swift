import Foundation
import SignUp
import Store
import Vietnamese

/// What the sign-up pages show: the organisers' list, a page's queue, the form that opens a page, the public form.
enum SignUpPages {
    struct ListRow {
        let id: Int64
        let title: String
        let kind: String
        let unit: String
        let code: String
        let open: Bool
        let pending: Int
        let waiting: Int
        let approved: Int
    }

    struct List {
        let rows: [ListRow]
        let none: Bool
    }

    struct CandidateRow {
        let id: Int64
        let name: String
        let details: String
        let reasons: String
    }

    struct QueueRow {
        let id: Int64
        let name: String
        let details: String
        let consents: String
        let received: String
        let status: String
        let waiting: Bool
        let open: Bool
        let personId: Int64?
        let personName: String
        let rejectReason: String
        let candidates: [CandidateRow]
        /// "" when none (Mustache would show a 0).
        let hiddenCandidates: String
        let needsVillage: Bool
    }

    struct Detail {
        /// Named apart from the rows' `id`, which Mustache would find first inside a row.
        let formId: Int64
        let title: String
        let kind: String
        let unit: String
        let link: String
        let code: String
        let open: Bool
        let closesOn: String
        let capacity: String
        let asks: String
        let channels: String
        let purpose: String
        let role: String
        let rows: [QueueRow]
        let none: Bool
        let canReview: Bool
        let villages: [Option]
        let confirmHref: String
        /// "" when none.
        let unconfirmed: String
        let csrf: String
    }

    struct OpenForm {
        let kind: String
        let kindLabel: String
        let targetId: Int64
        let title: String
        let purpose: String
        let isVolunteer: Bool
        let channels: [Option]
        let errors: [String: String]
        let csrf: String
    }

    struct PublicForm {
        let code: String
        let title: String
        let kind: String
        let when: String
        let place: String
        let closesOn: String
        let open: Bool
        let full: Bool
        let askBirthYear: Bool
        let askVillage: Bool
        let askPhone: Bool
        let askGuardian: Bool
        let villages: [Option]
        let consents: [ConsentBox]
        let hasConsents: Bool
        let values: [String: String]
        let errors: [String: String]
        let problem: String
        let csrf: String
    }

    struct ConsentBox {
        let channel: String
        let text: String
        let checked: Bool
    }

    struct Poster {
        let title: String
        let commune: String
        let when: String
        let place: String
        let link: String
        let qr: String
        let closesOn: String
    }
}
