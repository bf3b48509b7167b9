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
        let english = context.english
        let (result, villages) = try await env.database.read { db in
            (try PersonStore.search(db, query, for: principal), try UnitStore.villageNames(db, for: principal))
        }
        let rows = result.items.map {
            Row(id: $0.id, fullName: $0.fullName, gender: $0.gender.label(english: english),
                birthYear: $0.birthYear.map(String.init) ?? "", village: $0.villageName ?? "",
                phone: $0.phone.flatMap { try? PhoneNumber.parse($0).get().display } ?? "")
        }
        let total = VND.grouped(Int64(result.total))
        let totalText = env.views.text(result.totalIsLowerBound ? "people_totalMore" : "people_total", context.language).replacingOccurrences(of: "%@", with: total)
        return ListPage(
            q: query.text,
            villageOptions: HTMLText.options(villages.map { Option(value: String($0.id), label: $0.name, selected: $0.id == query.villageId) }),
            rowsHTML: Self.rowsHTML(rows, labels: ["people_gender", "people_birthYear", "people_village", "phone"].map { env.views.text($0, context.language) }),
            empty: rows.isEmpty,
            pager: Pager(result, basePath: "/people", query: ["q": query.text, "village": query.villageId.map(String.init) ?? ""],
                         totalText: totalText),
            canCreate: principal.role != .viewer,
            villageQuery: query.villageId.map { "?village=\($0)" } ?? "")
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
        let page = try await env.database.read { db -> DetailPage in
            let person = try PersonStore.get(db, id: id, for: principal)
            let village = try UnitStore.find(db, id: person.villageId)
            let household = try PersonStore.household(db, of: person)
            let phone = person.phone.flatMap { try? PhoneNumber.parse($0).get() }
            let consents = try ConsentStore.consents(db, personId: id)
            let clubs = try ClubStore.memberships(db, personId: id)
            let sponsorId = try SponsorStore.id(ofPerson: id, db)
            let volunteerId = try VolunteerStore.id(ofPerson: id, db)
            let thisYear = env.clock.today().year
            let gifts = try sponsorId.flatMap { sid -> String? in
                let item = try SponsorStore.get(db, id: sid, for: principal)
                return item.donations == 0 ? nil : "\(item.donations) · \(VND.format(item.total))"
            } ?? ""
            let hours = try volunteerId.flatMap { vid -> String? in
                let minutes = try VolunteerStore.get(db, id: vid, year: thisYear, for: principal).approvedMinutes
                return minutes == 0 ? nil : HoursText.display(minutes) + " h (\(thisYear))"
            } ?? ""
            return DetailPage(
                id: id, fullName: person.fullName, gender: person.gender.label(english: english),
                birth: person.birthDate?.display ?? person.birthYear.map(String.init) ?? "", ethnicity: person.ethnicity ?? "",
                language: person.language.flatMap(MessageLanguage.init(rawValue:))?.label(english: english) ?? "",
                villageId: village?.id, village: village?.name ?? "", householdId: household?.id, household: household?.name ?? "",
                relation: person.relationToHead ?? "", phone: phone?.display ?? "",
                phoneOriginal: person.phoneOriginal != phone?.display ? (person.phoneOriginal ?? "") : "",
                zalo: person.zalo ?? "", email: person.email ?? "", notes: person.notes ?? "",
                consents: consents.map {
                    ConsentRow(id: $0.id!, channel: $0.channel.label(english: english), purpose: $0.purpose, givenOn: $0.givenOn.display,
                               method: $0.method.label(english: english), guardian: $0.guardianName ?? "", withdrawnOn: $0.withdrawnOn?.display,
                               active: $0.isActive, withdrawHref: "/people/\(id)/consents/\($0.id!)/withdraw", wording: $0.wording ?? "")
                },
                hasConsents: !consents.isEmpty,
                channels: ConsentChannel.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == .sms) },
                methods: ConsentMethod.allCases.filter { $0 != .imported && $0 != .selfSignUp }
                    .map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == .paperForm) },
                today: env.clock.today().display, canEdit: principal.canWrite(unitId: person.villageId),
                canCreateHousehold: household == nil && principal.canWrite(unitId: person.villageId),
                sponsorId: sponsorId, volunteerId: volunteerId,
                canRecord: principal.role != .viewer,
                honours: try HonoursSection.lines(db, .init(personId: id), forms: env.honourForms),
                clubs: clubs.map { ClubLine(href: "/clubs/\($0.member.clubId)", name: $0.clubName, role: $0.member.role.label(english: english),
                                            since: $0.member.joinedOn.display, left: $0.member.leftOn?.display ?? "") },
                hasClubs: !clubs.isEmpty, gifts: gifts, volunteerHours: hours,
                flags: principal.canWriteCommuneWide ? try Discipline.flags(db, personId: id).map {
                    "\(env.views.text("honours_flag_\($0.kind)", context.language)): \($0.since.display)–\($0.until?.display ?? "…")\($0.note.map { " (\($0))" } ?? "")"
                } : [],
                canFlag: principal.canWriteCommuneWide, csrf: context.csrfToken, errors: errors)
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
        let selectedGender = Gender(lenient: input.gender ?? "") ?? .unknown
        let page = FormPage(
            action: id.map { "/people/\($0)" } ?? "/people", isNew: id == nil, fullName: input.fullName, sortName: input.sortName ?? "",
            genders: Gender.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == selectedGender) },
            birthDate: input.birthDate ?? "", birthYear: input.birthYear ?? "", ethnicity: input.ethnicity ?? "",
            languages: MessageLanguage.allCases.map {
                Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == (MessageLanguage(text: input.language ?? "") ?? .vietnamese))
            },
            villages: writable.options(selected: input.villageId),
            phone: input.phone ?? "", zalo: input.zalo ?? "", email: input.email ?? "", notes: input.notes ?? "",
            errors: errors, hasErrors: !errors.isEmpty, csrf: context.csrfToken, version: version,
            duplicates: duplicates.map { c in
                DuplicateRow(id: c.id, name: c.fullName, village: c.villageId.flatMap { names[$0] } ?? "", birthYear: c.birthYear.map(String.init) ?? "",
                             reasons: c.reasons.map { $0.label(english: english) }.joined(separator: ", "))
            },
            hasDuplicates: !duplicates.isEmpty)
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
