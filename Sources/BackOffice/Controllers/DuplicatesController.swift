import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// The register's likely duplicates, side by side, ranked; merging a pair (one record kept, everything of the other
/// moved to it) and undoing a merge.
struct DuplicatesController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/people/duplicates", use: page)
        router.post("/people/merge", use: merge)
        router.post("/people/merges/:id/undo", use: undo)
    }

    @Sendable func page(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.role != .viewer)
        let english = context.english
        let scan = request.query("scan") != nil
        let (result, merges, names) = try await env.database.read { db -> (DuplicateScan.Result?, [PersonMerge.Entry], [Int64: String]) in
            let result = scan ? try DuplicateScan.scan(db, rules: try DedupeRules.fromSettings(db), for: principal) : nil
            let villages = (result?.pairs ?? []).flatMap { [$0.first.villageId, $0.second.villageId] }.compactMap { $0 }
            return (result, principal.canWriteCommuneWide ? try PersonMerge.recent(db) : [], try UnitStore.names(db, ids: villages))
        }
        let page = Page(scanned: scan, result: result, merges: merges, villageNames: names, principal: principal, english: english,
                        csrf: context.csrfToken)
        return env.views.render("people-duplicates", titleKey: "duplicates_title", page: page, context: context,
                                flash: env.flash(request, context), section: "person")
    }

    @Sendable func merge(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        guard let keep = context.form.int64("keepId"), let remove = context.form.int64("removeId") else {
            throw DomainError.invalid(["keepId": "Chọn hồ sơ giữ lại"])
        }
        let references = env.database.personReferences
        try await env.database.write { _ = try PersonMerge.merge($0, keep: keep, remove: remove, declared: references, by: principal) }
        return .redirect(to: "/people/\(keep)?msg=saved", type: .found)
    }

    @Sendable func undo(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        try await env.database.write { try PersonMerge.undo($0, mergeId: id, by: principal) }
        return .redirect(to: "/people/duplicates?msg=saved", type: .found)
    }
}
