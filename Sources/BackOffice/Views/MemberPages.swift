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
