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

// MARK: Built from the store's values

extension DonationsController.ListRow {
    /// A line of the receipt book.
    init(_ item: DonationStore.Item, english: Bool) {
        id = item.donation.id!
        receipt = item.donation.receiptNumber
        date = item.donation.date.display
        sponsor = item.sponsorName ?? SocializationTotals.anonymousLabel(english: english)
        gift = DonationsController.gift(item)
        value = VND.format(item.donation.estimatedValue)
        purpose = item.donation.purpose
        unit = item.recipientUnit
        voided = item.donation.isVoided
        letterSent = item.donation.letterSentOn != nil
    }
}

extension DonationsController.ItemRow {
    /// A line of the in-kind form: what the clerk typed, or an empty line (the first one a book).
    init(index: Int, line: DonationInput.ItemInput?) {
        self.index = index + 1
        description = line?.description ?? ""
        quantity = line?.quantity ?? ""
        unit = line?.unitOfMeasure ?? ""
        value = line?.estimatedValue ?? ""
        author = line?.author ?? ""
        isbn = line?.isbn ?? ""
        isBook = line?.isBook ?? (index == 0)
    }
}

extension DonationsController.ItemLine {
    /// An item of a gift in kind with how many are left to hand over.
    init(_ item: DonationItem, remaining: Int) {
        id = item.id!
        description = item.description
        author = item.author ?? ""
        isbn = item.isbn ?? ""
        quantity = item.quantity
        unit = item.unitOfMeasure
        value = VND.format(item.estimatedValue)
        self.remaining = remaining
    }
}

extension DonationsController.HandoverRow {
    /// A handover of items to another unit, its lines in one phrase.
    init(_ handover: Handover, toUnit: String, lines: [DonationStore.HandoverLine]) {
        id = handover.id!
        date = handover.date.display
        self.toUnit = toUnit
        items = lines.map { "\($0.quantity) \($0.item.unitOfMeasure) \($0.item.description)" }.joined(separator: "; ")
    }
}

extension DonationsController.DetailPage {
    /// A donation's page: the gift, its items and handovers, the pledges it fulfilled, the void form.
    init(_ item: DonationStore.Item, items: [DonationItem], remaining: [Int64: Int],
         handovers: [(Handover, String, [DonationStore.HandoverLine])], pledges: [String], units: [Option],
         canWrite: Bool, english: Bool, today: CivilDate, csrf: String, errors: [String: String]) {
        let d = item.donation
        id = d.id!
        receipt = d.receiptNumber
        date = d.date.display
        sponsor = item.sponsorName ?? SocializationTotals.anonymousLabel(english: english)
        sponsorId = d.sponsorId
        kind = d.kind.label(english: english)
        gift = DonationsController.gift(item)
        value = VND.format(d.estimatedValue)
        amountInWords = AmountInWords.vnd(d.estimatedValue)
        channel = d.channel?.label(english: english) ?? ""
        purpose = d.purpose
        campaign = item.campaignTitle ?? ""
        unit = item.recipientUnit
        receivedBy = d.receivedBy
        publishAnonymous = d.publishAnonymous
        notes = d.notes ?? ""
        voided = d.isVoided
        voidedAt = d.voidedAt.map(VietnamTime.display) ?? ""
        voidedBy = d.voidedBy ?? ""
        voidReason = d.voidReason ?? ""
        letterSent = d.letterSentOn?.display ?? ""
        self.items = items.map { DonationsController.ItemLine($0, remaining: remaining[$0.id!] ?? 0) }
        hasItems = !items.isEmpty
        self.handovers = handovers.map { DonationsController.HandoverRow($0.0, toUnit: $0.1, lines: $0.2) }
        hasHandovers = !handovers.isEmpty
        canHandOver = !items.isEmpty && !d.isVoided && remaining.values.contains { $0 > 0 }
        self.units = units
        self.today = today.display
        self.pledges = pledges
        canEdit = canWrite && !d.isVoided
        self.csrf = csrf
        self.errors = errors
    }
}

extension DonationsController.ReceiptItem {
    /// A numbered line of the receipt or the handover record (the record leaves the value blank).
    init(number: Int, _ item: DonationItem, quantity: Int, value: String) {
        self.number = number
        description = item.description
        author = item.author ?? ""
        isbn = item.isbn ?? ""
        unit = item.unitOfMeasure
        self.quantity = quantity
        self.value = value
    }
}

extension DonationsController.ReceiptModel {
    /// The receipt as printed and as downloaded for Word (a voided one keeps its stamp).
    init(_ item: DonationStore.Item, items: [DonationItem], committee: String, commune: String) {
        let d = item.donation
        self.committee = committee
        self.commune = commune
        recipientUnit = item.recipientUnit
        number = d.receiptNumber
        sponsor = item.sponsorName ?? SocializationTotals.anonymousLabel
        payer = item.sponsorName ?? ""
        purpose = d.purpose
        campaign = item.campaignTitle ?? ""
        cash = d.kind == .cash
        amount = VND.format(d.amount ?? 0)
        channel = d.channel?.label ?? ""
        amountInWords = AmountInWords.vnd(d.estimatedValue)
        hasItems = !items.isEmpty
        self.items = items.enumerated().map {
            DonationsController.ReceiptItem(number: $0.offset + 1, $0.element, quantity: $0.element.quantity,
                                            value: VND.format($0.element.estimatedValue))
        }
        total = VND.format(d.estimatedValue)
        dateLong = d.date.documentForm
        receivedBy = d.receivedBy
        voided = d.isVoided
        voidedOn = d.voidedAt.map(VietnamTime.display) ?? ""
        voidedBy = d.voidedBy ?? ""
        voidReason = d.voidReason ?? ""
    }
}

