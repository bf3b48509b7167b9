import Clubs
import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// Clubs, classes and interest groups: list with filters, create and edit, the club page (members with attendance
/// rates, a 12-month activity strip, sessions), status changes and memberships.
struct ClubsController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/clubs", use: list)
        router.get("/clubs/new", use: newForm)
        router.post("/clubs", use: create)
        router.get("/clubs/:id", use: show)
        router.get("/clubs/:id/edit", use: editForm)
        router.post("/clubs/:id", use: update)
        router.post("/clubs/:id/status", use: changeStatus)
        router.post("/clubs/:id/members", use: addMember)
        router.post("/clubs/:id/members/:memberId/leave", use: endMembership)
    }

    // MARK: List

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let filter = ClubStore.Filter(unitId: (try request.queryId("unit")), kind: (try request.queryChoice("kind", as: ClubKind.self)),
                                      field: (try request.queryChoice("field", as: ClubField.self)),
                                      status: (try request.queryChoice("status", as: ClubStatus.self)))
        let (items, hosts, active) = try await env.database.read { db in
            (try ClubStore.list(db, filter, for: principal), try ClubStore.hosts(db, for: principal),
             try ActivityIndicator.activeClubs(db, on: env.clock.today(), rule: try ActivityRule.fromSettings(db)))
        }
        let page = ListPage(items, filter: filter, hosts: hosts, active: active, english: english, canCreate: principal.role != .viewer)
        return env.views.render("clubs", titleKey: "clubs_title", page: page, context: context,
                                flash: env.flash(request, context))
    }


    // MARK: Form

    private func form(_ context: SignedInContext, principal: Principal, id: Int64?, input: ClubInput, errors: [String: String] = [:],
                      version: String = "", status: HTTPResponse.Status = .ok) async throws -> Response {
        let english = context.english
        let (hosts, leaders) = try await env.database.read { db -> ([OrgUnit], [(Int64, String)]) in
            let members: [(Int64, String)] = try id.map { clubId in
                try ClubStore.members(db, clubId: clubId, includeFormer: false).map { ($0.member.personId, $0.fullName) }
            } ?? []
            let current = try PersonStore.find(db, id: input.leaderId).map { [($0.id!, $0.fullName)] } ?? []
            return (try ClubStore.hosts(db, for: principal).filter { principal.canWrite(unitId: $0.id) }, current + members.filter { $0.0 != input.leaderId })
        }
        let page = FormPage(id: id, input: input, hosts: hosts, leaders: leaders, english: english, errors: errors, csrf: context.csrfToken,
                            version: version)
        return env.views.render("club-form", titleKey: id == nil ? "clubs_new" : "clubs_edit", page: page, context: context, status: status)
    }

    static func input(_ form: FormData) -> ClubInput {
        ClubInput(name: form["name"] ?? "", unitId: form.int64("unitId"), kind: form["kind"] ?? "", field: form["field"] ?? "",
                  ageGroups: form.all("ageGroups"), leaderId: form.int64("leaderId"), schedule: form["schedule"],
                  foundedOn: form["foundedOn"], notes: form["notes"])
    }

    @Sendable func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.role != .viewer)
        let input = ClubInput(name: "", unitId: (try request.queryId("unit")), kind: ClubKind.club.rawValue, field: ClubField.reading.rawValue)
        return try await form(context, principal: principal, id: nil, input: input)
    }

    @Sendable func editForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let club = try await env.database.read { try ClubStore.editable($0, id: id, by: principal) }
        let input = ClubInput(name: club.name, unitId: club.unitId, kind: club.kind.rawValue, field: club.field.rawValue,
                              ageGroups: club.ageGroupList.map(\.rawValue), leaderId: club.leaderId, schedule: club.schedule,
                              foundedOn: club.foundedOn?.display, notes: club.notes)
        return try await form(context, principal: principal, id: id, input: input, version: RecordVersion.of(club))
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let input = Self.input(context.form)
        return try await env.write(orShow: { try await form(context, principal: principal, id: nil, input: input, errors: $0, status: .unprocessableContent) }) {
            "/clubs/\(try ClubStore.create($0, input, by: principal).id!)?msg=created"
        }
    }

    @Sendable func update(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let input = Self.input(context.form)
        let version = context.form["version"]
        return try await env.write(orShow: { try await form(context, principal: principal, id: id, input: input, errors: $0, version: version ?? "",
                                                            status: .unprocessableContent) }) {
            _ = try ClubStore.update($0, id: id, input, version: version, by: principal)
            return "/clubs/\(id)?msg=saved"
        }
    }

    // MARK: Club page

    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let id = try context.id()
        let q = request.query("q") ?? ""
        let today = env.clock.today()
        let page = try await env.database.read { db -> DetailPage in
            let club = try ClubStore.get(db, id: id, for: principal)
            let unit = try UnitStore.find(db, id: club.unitId)
            let leader = try PersonStore.find(db, id: club.leaderId)
            let rule = try ActivityRule.fromSettings(db)
            let active = try ActivityIndicator.activeClubs(db, on: today, rule: rule).contains(id)
            let months = try ClubStore.sessionMonths(db, clubId: id)
            let members = try ClubStore.members(db, clubId: id)
            let sessions = try ClubStore.sessions(db, clubId: id, limit: 100)
            let candidates = try PersonPicker.candidates(db, query: q, preset: nil, for: principal)
            let history = try ClubStore.statusHistory(db, clubId: id)
            return DetailPage(
                club, unit: unit, leader: leader, rule: rule, active: active, months: months, members: members, sessions: sessions,
                history: history, q: q, candidates: candidates, today: today,
                words: (env.views.text("clubs_monthHeld", context.language), env.views.text("clubs_monthNotHeld", context.language)),
                canEdit: principal.canWrite(unitId: club.unitId), english: english, csrf: context.csrfToken)
        }
        return env.views.render("club", titleKey: "", title: page.name, page: page, context: context,
                                flash: env.flash(request, context))
    }

    /// The 12 months before this one, oldest first, each marked when a session was held.
    static func strip(months held: Set<String>, endingBefore today: CivilDate, words: (held: String, notHeld: String)) -> [MonthCell] {
        (1...12).reversed().map { back in
            let index = today.year * 12 + (today.month - 1) - back
            let year = index / 12, month = index % 12 + 1
            let key = MonthKey.make(year: year, month: month)
            return MonthCell(year: year, month: month, held: held.contains(key), words: words)
        }
    }

    @Sendable func changeStatus(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let form = context.form
        guard let status = form.text("status").flatMap(ClubStatus.init(rawValue:)) else { throw DomainError.invalid(["status": "Chọn tình trạng"]) }
        guard let since = form.text("since").flatMap({ CivilDate(parsing: $0) }) else { throw DomainError.invalid(["since": "Ngày dạng dd/MM/yyyy"]) }
        try await env.database.write { try ClubStore.setStatus($0, id: id, status, since: since, note: form.text("note"), by: principal) }
        return .redirect(to: "/clubs/\(id)?msg=saved", type: .found)
    }

    @Sendable func addMember(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let form = context.form
        guard let personId = form.int64("personId") else { throw DomainError.invalid(["personId": "Chọn người"]) }
        let role = form.text("role").flatMap(MemberRole.init(rawValue:)) ?? .member
        let joined = form.text("joinedOn").flatMap { CivilDate(parsing: $0) } ?? env.clock.today()
        _ = try await env.database.write { try ClubStore.addMember($0, clubId: id, personId: personId, role: role, joinedOn: joined, by: principal) }
        return .redirect(to: "/clubs/\(id)?msg=member", type: .found)
    }

    @Sendable func endMembership(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let memberId = try context.id("memberId")
        let on = context.form.text("leftOn").flatMap { CivilDate(parsing: $0) } ?? env.clock.today()
        try await env.database.write { try ClubStore.endMembership($0, memberId: memberId, on: on, by: principal) }
        return .redirect(to: "/clubs/\(id)?msg=saved", type: .found)
    }
}
