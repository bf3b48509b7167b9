import Composition
import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// Households: list by village, detail with members, create around a head, add members.
struct HouseholdsController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/households", use: list)
        router.list("/households", PeopleLists.households, env: env) { request, _ in ListQuery(villageId: try request.queryId("village")) }
        router.post("/households", use: create)
        router.get("/households/:id", use: show)
        router.post("/households/:id/members", use: addMember)
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let villageId = (try request.queryId("village"))
        let pageNumber = (try request.queryPage())
        let (result, villages) = try await env.database.read { db in
            (try HouseholdStore.list(db, villageId: villageId, for: principal, page: pageNumber), try UnitStore.villages(db, for: principal))
        }
        let page = ListPage(result: result, villages: villages, villageId: villageId,
                            totalFormat: env.views.text("households_total", context.language))
        return env.views.render("households", titleKey: "households_title", page: page, context: context)
    }

    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let page = try await env.database.read { db -> DetailPage in
            let household = try HouseholdStore.get(db, id: id, for: principal)
            let village = try UnitStore.find(db, id: household.villageId)
            let members = try HouseholdStore.members(db, householdId: id)
            let honours = try HonoursSection.lines(db, .init(householdId: id), forms: env.honourForms)
            return DetailPage(household: household, village: village, members: members, honours: honours,
                              canEdit: principal.canWrite(unitId: household.villageId), csrf: context.csrfToken)
        }
        return env.views.render("household", titleKey: "", title: page.name, page: page, context: context,
                                flash: env.flash(request, context))
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        guard let headId = context.form.int64("headId") else { throw HTTPError(.badRequest) }
        let address = context.form.text("address")
        let household = try await env.database.write { try HouseholdStore.create($0, headId: headId, address: address, by: principal) }
        return .redirect(to: "/households/\(household.id!)?msg=created", type: .found)
    }

    /// Adds a member by the person's number (shown on their page) — a search box on the page finds it.
    @Sendable func addMember(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        guard let personId = context.form.int64("personId") else {
            throw DomainError.invalid(["personId": "Nhập mã số người cần thêm (số ở trang của người đó)"])
        }
        let relation = context.form.text("relation") ?? ""
        try await env.database.write { try HouseholdStore.addMember($0, householdId: id, personId: personId, relation: relation, by: principal) }
        return .redirect(to: "/households/\(id)?msg=member", type: .found)
    }
}
