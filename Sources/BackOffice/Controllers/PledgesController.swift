import Composition
import Foundation
import GRDB
import Hummingbird
import Socialization
import Store
import Vietnamese

/// Pledges: the list (overdue first to chase), a new pledge, cancelling one.
struct PledgesController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/pledges", use: list)
        router.list("/pledges", SocializationLists.pledges, env: env)
        router.get("/pledges/new", use: newForm)
        router.post("/pledges", use: create)
        router.post("/pledges/:id/cancel", use: cancel)
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let today = env.clock.today()
        let overdueOnly = request.query("overdue") != nil
        let items = try await env.database.read { try PledgeStore.list($0, for: principal) }
        let page = ListPage(items: items, overdueOnly: overdueOnly, today: today, principal: principal, english: english,
                            csrf: context.csrfToken)
        return env.views.render("socialization-pledges", titleKey: "pledges_title", page: page, context: context,
                                flash: env.flash(request, context))
    }

    private func form(_ context: SignedInContext, input: PledgeStore.Input, errors: [String: String] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = context.principal
        let (sponsors, units) = try await env.database.read { db in
            (try SponsorStore.list(db, for: principal), try DonationStore.recipientUnits(db, for: principal))
        }
        let page = FormPage(input: input, sponsors: sponsors, units: units, csrf: context.csrfToken, errors: errors)
        return env.views.render("socialization-pledge-form", titleKey: "pledges_new", page: page, context: context, status: status)
    }

    @Sendable func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.role != .viewer)
        return try await form(context, input: PledgeStore.Input(sponsorId: (try request.queryId("sponsor")), date: env.clock.today().display, value: "",
                                                                dueOn: "", purpose: "", recipientUnitId: nil))
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let f = context.form
        let input = PledgeStore.Input(sponsorId: f.int64("sponsorId"), date: f["date"] ?? "", value: f["value"] ?? "", items: f.text("items"),
                                      dueOn: f["dueOn"] ?? "", purpose: f["purpose"] ?? "", recipientUnitId: f.int64("recipientUnitId"), notes: f.text("notes"))
        return try await env.write(orShow: { try await form(context, input: input, errors: $0, status: .unprocessableContent) }) {
            _ = try PledgeStore.create($0, input, by: principal)
            return "/pledges?msg=created"
        }
    }

    @Sendable func cancel(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        try await env.database.write { try PledgeStore.cancel($0, id: id, on: env.clock.today(), by: principal) }
        return .redirect(to: "/pledges?msg=saved", type: .found)
    }
}
