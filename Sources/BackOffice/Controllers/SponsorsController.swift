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
        let rows = items.map {
            Row(id: $0.sponsor.id!, name: $0.name, kind: $0.sponsor.kind.label(english: english), tags: $0.sponsor.tags, donations: $0.donations,
                total: VND.format($0.total), last: $0.lastDonation?.display ?? "")
        }
        let page = ListPage(q: q, kinds: SponsorKind.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == kind) },
                            tags: tags.map { Option(value: $0, label: $0, selected: $0 == tag) }, rows: rows, empty: rows.isEmpty,
                            canCreate: principal.role != .viewer, count: rows.count)
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
        let page = FormPage(
            kinds: SponsorKind.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0.rawValue == input.kind) }, q: q,
            searched: !candidates.isEmpty || !q.isEmpty, candidates: candidates,
            units: units.options(selected: input.unitId),
            villages: villages.filter { principal.canWrite(unitId: $0.id) }.options(selected: input.villageId),
            name: input.name ?? "", phone: input.phone ?? "", address: input.address ?? "", tags: input.tags ?? "", notes: input.notes ?? "",
            errors: errors, hasErrors: !errors.isEmpty, csrf: context.csrfToken, canMakeUnits: principal.canManageUnits)
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
            return DetailPage(
                id: id, name: item.name, kind: item.sponsor.kind.label(english: english),
                kinds: SponsorKind.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == item.sponsor.kind) },
                tags: item.sponsor.tags, notes: item.sponsor.notes ?? "", personId: item.sponsor.personId, unitId: item.sponsor.unitId,
                phone: item.phone.map { PhoneNumber.display(stored: $0) } ?? "", village: item.village ?? "", total: VND.format(item.total),
                donations: donations.map { DonationRow(id: $0.donation.id!, receipt: $0.donation.receiptNumber, date: $0.donation.date.display,
                                                       gift: DonationsController.gift($0), purpose: $0.donation.purpose, voided: $0.donation.isVoided) },
                hasDonations: !donations.isEmpty,
                pledges: pledges.map { PledgeRow(id: $0.pledge.id!, date: $0.pledge.date.display, value: VND.format($0.pledge.value), due: $0.pledge.dueOn.display,
                                                 status: $0.status(on: today).label(english: english), overdue: $0.status(on: today) == .overdue) },
                hasPledges: !pledges.isEmpty, canEdit: principal.canWriteCommuneWide, canRecord: principal.role != .viewer, csrf: context.csrfToken,
                version: RecordVersion.of(item.sponsor))
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
