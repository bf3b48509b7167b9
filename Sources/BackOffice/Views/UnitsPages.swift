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
