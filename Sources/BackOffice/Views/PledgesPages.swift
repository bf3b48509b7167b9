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

extension PledgesController.Row {
    /// A pledge's line of the list: sponsor, value, what was given so far and what remains, its state on `today`,
    /// and whether the account may cancel it (`canEdit`).
    init(_ item: PledgeStore.Item, today: CivilDate, canEdit: Bool, english: Bool) {
        let status = item.status(on: today)
        id = item.pledge.id!
        sponsorId = item.pledge.sponsorId
        sponsor = item.sponsorName
        date = item.pledge.date.display
        value = VND.format(item.pledge.value)
        items = item.pledge.items ?? ""
        purpose = item.pledge.purpose
        due = item.pledge.dueOn.display
        fulfilled = VND.format(item.fulfilled)
        remaining = VND.format(item.remaining)
        self.status = status.label(english: english)
        overdue = status == .overdue
        self.open = status == .open || status == .overdue
        self.canEdit = canEdit
    }
}

extension PledgesController.ListPage {
    /// The pledges as they stand on `today`, the overdue ones first to chase (only those with `overdueOnly`), then by
    /// due date.
    init(items: [PledgeStore.Item], overdueOnly: Bool, today: CivilDate, principal: Principal, english: Bool, csrf: String) {
        let shown = overdueOnly ? items.filter { $0.status(on: today) == .overdue } : items
        let rows = shown.sorted {
            ($0.status(on: today) == .overdue ? 0 : 1, $0.pledge.dueOn) < ($1.status(on: today) == .overdue ? 0 : 1, $1.pledge.dueOn)
        }.map {
            PledgesController.Row($0, today: today, canEdit: principal.canWrite(unitId: $0.pledge.recipientUnitId), english: english)
        }
        self.rows = rows
        empty = rows.isEmpty
        self.overdueOnly = overdueOnly
        overdueCount = items.filter { $0.status(on: today) == .overdue }.count
        canCreate = principal.role != .viewer
        self.csrf = csrf
    }
}

extension PledgesController.FormPage {
    /// The form of a new pledge: the sponsor and the receiving unit chosen from menus, the rest as typed.
    init(input: PledgeStore.Input, sponsors: [SponsorStore.Item], units: [OrgUnit], csrf: String, errors: [String: String]) {
        self.sponsors = sponsors.map { Option(id: $0.sponsor.id, label: $0.name, selected: $0.sponsor.id == input.sponsorId) }
        self.units = units.options(selected: input.recipientUnitId)
        date = input.date
        value = input.value
        items = input.items ?? ""
        dueOn = input.dueOn
        purpose = input.purpose
        notes = input.notes ?? ""
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.csrf = csrf
    }
}
