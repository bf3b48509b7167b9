import Campaigns
import Composition
import Foundation
import GRDB
import Hummingbird
import Office
import Socialization
import Store
import Vietnamese

/// What the pages of `DonationsController` show: one view model each, its fields one a line.
extension DonationsController {
    struct ListRow {
        let id: Int64
        let receipt: String
        let date: String
        let sponsor: String
        let gift: String
        let value: String
        let purpose: String
        let unit: String
        let voided: Bool
        let letterSent: Bool
    }

    struct ListPage {
        let years: [Option]
        let kinds: [Option]
        let campaigns: [Option]
        let query: String
        let rows: [ListRow]
        let empty: Bool
        let total: String
        let canCreate: Bool
        let canImport: Bool
        let csrf: String
        let problems: [String]
        let hasProblems: Bool
        let imported: String
        let csvText: String
    }

    struct ItemRow {
        let index: Int
        let description: String
        let quantity: String
        let unit: String
        let value: String
        let author: String
        let isbn: String
        let isBook: Bool
    }

    struct FormPage {
        let sponsors: [Option]
        let kind: String
        let isCash: Bool
        let kindLabel: String
        let switchHref: String
        let switchLabel: String
        let channels: [Option]
        let units: [Option]
        let campaigns: [Option]
        let pledges: [Option]
        let hasPledges: Bool
        let date: String
        let amount: String
        let items: [ItemRow]
        let purpose: String
        let receivedBy: String
        let publishAnonymous: Bool
        let notes: String
        /// Nothing is chosen for the clerk: an unchosen sponsor or receiving unit is asked for, never defaulted.
        var sponsorChosen = false
        var anonymousChosen = false
        var unitChosen = false
        let errors: [String: String]
        let itemErrors: [String]
        let hasErrors: Bool
        let csrf: String
    }

    struct ItemLine {
        let id: Int64
        let description: String
        let author: String
        let isbn: String
        let quantity: Int
        let unit: String
        let value: String
        let remaining: Int
    }

    struct HandoverRow {
        let id: Int64
        let date: String
        let toUnit: String
        let items: String
    }

    struct DetailPage {
        let id: Int64
        let receipt: String
        let date: String
        let sponsor: String
        let sponsorId: Int64?
        let kind: String
        let gift: String
        let value: String
        let amountInWords: String
        let channel: String
        let purpose: String
        let campaign: String
        let unit: String
        let receivedBy: String
        let publishAnonymous: Bool
        let notes: String
        let voided: Bool
        let voidedAt: String
        let voidedBy: String
        let voidReason: String
        let letterSent: String
        let items: [ItemLine]
        let hasItems: Bool
        let handovers: [HandoverRow]
        let hasHandovers: Bool
        let canHandOver: Bool
        let units: [Option]
        let today: String
        let pledges: [String]
        let canEdit: Bool
        let csrf: String
        let errors: [String: String]
    }

    struct DocumentPage {
        struct Action {
            let href: String
            let label: String
            let done: String
        }
        let html: String
        let action: Action?
        let csrf: String
    }

    struct ReceiptItem {
        let number: Int
        let description: String
        let author: String
        let isbn: String
        let unit: String
        let quantity: Int
        let value: String
    }

    struct ReceiptModel {
        let committee: String
        let commune: String
        let recipientUnit: String
        let number: String
        let sponsor: String
        let payer: String
        let purpose: String
        let campaign: String
        let cash: Bool
        let amount: String
        let channel: String
        let amountInWords: String
        let hasItems: Bool
        let items: [ReceiptItem]
        let total: String
        let dateLong: String
        let receivedBy: String
        let voided: Bool
        let voidedOn: String
        let voidedBy: String
        let voidReason: String
    }

    struct LettersPage {
        let html: String
        let ids: [String]
        let count: Int
        let empty: Bool
        let year: Int
        let csrf: String
    }

    struct HandoverModel {
        let committee: String
        let commune: String
        let dateLong: String
        let receipt: String
        let deliveredBy: String
        let fromUnit: String
        let receivedBy: String
        let toUnit: String
        let sponsor: String
        let items: [ReceiptItem]
        let notes: String
    }
}
