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
        let page = Page(filter: filter, result: result, entities: entities, accounts: accounts, names: names, undone: undone,
                        principal: principal, views: env.views, language: language, csrf: context.csrfToken)
        return env.views.render("audit", titleKey: "audit_title", page: page, context: context)
    }

    /// The merge entry itself (not its undo), not undone yet, for commune staff.
    static func undoableMerge(_ entry: AuditEntry, undone: Set<Int64>, principal: Principal) -> String {
        guard entry.entity == "personMerge", principal.canWriteCommuneWide, let id = entry.entityId.flatMap({ Int64($0) }),
              !undone.contains(id), (entry.after ?? "").contains("removedId") else { return "" }
        return String(id)
    }
}
