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

extension SponsorsController.Row {
    /// A sponsor's line of the list: kind, tags, the number and value of their gifts, and the last one's date.
    init(_ item: SponsorStore.Item, english: Bool) {
        id = item.sponsor.id!
        name = item.name
        kind = item.sponsor.kind.label(english: english)
        tags = item.sponsor.tags
        donations = item.donations
        total = VND.format(item.total)
        last = item.lastDonation?.display ?? ""
    }
}

extension SponsorsController.ListPage {
    /// The sponsors found by `q`, of the `kind` and `tag` chosen (nil: any), with the menus of kinds and tags.
    init(q: String, kind: SponsorKind?, tag: String?, items: [SponsorStore.Item], tags: [String], canCreate: Bool, english: Bool) {
        let rows = items.map { SponsorsController.Row($0, english: english) }
        self.q = q
        kinds = SponsorKind.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == kind) }
        self.tags = tags.map { Option(value: $0, label: $0, selected: $0 == tag) }
        self.rows = rows
        empty = rows.isEmpty
        self.canCreate = canCreate
        count = rows.count
    }
}

extension SponsorsController.FormPage {
    /// The form of a new sponsor: an existing person (found by `q`) or unit, or a new one from a name; `villages` are
    /// those the account may write in.
    init(input: SponsorStore.Input, q: String, candidates: [PersonPicker.Candidate], units: [OrgUnit], villages: [OrgUnit],
         canMakeUnits: Bool, english: Bool, csrf: String, errors: [String: String]) {
        kinds = SponsorKind.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0.rawValue == input.kind) }
        self.q = q
        searched = !candidates.isEmpty || !q.isEmpty
        self.candidates = candidates
        self.units = units.options(selected: input.unitId)
        self.villages = villages.options(selected: input.villageId)
        name = input.name ?? ""
        phone = input.phone ?? ""
        address = input.address ?? ""
        tags = input.tags ?? ""
        notes = input.notes ?? ""
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.csrf = csrf
        self.canMakeUnits = canMakeUnits
    }
}

extension SponsorsController.DonationRow {
    /// A gift of the sponsor: receipt, date, what was given, for what, and whether it was voided.
    init(_ item: DonationStore.Item) {
        id = item.donation.id!
        receipt = item.donation.receiptNumber
        date = item.donation.date.display
        gift = DonationsController.gift(item)
        purpose = item.donation.purpose
        voided = item.donation.isVoided
    }
}

extension SponsorsController.PledgeRow {
    /// A pledge of the sponsor: value, due date and its state on `today`.
    init(_ item: PledgeStore.Item, today: CivilDate, english: Bool) {
        id = item.pledge.id!
        date = item.pledge.date.display
        value = VND.format(item.pledge.value)
        due = item.pledge.dueOn.display
        status = item.status(on: today).label(english: english)
        overdue = item.status(on: today) == .overdue
    }
}

extension SponsorsController.DetailPage {
    /// A sponsor's page: who they are, their gifts and their pledges (as they stand on `today`), and the version
    /// the edit form carries.
    init(item: SponsorStore.Item, donations: [DonationStore.Item], pledges: [PledgeStore.Item], today: CivilDate, canEdit: Bool,
         canRecord: Bool, english: Bool, csrf: String) {
        id = item.sponsor.id!
        name = item.name
        kind = item.sponsor.kind.label(english: english)
        kinds = SponsorKind.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == item.sponsor.kind) }
        tags = item.sponsor.tags
        notes = item.sponsor.notes ?? ""
        personId = item.sponsor.personId
        unitId = item.sponsor.unitId
        phone = item.phone.map { PhoneNumber.display(stored: $0) } ?? ""
        village = item.village ?? ""
        total = VND.format(item.total)
        self.donations = donations.map { SponsorsController.DonationRow($0) }
        hasDonations = !donations.isEmpty
        self.pledges = pledges.map { SponsorsController.PledgeRow($0, today: today, english: english) }
        hasPledges = !pledges.isEmpty
        self.canEdit = canEdit
        self.canRecord = canRecord
        self.csrf = csrf
        version = RecordVersion.of(item.sponsor)
    }
}
