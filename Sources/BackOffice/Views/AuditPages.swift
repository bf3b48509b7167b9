import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// What the pages of `AuditController` show: one view model each, its fields one a line.
extension AuditController {
    struct Row { let at: String; let actor: String; let action: String; let entity: String; let entityId: String
                 let before: String
                 let after: String
                 let changes: [String]
                 let hasChanges: Bool
                 /// A merge of two residents that commune staff may still undo from here: its id.
                 let undoMerge: String }

    struct Page {
        let entities: [Option]
        let accounts: [Option]
        let rows: [Row]
        let empty: Bool
        let pager: Pager
        let csrf: String
    }
}

extension AuditController.Row {
    /// An entry of the trail: when, who, what was done to which record (named from `names`), the changes field by
    /// field, and the merge commune staff may still undo; `views` and `language` give the labels.
    init(_ entry: AuditEntry, names: [String: String], undone: Set<Int64>, principal: Principal, views: Views, language: Language) {
        let changes = AuditText.changes(before: entry.before, after: entry.after)
        at = VietnamTime.display(entry.at)
        self.actor = entry.actor
        action = views.text("audit_action_\(entry.action)", language)
        entity = AuditText.entity(entry, names: names, views: views, language: language)
        entityId = entry.entityId ?? ""
        before = entry.before ?? ""
        after = entry.after ?? ""
        self.changes = changes
        hasChanges = !changes.isEmpty
        undoMerge = AuditController.undoableMerge(entry, undone: undone, principal: principal)
    }
}

extension AuditController.Page {
    /// A page of the trail with the `filter`'s menus of record types and accounts; `views` and `language` give the
    /// labels.
    init(filter: Audit.Filter, result: Store.Page<AuditEntry>, entities: [String], accounts: [AccountListItem], names: [String: String],
         undone: Set<Int64>, principal: Principal, views: Views, language: Language, csrf: String) {
        let rows = result.items.map {
            AuditController.Row($0, names: names, undone: undone, principal: principal, views: views, language: language)
        }
        self.entities = entities.map {
            Option(value: $0, label: AuditText.type($0, views: views, language: language), selected: $0 == filter.entity)
        }
        self.accounts = accounts.map {
            Option(id: $0.account.id, label: $0.account.login, selected: $0.account.id == filter.accountId)
        }
        self.rows = rows
        empty = rows.isEmpty
        pager = Pager(result, basePath: "/audit", query: ["entity": filter.entity ?? "", "account": filter.accountId.map(String.init) ?? ""],
                      totalText: views.text("audit_total", language).replacingOccurrences(of: "%@", with: VND.grouped(Int64(result.total))))
        self.csrf = csrf
    }
}
