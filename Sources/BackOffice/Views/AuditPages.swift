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
