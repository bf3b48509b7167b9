import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// The audit trail, filtered by entity and by account (admin and officer).
struct AuditController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/audit", use: list)
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.canReadAudit)
        let filter = Audit.Filter(entity: request.query("entity"), accountId: (try request.queryId("account")), page: (try request.queryPage()))
        let language = context.language
        let (result, entities, accounts, names, undone) = try await env.database.read { db in
            let result = try Audit.entries(db, filter: filter)
            let merges = result.items.filter { $0.entity == "personMerge" }.compactMap { $0.entityId.flatMap { Int64($0) } }
            return (result, try Audit.entityNames(db), try AccountStore.list(db), try Audit.recordNames(db, for: result.items),
                    try PersonMerge.undone(db, ids: merges))
        }
        let views = env.views
        let rows = result.items.map { entry in
            let changes = AuditText.changes(before: entry.before, after: entry.after)
            return Row(at: VietnamTime.display(entry.at), actor: entry.actor, action: views.text("audit_action_\(entry.action)", language),
                       entity: AuditText.entity(entry, names: names, views: views, language: language), entityId: entry.entityId ?? "",
                       before: entry.before ?? "", after: entry.after ?? "", changes: changes, hasChanges: !changes.isEmpty,
                       undoMerge: Self.undoableMerge(entry, undone: undone, principal: principal))
        }
        let page = Page(
            entities: entities.map { Option(value: $0, label: AuditText.type($0, views: views, language: language), selected: $0 == filter.entity) },
            accounts: accounts.map { Option(value: String($0.account.id!), label: $0.account.login, selected: $0.account.id == filter.accountId) },
            rows: rows, empty: rows.isEmpty,
            pager: Pager(result, basePath: "/audit", query: ["entity": filter.entity ?? "", "account": filter.accountId.map(String.init) ?? ""],
                         totalText: env.views.text("audit_total", language).replacingOccurrences(of: "%@", with: VND.grouped(Int64(result.total)))),
            csrf: context.csrfToken)
        return env.views.render("audit", titleKey: "audit_title", page: page, context: context)
    }

    /// The merge entry itself (not its undo), not undone yet, for commune staff.
    static func undoableMerge(_ entry: AuditEntry, undone: Set<Int64>, principal: Principal) -> String {
        guard entry.entity == "personMerge", principal.canWriteCommuneWide, let id = entry.entityId.flatMap({ Int64($0) }),
              !undone.contains(id), (entry.after ?? "").contains("removedId") else { return "" }
        return String(id)
    }
}