extension DonationsController.HandoverModel {
    /// The record of items handed from the receiving unit to another.
    init(_ handover: Handover, of item: DonationStore.Item, lines: [DonationStore.HandoverLine], toUnit: String,
         committee: String, commune: String) {
        self.committee = committee
        self.commune = commune
        dateLong = handover.date.documentForm
        receipt = item.donation.receiptNumber
        deliveredBy = handover.deliveredBy
        fromUnit = item.recipientUnit
        receivedBy = handover.receivedBy
        self.toUnit = toUnit
        sponsor = item.sponsorName ?? SocializationTotals.anonymousLabel
        items = lines.enumerated().map {
            DonationsController.ReceiptItem(number: $0.offset + 1, $0.element.item, quantity: $0.element.quantity, value: "")
        }
        notes = handover.notes ?? ""
    }
}

extension DonationsController.FormPage {
    /// The form for a gift in cash or in kind, filled with what the clerk typed (or the defaults of a new one).
    init(_ input: DonationInput, sponsors: [SponsorStore.Item], units: [OrgUnit], campaigns: [Choice], pledges: [PledgeStore.Item],
         anonymous: Bool, english: Bool, text: (String) -> String, csrf: String, errors: [String: String]) {
        let kind = DonationKind(rawValue: input.kind) ?? .cash
        let lines = input.items ?? []
        self.sponsors = sponsors.map { Option(id: $0.sponsor.id, label: $0.name, selected: $0.sponsor.id == input.sponsorId) }
        self.kind = kind.rawValue
        isCash = kind == .cash
        kindLabel = kind.label(english: english)
        switchHref = "/donations/new?kind=\(kind == .cash ? "in_kind" : "cash")" + (input.sponsorId.map { "&sponsor=\($0)" } ?? "")
        switchLabel = text(kind == .cash ? "donations_newInKind" : "donations_new")
        channels = PaymentChannel.allCases.map {
            Option(value: $0.rawValue, label: $0.label(english: english), selected: $0.rawValue == (input.channel ?? "cash"))
        }
        self.units = units.options(selected: input.recipientUnitId)
        self.campaigns = Choice.options(campaigns, selected: input.campaignId)
        self.pledges = pledges.map {
            Option(id: $0.pledge.id, label: $0.pledge.purpose + " — " + VND.format($0.remaining) + " (" + $0.pledge.dueOn.display + ")",
                   selected: $0.pledge.id == input.pledgeId)
        }
        hasPledges = !pledges.isEmpty
        date = input.date
        amount = input.amount ?? ""
        items = (0..<DonationsController.itemRows).map { DonationsController.ItemRow(index: $0, line: $0 < lines.count ? lines[$0] : nil) }
        purpose = input.purpose
        receivedBy = input.receivedBy ?? ""
        publishAnonymous = input.publishAnonymous ?? false
        notes = input.notes ?? ""
        sponsorChosen = input.sponsorId != nil || anonymous
        anonymousChosen = anonymous
        unitChosen = input.recipientUnitId != nil
        self.errors = errors
        itemErrors = errors.filter { $0.key.hasPrefix("items.") }.sorted { $0.key < $1.key }.map(\.value)
        hasErrors = !errors.isEmpty
        self.csrf = csrf
    }
}

extension DonationsController.ListPage {
    /// The receipt book of a year (this year always offered), its filters, its total and the CSV import's outcome.
    init(_ items: [DonationStore.Item], campaigns: [Choice], receiptYears: [Int], thisYear: Int, filter: DonationStore.Filter,
         query: String, canCreate: Bool, canImport: Bool, english: Bool, csrf: String,
         problems: [String], imported: String, csvText: String) {
        years = Set(receiptYears + [thisYear]).sorted(by: >).map { Option(value: String($0), label: String($0), selected: $0 == filter.year) }
        kinds = DonationKind.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == filter.kind) }
        self.campaigns = Choice.options(campaigns, selected: filter.campaignId)
        self.query = query
        rows = items.map { DonationsController.ListRow($0, english: english) }
        empty = items.isEmpty
        total = VND.format(items.filter { !$0.donation.isVoided }.reduce(0) { $0 + $1.donation.estimatedValue })
        self.canCreate = canCreate
        self.canImport = canImport
        self.csrf = csrf
        self.problems = problems
        hasProblems = !problems.isEmpty
        self.imported = imported
        self.csvText = csvText
    }
}
