import Composition
import Campaigns
import Clubs
import Foundation
import GRDB
import Hummingbird
import Socialization
import Store
import Vietnamese

/// Volunteers: the list by skill, a new volunteer (found among residents), their page with roles and hours, the
/// hours waiting for approval with the year's totals, and the hours CSV.
struct VolunteersController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/volunteers", use: list)
        router.get("/volunteers/new", use: newForm)
        router.post("/volunteers", use: create)
        router.get("/volunteers/hours", use: hoursPage)
        router.list("/volunteers", SocializationLists.volunteers, env: env) { request, _ in ListQuery(year: try request.queryYear()) }
        router.list("/volunteers/hours", SocializationLists.volunteerHours, env: env) { request, _ in ListQuery(year: try request.queryYear()) }
        router.post("/volunteers/hours/:id/review", use: review)
        router.get("/volunteers/:id", use: show)
        router.post("/volunteers/:id/hours", use: logHours)
        router.post("/volunteers/:id/roles", use: addRole)
        router.post("/volunteers/:id/links", use: createLink)
        router.post("/volunteers/:id/links/:link/revoke", use: revokeLink)
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let skill = (try request.queryChoice("skill", as: VolunteerSkill.self))
        let year = env.clock.today().year
        let items = try await env.database.read { try VolunteerStore.list($0, skill: skill, year: year, for: principal) }
        let page = ListPage(items: items, skill: skill, year: year, canCreate: principal.role != .viewer, english: english)
        return env.views.render("socialization-volunteers", titleKey: "volunteers_title", page: page, context: context,
                                flash: env.flash(request, context))
    }

    private func form(_ request: Request, context: SignedInContext, input: VolunteerStore.Input, errors: [String: String] = [:],
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let q = request.query("q") ?? context.form["q"] ?? ""
        let (candidates, units) = try await env.database.read { db in
            (try PersonPicker.candidates(db, query: q, preset: input.personId, for: principal),
             try UnitStore.active(db).filter { principal.canWrite(unitId: $0.id) })
        }
        let page = FormPage(q: q, candidates: candidates, units: units, input: input, today: env.clock.today(), english: english,
                            csrf: context.csrfToken, errors: errors)
        return env.views.render("socialization-volunteer-form", titleKey: "volunteers_new", page: page, context: context, status: status)
    }

    @Sendable func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.role != .viewer)
        return try await form(request, context: context, input: VolunteerStore.Input(personId: (try request.queryId("person")), unitId: nil))
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let f = context.form
        let input = VolunteerStore.Input(personId: f.int64("personId"), unitId: f.int64("unitId"), skills: f.all("skills"), availability: f.text("availability"),
                                         since: f.text("since"), notes: f.text("notes"))
        return try await env.write(orShow: { try await form(request, context: context, input: input, errors: $0, status: .unprocessableContent) }) {
            "/volunteers/\(try VolunteerStore.create($0, input, by: principal).id!)?msg=created"
        }
    }

    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        try await detail(request, context: context)
    }

    private func detail(_ request: Request, context: SignedInContext, errors: [String: String] = [:], status: HTTPResponse.Status = .ok,
                        newLink: String = "") async throws -> Response {
        let english = context.english
        let principal = context.principal
        let id = try context.id()
        let today = env.clock.today()
        let page = try await env.database.read { db -> DetailPage in
            let item = try VolunteerStore.get(db, id: id, year: today.year, for: principal)
            let hours = try VolunteerStore.hours(db, volunteerId: id, for: principal)
            let roles = try VolunteerStore.roles(db, volunteerId: id)
            let activities = try CampaignStore.activityChoices(db, since: today.adding(days: -365))
            let sessions = try ClubStore.sessionChoices(db, since: today.adding(days: -90))
            let links = try VolunteerLinks.links(db, volunteerId: id)
            return DetailPage(item: item, hours: hours, roles: roles, activities: activities, sessions: sessions, links: links,
                              today: today, newLink: newLink, principal: principal, english: english, csrf: context.csrfToken,
                              errors: errors)
        }
        return env.views.render("socialization-volunteer", titleKey: "", title: page.name, page: page, context: context, status: status,
                                flash: env.flash(request, context))
    }

    @Sendable func logHours(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let f = context.form
        return try await env.write(orShow: { try await detail(request, context: context, errors: $0, status: .unprocessableContent) }) {
            _ = try VolunteerStore.logHours($0, volunteerId: id, .init(date: f["date"] ?? "", hours: f["hours"] ?? "", activityId: f.int64("activityId"),
                                                                       clubSessionId: f.int64("clubSessionId"), description: f.text("description")), by: principal)
            return "/volunteers/\(id)?msg=saved"
        }
    }

    @Sendable func addRole(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let f = context.form
        return try await env.write(orShow: { try await detail(request, context: context, errors: $0, status: .unprocessableContent) }) {
            _ = try VolunteerStore.addRole($0, volunteerId: id, activityId: f.int64("activityId"), clubSessionId: f.int64("clubSessionId"), role: f["role"] ?? "", by: principal)
            return "/volunteers/\(id)?msg=saved"
        }
    }

    @Sendable func hoursPage(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let year = (try request.queryYear()) ?? env.clock.today().year
        let (pending, totals) = try await env.database.read { db in
            (try VolunteerStore.hours(db, status: .pending, for: principal), try VolunteerStore.totals(db, year: year, for: principal))
        }
        let thisYear = env.clock.today().year
        let english = context.english
        let page = HoursPage(year: year, thisYear: thisYear, pending: pending, totals: totals,
                             byUnitTitle: env.views.text("hours_byUnit", context.language), principal: principal, english: english,
                             csrf: context.csrfToken)
        return env.views.render("socialization-hours", titleKey: "hours_title", page: page, context: context,
                                flash: env.flash(request, context))
    }

    @Sendable func review(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let approve = context.form["decision"] == "approve"
        try await env.database.write { try VolunteerStore.review($0, hoursId: id, approve: approve, reason: context.form.text("reason"), by: principal) }
        let back = context.form.int64("volunteer").map { "/volunteers/\($0)" } ?? "/volunteers/hours"
        return .redirect(to: back + "?msg=saved", type: .found)
    }



    /// A personal link for the volunteer: its address shown once on this page (with an SMS ready to send), kept
    /// only as a hash.
    @Sendable func createLink(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let (token, _) = try await env.database.write { try VolunteerLinks.create($0, volunteerId: id, by: principal) }
        let host = request.head.authority ?? "127.0.0.1"
        return try await detail(request, context: context, newLink: "http://\(host)/v/\(token)")
    }

    @Sendable func revokeLink(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        guard let link = context.parameters.get("link").flatMap({ Int64($0) }) else { throw HTTPError(.notFound) }
        try await env.database.write { try VolunteerLinks.revoke($0, linkId: link, by: principal) }
        return .redirect(to: "/volunteers/\(id)?msg=saved", type: .found)
    }
}
