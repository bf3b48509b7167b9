import Composition
import Foundation
import GRDB
import Hummingbird
import Organisations
import Recognition
import Store
import Vietnamese

/// What the pages of `UnitsController` show: one view model each, its fields one a line.
extension UnitsController {
    struct Row {
        let id: Int64
        let name: String
        let kind: String
        let parent: String
        let depth: Int
        let inactive: Bool
    }

    struct ListPage {
        let q: String
        let kinds: [Option]
        let rows: [Row]
        let isTree: Bool
        let canCreate: Bool
        let empty: Bool
    }

    struct FormerName {
        let name: String
        let from: String
        let until: String
        let note: String
    }

    struct Child {
        let id: Int64
        let name: String
        let kind: String
    }

    struct DetailPage {
        let id: Int64
        let name: String
        let kind: String
        let parentId: Int64?
        let parentName: String?
        let address: String?
        let phone: String?
        let email: String?
        let contactName: String?
        let active: Bool
        let notes: String?
        let children: [Child]
        let formerNames: [FormerName]
        let peopleCount: String?
        /// Current members of a mass organisation, "" for other units (Mustache would show a 0).
        let memberCount: String
        let isOrganisation: Bool
        let canEdit: Bool
        let honours: [HonourLine]
        /// The programme's standing duties of this unit (plan V) in the year shown.
        let duties: [DutyRow]
        let hasDuties: Bool
        let dutyYear: Int
        let dutyYears: [Option]
        let csrf: String
    }

    struct DutyRow {
        let key: String
        let section: String
        let assignee: String
        let text: String
        let status: String
        let done: Bool
        let evidence: String
        let statuses: [Option]
        let error: String
    }

    struct FormPage {
        let action: String
        let isNew: Bool
        let name: String
        let kinds: [Option]
        let parents: [Option]
        let address: String
        let phone: String
        let email: String
        let contactName: String
        let active: Bool
        let notes: String
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
        let canChangeStructure: Bool
        let version: String
    }
}

extension UnitsController.Row {
    /// A unit's line of the list or of the tree (indented at most five levels).
    init(_ item: UnitListItem, english: Bool) {
        id = item.unit.id!
        name = item.unit.name
        kind = item.unit.kind.label(english: english)
        parent = item.parentName ?? ""
        depth = min(item.depth, 5)
        inactive = !item.unit.isActive
    }
}

extension UnitsController.ListPage {
    /// The units found by `q` and `kind`, or the whole tree when neither is given.
    init(q: String, kind: UnitKind?, items: [UnitListItem], canCreate: Bool, english: Bool) {
        let rows = items.map { UnitsController.Row($0, english: english) }
        self.q = q
        kinds = UnitsController.kindOptions(selected: kind?.rawValue, english: english)
        self.rows = rows
        isTree = q.isEmpty && kind == nil
        self.canCreate = canCreate
        empty = rows.isEmpty
    }
}

extension UnitsController.Child {
    /// A unit under the one shown.
    init(_ unit: OrgUnit, english: Bool) {
        id = unit.id!
        name = unit.name
        kind = unit.kind.label(english: english)
    }
}

extension UnitsController.FormerName {
    /// A name the unit had before, with the dates it was used.
    init(_ former: UnitFormerName) {
        name = former.name
        from = former.usedFrom?.display ?? ""
        until = former.usedUntil?.display ?? ""
        note = former.note ?? ""
    }
}

extension UnitsController.DutyRow {
    /// A standing duty of the unit with its state for the year; the errors of the last save of this duty (the one
    /// keyed `errorKey`) beside it.
    init(_ line: DutyStore.Line, errorKey: String?, errors: [String: String], english: Bool) {
        key = line.duty.key
        section = line.duty.section
        assignee = line.duty.assignee
        text = line.duty.text
        status = line.status.label(english: english)
        done = line.status == .done
        evidence = line.evidence ?? ""
        statuses = DutyStatus.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == line.status) }
        error = line.duty.key == errorKey ? errors.values.sorted().joined(separator: " ") : ""
    }
}

extension UnitsController.DetailPage {
    /// A unit's page: its details, the units under it (those the account may read), former names, residents
    /// (`people`, villages only) and current members (`members`, mass organisations only), honours, and its standing
    /// duties of `dutyYear` with a menu of the last five years to `today`'s.
    init(unit: OrgUnit, parent: OrgUnit?, children: [OrgUnit], formerNames: [UnitFormerName], people: Int?, members: Int?,
         honours: [HonourLine], duties: [DutyStore.Line], dutyYear: Int, today: CivilDate, dutyErrors: [String: String],
         errorKey: String?, canEdit: Bool, english: Bool, csrf: String) {
        id = unit.id!
        name = unit.name
        kind = unit.kind.label(english: english)
        parentId = parent?.id
        parentName = parent?.name
        address = unit.address
        phone = unit.phone.map { PhoneNumber.display(stored: $0) }
        email = unit.email
        contactName = unit.contactName
        active = unit.isActive
        notes = unit.notes
        self.children = children.map { UnitsController.Child($0, english: english) }
        self.formerNames = formerNames.map { UnitsController.FormerName($0) }
        peopleCount = people.map { VND.grouped(Int64($0)) }
        memberCount = members.map { VND.grouped(Int64($0)) } ?? ""
        isOrganisation = MembershipStore.isOrganisation(unit)
        self.canEdit = canEdit
        self.honours = honours
        self.duties = duties.map { UnitsController.DutyRow($0, errorKey: errorKey, errors: dutyErrors, english: english) }
        hasDuties = !duties.isEmpty
        self.dutyYear = dutyYear
        dutyYears = Option.years(today.year - 4...today.year, selected: dutyYear)
        self.csrf = csrf
    }
}

extension UnitsController.FormPage {
    /// The form of a new unit (`id` nil) or of an existing one; the parents offered are the units of `tree` but the
    /// unit itself, indented by depth.
    init(id: Int64?, input: UnitInput, tree: [UnitListItem], canChangeStructure: Bool, version: String, english: Bool, csrf: String,
         errors: [String: String]) {
        action = id.map { "/units/\($0)" } ?? "/units"
        isNew = id == nil
        name = input.name
        kinds = UnitsController.kindOptions(selected: UnitKind(lenient: input.kind)?.rawValue, english: english)
        parents = tree.filter { $0.unit.id != id }
            .map { Option(id: $0.unit.id, label: String(repeating: "— ", count: $0.depth) + $0.unit.name,
                          selected: $0.unit.id == input.parentId) }
        address = input.address ?? ""
        phone = input.phone ?? ""
        email = input.email ?? ""
        contactName = input.contactName ?? ""
        active = input.isActive ?? true
        notes = input.notes ?? ""
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.csrf = csrf
        self.canChangeStructure = canChangeStructure
        self.version = version
    }
}
