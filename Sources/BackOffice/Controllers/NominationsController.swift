import Clubs
import Foundation
import GRDB
import Honours
import Hummingbird
import Store
import Vietnamese

/// Honours: the year's nominations and counts, proposing (draft, submit), the council's review (meetings, votes) and
/// the commune's approval or rejection, with evidence.
struct NominationsController {
    let env: ControllerEnvironment
    var forms: HonourForms { env.honourForms }

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/honours", use: overview)
        router.get("/honours/nominations/new", use: newForm)
        router.post("/honours/nominations", use: create)
        router.get("/honours/nominations/:id", use: show)
        router.post("/honours/nominations/:id/submit", use: submit)
        router.post("/honours/nominations/:id/review", use: review)
        router.post("/honours/nominations/:id/decide", use: decide)
        router.post("/honours/nominations/:id/evidence", use: addEvidence)
        router.post("/honours/meetings", use: recordMeeting)
    }

    @Sendable func overview(_ request: Request, context: SignedInContext) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let thisYear = env.clock.today().year
        let year = (try request.queryYear()) ?? thisYear - 1
        let status = (try request.queryChoice("status", as: NominationStatus.self))
        let formKey = request.query("form")
        let forms = self.forms
        let (items, roll, meetings) = try await env.database.read { db in
            (try NominationStore.list(db, .init(year: year, status: status, formKey: formKey), forms: forms, for: principal),
             try HonourRoll.entries(db, .init(year: year), forms: forms), try NominationStore.meetings(db))
        }
        let counts = HonourRoll.counts(roll)
        let page = OverviewPage(year: year, thisYear: thisYear, status: status, formKey: formKey, forms: forms, items: items, counts: counts,
                                meetings: meetings, canPropose: principal.role != .viewer, canReview: principal.canWriteCommuneWide,
                                today: env.clock.today(), english: english, csrf: context.csrfToken)
        return env.views.render("honours", titleKey: "honours_title", page: page, context: context,
                                flash: env.flash(request, context))
    }

    // MARK: Form

    private func form(_ request: Request, context: SignedInContext, input: NominationStore.Input, errors: [String: String] = [:],
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let q = request.query("q") ?? ""
        let kind = RecipientKind(rawValue: input.recipientKind)
        let selected = input.recipientId
        let page = try await env.database.read { db -> FormPage in
            let households = try HouseholdStore.list(db, villageId: nil, for: principal, perPage: 2000).items
            let clubs = try ClubStore.choices(db)
            let units = try UnitStore.active(db)
            let candidates = try PersonPicker.candidates(db, query: q, preset: kind == .individual ? selected : nil, for: principal)
            let clans = try HonoursRegister.clans(db)
            return FormPage(input: input, q: q, candidates: candidates, households: households, clans: clans, clubs: clubs, units: units,
                            forms: forms, proposers: units.filter { principal.canWrite(unitId: $0.id) }, english: english, errors: errors,
                            csrf: context.csrfToken)
        }
        return env.views.render("honours-nomination-form", titleKey: "nominations_new", page: page, context: context, status: status)
    }

    @Sendable func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.role != .viewer)
        let person = (try request.queryId("person"))
        return try await form(request, context: context, input: .init(year: (try request.queryYear()) ?? env.clock.today().year,
                                                                      recipientKind: request.query("kind") ?? RecipientKind.individual.rawValue,
                                                                      recipientId: person, achievement: "", formKey: "giay-khen-xa", proposingUnitId: nil))
    }

    static func input(_ f: FormData) -> NominationStore.Input {
        let kind = f["recipientKind"] ?? ""
        let field = ["individual": "personId", "household": "householdId", "clan": "clanId", "club": "clubId", "unit": "unitId"][kind] ?? "personId"
        return .init(year: f.year("year"), recipientKind: kind, recipientId: f.int64(field), achievement: f["achievement"] ?? "",
                     formKey: f["formKey"] ?? "", commendationType: f.text("commendationType"), proposingUnitId: f.int64("proposingUnitId"))
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let input = Self.input(context.form)
        let forms = self.forms
        return try await env.write(orShow: { try await form(request, context: context, input: input, errors: $0, status: .unprocessableContent) }) {
            "/honours/nominations/\(try NominationStore.create($0, input, forms: forms, by: principal).id!)?msg=created"
        }
    }

    // MARK: Nomination page

    static let evidenceKinds = ["campaign", "donation", "club", "volunteer", "assessment", "link"]

    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        try await detail(request, context: context)
    }

    private func detail(_ request: Request, context: SignedInContext, errors: [String: String] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let id = try context.id()
        let forms = self.forms
        let language = context.language
        let views = env.views
        let page = try await env.database.read { db -> DetailPage in
            let item = try NominationStore.get(db, id: id, forms: forms, for: principal)
            let n = item.nomination
            let meeting = try NominationStore.meeting(db, id: n.meetingId)
            // Discipline and investigation flags are for commune roles only (as on the person page).
            let flag = principal.canWriteCommuneWide ? try n.personId.flatMap { try Discipline.activeFlag(db, personId: $0, on: env.clock.today()) } : nil
            let evidence = try NominationStore.evidence(db, nominationId: id)
            let meetings = try NominationStore.meetings(db)
            return DetailPage(id: id, item: item, meeting: meeting, flag: flag, evidence: evidence, meetings: meetings,
                              proposerWriter: principal.canWrite(unitId: n.proposingUnitId), communeWide: principal.canWriteCommuneWide,
                              english: english, errors: errors, csrf: context.csrfToken, text: { views.text($0, language) })
        }
        return env.views.render("honours-nomination", titleKey: "", title: page.recipient, page: page, context: context, status: status,
                                flash: env.flash(request, context))
    }

    @Sendable func submit(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        try await env.database.write { try NominationStore.submit($0, id: id, by: principal) }
        return .redirect(to: "/honours/nominations/\(id)?msg=saved", type: .found)
    }

    @Sendable func review(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let f = context.form
        return try await env.write(orShow: { try await detail(request, context: context, errors: $0, status: .unprocessableContent) }) { db in
            try NominationStore.review(db, id: id, meetingId: f.int64("meetingId") ?? 0, votesFor: f.count("votesFor") ?? -1,
                                       votesAgainst: f.text("votesAgainst") == nil ? 0 : f.count("votesAgainst") ?? -1, by: principal)
            return "/honours/nominations/\(id)?msg=saved"
        }
    }

    @Sendable func decide(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let approve = context.form["decision"] == "approve"
        let reason = context.form.text("reason")
        let forms = self.forms
        return try await env.write(orShow: { try await detail(request, context: context, errors: $0, status: .unprocessableContent) }) {
            try NominationStore.decide($0, id: id, approve: approve, reason: reason, forms: forms, by: principal)
            return "/honours/nominations/\(id)?msg=saved"
        }
    }

    @Sendable func addEvidence(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let f = context.form
        return try await env.write(orShow: { try await detail(request, context: context, errors: $0, status: .unprocessableContent) }) {
            try NominationStore.addEvidence($0, nominationId: id, kind: f["kind"] ?? "", refId: f.int64("refId"), link: f.text("link"), note: f.text("note"), by: principal)
            return "/honours/nominations/\(id)?msg=saved"
        }
    }

    @Sendable func recordMeeting(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let f = context.form
        _ = try await env.database.write {
            try NominationStore.recordMeeting($0, date: f["date"] ?? "", minutesRef: f["minutesRef"] ?? "", members: f.count("members") ?? 0,
                                              notes: f.text("notes"), by: principal)
        }
        return .redirect(to: "/honours?status=submitted&msg=saved", type: .found)
    }
}
