import Foundation
import Organisations
import Store
import Vietnamese

/// What the members page of a mass organisation shows.
enum MemberPages {
    struct Row {
        let id: Int64
        let personId: Int64
        let name: String
        let branch: String
        let role: String
        let number: String
        let joined: String
        let left: String
        let current: Bool
    }

    struct List {
        let unitId: Int64
        let unitName: String
        let rows: [Row]
        let none: Bool
        let count: String
        let former: Bool
        let canEdit: Bool
        let q: String
        let searched: Bool
        let candidates: [PersonPicker.Candidate]
        let roles: [Option]
        let branches: [Option]
        let branchFilter: [Option]
        let today: String
        let importDone: String
        let importProblems: [String]
        let hasImportProblems: Bool
        let importColumns: String
        /// A hundred members a page: a commune's union has a thousand.
        let pager: Pager
        /// The messages page with the audience of these members (the branch chosen, if any) filled in.
        let messageHref: String
        let csrf: String
    }
}

extension MemberPages.Row {
    /// A member of the organisation: branch (or village), role, card number and dates.
    init(_ line: MembershipStore.Line, english: Bool) {
        id = line.member.id!
        personId = line.member.personId
        name = line.fullName
        branch = line.branch ?? line.village ?? ""
        role = line.member.role.label(english: english)
        number = line.member.number ?? ""
        joined = line.member.joinedOn.display
        left = line.member.leftOn?.display ?? ""
        current = line.member.isCurrent
    }
}

extension MemberPages.List {
    /// Page `pageNumber` (a hundred a page) of the members of `unit` — former ones too with `former`, of one `branch`
    /// when chosen — with the residents found by `q` to add, the branch menus from `villages`, and the last import's
    /// outcome.
    init(unit: OrgUnit, lines: [MembershipStore.Line], candidates: [PersonPicker.Candidate], villages: [(id: Int64, name: String)],
         q: String, former: Bool, branch: Int64?, pageNumber: Int, canEdit: Bool, today: CivilDate, importDone: String,
         importProblems: [String], english: Bool, csrf: String) {
        let id = unit.id!
        let rows = lines.map { MemberPages.Row($0, english: english) }
        let perPage = 100
        let shown = Page(items: Array(rows.dropFirst((pageNumber - 1) * perPage).prefix(perPage)), total: rows.count, page: pageNumber,
                         perPage: perPage)
        unitId = id
        unitName = unit.name
        self.rows = shown.items
        none = rows.isEmpty
        count = String(rows.filter(\.current).count)
        self.former = former
        self.canEdit = canEdit
        self.q = q
        searched = !q.isEmpty
        self.candidates = candidates
        roles = OrgRole.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == .member) }
        branches = villages.map { Option(id: $0.id, label: $0.name, selected: false) }
        branchFilter = villages.map { Option(id: $0.id, label: $0.name, selected: $0.id == branch) }
        self.today = today.display
        self.importDone = importDone
        self.importProblems = importProblems
        hasImportProblems = !importProblems.isEmpty
        importColumns = MembersImporter.columns.map(\.vietnamese).joined(separator: ", ")
        pager = Pager(shown, basePath: "/units/\(id)/members", query: ["branch": branch.map(String.init) ?? "", "show": former ? "all" : ""],
                      totalText: "")
        messageHref = "/messages?template=sms-invitation&audience="
            + "members:unit=\(id)\(villages.first { $0.id == branch }.map { ",village=\($0.name)" } ?? "")"
                .addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        self.csrf = csrf
    }
}
