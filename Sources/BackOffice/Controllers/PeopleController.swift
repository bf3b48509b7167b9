import Composition
import Clubs
import Foundation
import Honours
import GRDB
import Hummingbird
import Socialization
import Store
import Vietnamese

/// People: search (tones and đ ignored), list by given name, detail with consents, create and edit.
struct PeopleController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/people", use: list)
        router.list("/people", PeopleLists.people, env: env) { request, _ in ListQuery(villageId: try request.queryId("village")) }
        router.list("/people/consents", PeopleLists.consents, env: env) { request, _ in
            ListQuery(villageId: try request.queryId("village"), kind: try request.queryChoice("channel", as: ConsentChannel.self)?.rawValue)
        }
        router.get("/people/new", use: newForm)
        router.post("/people", use: create)
        router.get("/people/:id", use: show)
        router.get("/people/:id/edit", use: editForm)
        router.post("/people/:id", use: update)
        router.post("/people/:id/consents", use: giveConsent)
        router.post("/people/:id/consents/:consentId/withdraw", use: withdrawConsent)
    }

    /// The list section is kept, rendered, until the store changes: it is the page everyone opens, and rendering
    /// it again for each visit was most of its cost.
    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let query = PersonQuery(text: request.query("q") ?? "", villageId: (try request.queryId("village")),
                                page: (try request.queryPage()))
        let key = "people|\(context.language.rawValue)|\(principal.accessKey)|\(query.villageId ?? 0)|\(query.page)|\(query.text)"
        let version = try env.database.changes.current()
        let html = try await env.pageCache.html(key, version: version) {
            env.views.fragment("people-list", page: try await listPage(query, principal: principal, context: context),
                               language: context.language)
        }
        return env.views.render("people", titleKey: "people_title", page: Views.Fragment(html: html), context: context,
                                flash: env.flash(request, context))
    }

    private func listPage(_ query: PersonQuery, principal: Principal, context: SignedInContext) async throws -> ListPage {
        let (result, villages) = try await env.database.read { db in
            (try PersonStore.search(db, query, for: principal), try UnitStore.villageNames(db, for: principal))
        }
        return ListPage(query: query, result: result, villages: villages, canCreate: principal.role != .viewer, english: context.english,
                        text: { env.views.text($0, context.language) })
    }

    /// `labels`: the headers of the gender, birth year, village and phone columns, shown beside the values on a phone.
    static func rowsHTML(_ rows: [Row], labels: [String]) -> String {
        var html = HTMLText(reservingCapacity: rows.count * 220)
        for row in rows {
            html.raw("<tr><td><a href=\"/people/")
            html.number(row.id)
            html.raw("\">")
            html.text(row.fullName)
            html.raw("</a></td><td data-label=\"")
            html.text(labels[0])
            html.raw("\">")
            html.text(row.gender)
            html.raw("</td><td data-label=\"")
            html.text(labels[1])
            html.raw("\">")
            html.text(row.birthYear)
            html.raw("</td><td data-label=\"")
            html.text(labels[2])
            html.raw("\">")
            html.text(row.village)
            html.raw("</td><td data-label=\"")
            html.text(labels[3])
            html.raw("\">")
            html.text(row.phone)
            html.raw("</td></tr>\n")
        }
        return html.html
    }

    private func detail(_ context: SignedInContext, id: Int64, errors: [String: String] = [:], status: HTTPResponse.Status = .ok,
                        flash: String? = nil) async throws -> Response {
        let principal = context.principal
        let english = context.english
        let today = env.clock.today()
        let page = try await env.database.read { db -> DetailPage in
            let person = try PersonStore.get(db, id: id, for: principal)
            let village = try UnitStore.find(db, id: person.villageId)
            let household = try PersonStore.household(db, of: person)
            let consents = try ConsentStore.consents(db, personId: id)
            let clubs = try ClubStore.memberships(db, personId: id)
            let sponsorId = try SponsorStore.id(ofPerson: id, db)
            let volunteerId = try VolunteerStore.id(ofPerson: id, db)
            let sponsor = try sponsorId.map { try SponsorStore.get(db, id: $0, for: principal) }
            let volunteer = try volunteerId.map {
                (id: $0, minutes: try VolunteerStore.get(db, id: $0, year: today.year, for: principal).approvedMinutes)
            }
            let honours = try HonoursSection.lines(db, .init(personId: id), forms: env.honourForms)
            let flags = try principal.canWriteCommuneWide ? Discipline.flags(db, personId: id) : []
            return DetailPage(person: person, village: village, household: household, consents: consents, clubs: clubs,
                              sponsor: sponsor, volunteer: volunteer,
                              honours: honours, flags: flags, today: today, principal: principal, english: english,
                              csrf: context.csrfToken, errors: errors, text: { env.views.text($0, context.language) })
        }
        return env.views.render("person", titleKey: "", title: page.fullName, page: page, context: context, status: status, flash: flash)
    }

    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        try await detail(context, id: try context.id(), flash: env.flash(request, context))
    }

    private func form(_ context: SignedInContext, id: Int64?, input: PersonInput, errors: [String: String],
                      version: String = "", status: HTTPResponse.Status = .ok, duplicates: [DuplicateFinder.Candidate] = []) async throws -> Response {
        let principal = context.principal
        let english = context.english
        let (villages, names) = try await env.database.read { db in
            (try UnitStore.villages(db, for: principal), try UnitStore.names(db, ids: duplicates.compactMap(\.villageId)))
        }
        let writable = villages.filter { principal.canWrite(unitId: $0.id) }
        let page = FormPage(id: id, input: input, villages: writable, duplicates: duplicates, villageNames: names, version: version,
                            english: english, csrf: context.csrfToken, errors: errors)
        return env.views.render("person-form", titleKey: id == nil ? "people_new" : "people_edit", page: page, context: context, status: status)
    }

    @Sendable func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.role != .viewer)
        return try await form(context, id: nil, input: PersonInput(fullName: "", villageId: (try request.queryId("village"))), errors: [:])
    }

    @Sendable func editForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let person = try await env.database.read { try PersonStore.get($0, id: id, for: principal) }
        try principal.require(principal.canWrite(unitId: person.villageId))
        let input = PersonInput(fullName: person.fullName, gender: person.gender.rawValue, birthDate: person.birthDate?.display,
                                birthYear: person.birthDate == nil ? person.birthYear.map(String.init) : nil, ethnicity: person.ethnicity,
                                villageId: person.villageId, householdId: person.householdId, relationToHead: person.relationToHead,
                                phone: person.phoneOriginal ?? person.phone, zalo: person.zalo, email: person.email, notes: person.notes,
                                language: person.language, sortName: person.sortName)
        return try await form(context, id: id, input: input, errors: [:], version: RecordVersion.of(person))
    }

    static func input(from form: FormData, keeping person: Person? = nil) -> PersonInput {
        PersonInput(fullName: form["fullName"] ?? "", gender: form["gender"], birthDate: form["birthDate"], birthYear: form["birthYear"],
                    ethnicity: form["ethnicity"], villageId: form.int64("villageId"), householdId: person?.householdId,
                    relationToHead: person?.relationToHead, phone: form["phone"], zalo: form["zalo"], email: form["email"],
                    notes: form["notes"], language: form["language"], sortName: form["sortName"])
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let input = Self.input(from: context.form)
        let confirmed = context.form.bool("confirmNew")
        do {
            return try await env.write(orShow: { try await form(context, id: nil, input: input, errors: $0, status: .unprocessableContent) }) {
                "/people/\(try PersonStore.create($0, input, by: principal, checkDuplicates: true, confirmedNew: confirmed).id!)?msg=created"
            }
        } catch let found as PersonStore.PossibleDuplicates {
            // Nothing saved: the clerk sees who this may be, opens them, or confirms it is someone else.
            return try await form(context, id: nil, input: input, errors: [:], status: .conflict, duplicates: found.candidates)
        }
    }

    @Sendable func update(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let existing = try await env.database.read { try PersonStore.get($0, id: id, for: principal) }
        let input = Self.input(from: context.form, keeping: existing)
        let version = context.form["version"]
        return try await env.write(orShow: { try await form(context, id: id, input: input, errors: $0, version: version ?? "", status: .unprocessableContent) }) {
            _ = try PersonStore.update($0, id: id, input, version: version, by: principal)
            return "/people/\(id)?msg=saved"
        }
    }

    @Sendable func giveConsent(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let form = context.form
        guard let channel = form.text("channel").flatMap(ConsentChannel.init(rawValue:)),
              // A self sign-up's consent comes only from its page (with the text the person read), never typed by staff.
              let method = form.text("method").flatMap(ConsentMethod.init(rawValue:)), method != .selfSignUp else {
            return try await detail(context, id: id, errors: ["consent": "Chọn kênh và cách đồng ý"], status: .unprocessableContent)
        }
        guard let givenOn = CivilDate(parsing: form.text("givenOn") ?? "") else {
            return try await detail(context, id: id, errors: ["givenOn": "Ngày đồng ý phải có dạng ngày/tháng/năm"], status: .unprocessableContent)
        }
        let consent = Consent(personId: id, channel: channel, purpose: form.text("purpose") ?? Consent.defaultPurpose,
                              givenOn: givenOn, method: method, guardianName: form.text("guardianName"), note: form.text("note"))
        do {
            _ = try await env.database.write { try ConsentStore.give($0, consent, by: principal) }
        } catch let error as DomainError where error.kind == .invalid || error.kind == .conflict {
            let errors = error.fieldErrors.isEmpty ? ["consent": error.message] : error.fieldErrors
            return try await detail(context, id: id, errors: errors, status: .unprocessableContent)
        }
        return .redirect(to: "/people/\(id)?msg=consent", type: .found)
    }

    @Sendable func withdrawConsent(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let consentId = try context.id("consentId")
        try await env.database.write { db in
            guard try ConsentStore.find(db, id: consentId, personId: id) != nil else { throw DomainError.notFound("bản đồng ý", english: "Consent") }
            try ConsentStore.withdraw(db, consentId: consentId, on: env.clock.today(), by: principal)
        }
        return .redirect(to: "/people/\(id)?msg=withdrawn", type: .found)
    }
}
