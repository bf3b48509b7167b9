import Composition
import Foundation
import GRDB
import Hummingbird
import Socialization
import Store
import Vietnamese

/// Sponsors: list (search without tones, kind, tag), a new sponsor from an existing person or unit or from a name,
/// and the sponsor's page with their gifts and pledges.
struct SponsorsController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/sponsors", use: list)
        router.list("/sponsors", SocializationLists.sponsors, env: env)
        router.get("/sponsors/new", use: newForm)
        router.post("/sponsors", use: create)
        router.get("/sponsors/:id", use: show)
        router.post("/sponsors/:id", use: update)
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let q = request.query("q") ?? "", kind = (try request.queryChoice("kind", as: SponsorKind.self)), tag = request.query("tag")
        let (items, tags) = try await env.database.read { db in
            (try SponsorStore.list(db, text: q, kind: kind, tag: tag, for: principal), try SponsorStore.tags(db))
        }
        let page = ListPage(q: q, kind: kind, tag: tag, items: items, tags: tags, canCreate: principal.role != .viewer, english: english)
        return env.views.render("socialization-sponsors", titleKey: "sponsors_title", page: page, context: context,
                                flash: env.flash(request, context))
    }

    private func form(_ request: Request, context: SignedInContext, input: SponsorStore.Input, errors: [String: String] = [:],
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let q = request.query("q") ?? ""
        let (candidates, units, villages) = try await env.database.read { db in
            (try PersonPicker.candidates(db, query: q, preset: input.personId, for: principal),
             try UnitStore.all(db, kinds: [.business, .other, .studyPromotion, .womensUnion, .youthUnion, .farmersAssociation,
                                          .veteransAssociation, .fatherlandFront]),
             try UnitStore.villages(db, for: principal))
        }
        let page = FormPage(input: input, q: q, candidates: candidates, units: units,
                            villages: villages.filter { principal.canWrite(unitId: $0.id) }, canMakeUnits: principal.canManageUnits,
                            english: english, csrf: context.csrfToken, errors: errors)
        return env.views.render("socialization-sponsor-form", titleKey: "sponsors_new", page: page, context: context, status: status)
    }

    @Sendable func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.role != .viewer)
        return try await form(request, context: context, input: SponsorStore.Input(kind: request.query("kind") ?? SponsorKind.individual.rawValue,
                                                                                   personId: (try request.queryId("person"))))
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let f = context.form
        let input = SponsorStore.Input(kind: f["kind"] ?? "", personId: f.int64("personId"), unitId: f.int64("unitId"), name: f.text("name"),
                                       phone: f.text("phone"), villageId: f.int64("villageId"), address: f.text("address"), tags: f.text("tags"), notes: f.text("notes"))
        return try await env.write(orShow: { try await form(request, context: context, input: input, errors: $0, status: .unprocessableContent) }) {
            "/sponsors/\(try SponsorStore.create($0, input, by: principal).id!)?msg=created"
        }
    }

    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let id = try context.id()
        let today = env.clock.today()
        let page = try await env.database.read { db -> DetailPage in
            let item = try SponsorStore.get(db, id: id, for: principal)
            let donations = try DonationStore.list(db, DonationStore.Filter(sponsorId: id), for: principal)
            let pledges = try PledgeStore.list(db, sponsorId: id, for: principal)
            return DetailPage(item: item, donations: donations, pledges: pledges, today: today, canEdit: principal.canWriteCommuneWide,
                              canRecord: principal.role != .viewer, english: english, csrf: context.csrfToken)
        }
        return env.views.render("socialization-sponsor", titleKey: "", title: page.name, page: page, context: context,
                                flash: env.flash(request, context))
    }

    @Sendable func update(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let f = context.form
        try await env.database.write {
            try SponsorStore.update($0, id: id, kind: f["kind"] ?? "", tags: f["tags"], notes: f["notes"], version: f["version"], by: principal)
        }
        return .redirect(to: "/sponsors/\(id)?msg=saved", type: .found)
    }
}
