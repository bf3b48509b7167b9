import Composition
import Clubs
import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// Taking attendance (one page, one tap per member, one save — made for a phone), the printable member list and
/// attendance sheet, and the CSV exports of members and attendance.
struct ClubSessionsController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/clubs/:id/sessions/new", use: newSession)
        router.post("/clubs/:id/sessions", use: saveNew)
        router.get("/clubs/sessions/:sessionId", use: editSession)
        router.post("/clubs/sessions/:sessionId", use: saveExisting)
        router.get("/clubs/:id/print", use: printMembers)
        router.get("/clubs/:id/sheet", use: printSheet)
        router.list("/clubs/:id/members", ClubLists.members, env: env) { _, context in ListQuery(id: try context.id()) }
        router.list("/clubs/:id/attendance", ClubLists.attendance, env: env) { _, context in ListQuery(id: try context.id()) }
    }

    private func page(_ context: SignedInContext, club: Club, session: ClubSession?, input: ClubStore.SessionInput?,
                      errors: [String: String] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        let english = context.english
        let date = input.flatMap { CivilDate(parsing: $0.date) } ?? session?.date ?? env.clock.today()
        let (members, recorded, host) = try await env.database.read { db in
            (try ClubStore.members(db, clubId: club.id!, on: date),
             try session.map { try ClubStore.attendance(db, sessionId: $0.id!) } ?? [],
             try UnitStore.find(db, id: club.unitId)?.name)
        }
        let page = AttendancePage(club: club, session: session, input: input, date: date, members: members, recorded: recorded, host: host,
                                  english: english, errors: errors, csrf: context.csrfToken)
        return env.views.render("club-session", titleKey: "", title: club.name, page: page, context: context, status: status)
    }

    @Sendable func newSession(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let club = try await env.database.read { try ClubStore.editable($0, id: try context.id(), by: principal) }
        let input = request.query("date").map { ClubStore.SessionInput(date: $0) }
        return try await page(context, club: club, session: nil, input: input)
    }

    @Sendable func editSession(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let sessionId = try context.id("sessionId")
        let (session, club, _) = try await env.database.read { try ClubStore.session($0, id: sessionId, for: principal) }
        return try await page(context, club: club, session: session, input: nil)
    }

    static func input(_ form: FormData) -> ClubStore.SessionInput {
        var marks: [Int64: AttendanceStatus] = [:]
        for key in form.keys where key.hasPrefix("a.") {
            if let id = Int64(key.dropFirst(2)), let status = form[key].flatMap(AttendanceStatus.init(rawValue:)) { marks[id] = status }
        }
        return ClubStore.SessionInput(date: form["date"] ?? "", topic: form["topic"], place: form["place"],
                                      guests: form.text("guests") == nil ? 0 : form.count("guests") ?? -1, attendance: marks)
    }

    @Sendable func saveNew(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let clubId = try context.id()
        let input = Self.input(context.form)
        do {
            _ = try await env.database.write { try ClubStore.recordSession($0, clubId: clubId, input, by: principal) }
            return .redirect(to: "/clubs/\(clubId)?msg=saved", type: .found)
        } catch let error as DomainError where error.kind == .invalid {
            let club = try await env.database.read { try ClubStore.get($0, id: clubId, for: principal) }
            return try await page(context, club: club, session: nil, input: input, errors: error.fieldErrors, status: .unprocessableContent)
        }
    }

    @Sendable func saveExisting(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let sessionId = try context.id("sessionId")
        let (session, club, _) = try await env.database.read { try ClubStore.session($0, id: sessionId, for: principal) }
        let input = Self.input(context.form)
        do {
            _ = try await env.database.write { try ClubStore.recordSession($0, clubId: club.id!, input, sessionId: sessionId, by: principal) }
            return .redirect(to: "/clubs/\(club.id!)?msg=saved", type: .found)
        } catch let error as DomainError where error.kind == .invalid {
            return try await page(context, club: club, session: session, input: input, errors: error.fieldErrors, status: .unprocessableContent)
        }
    }

    // MARK: Printing

    private func printable(_ context: SignedInContext, sheet: Bool) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let id = try context.id()
        let today = env.clock.today()
        let page = try await env.database.read { db -> PrintPage in
            let club = try ClubStore.get(db, id: id, for: principal)
            let members = try ClubStore.members(db, clubId: id, on: today)
            let years = try PersonStore.birthYears(db, ids: members.map(\.member.personId))
            return PrintPage(club: club, unit: try UnitStore.name(db, id: club.unitId), commune: try Settings.value(db, Settings.communeName),
                             today: today, members: members, birthYears: years, showPhones: principal.canWrite(unitId: club.unitId), sheet: sheet,
                             english: english)
        }
        return env.views.render("club-print", titleKey: sheet ? "clubs_printSheet" : "clubs_printMembers", page: page, context: context)
    }

    @Sendable func printMembers(_ request: Request, context: SignedInContext) async throws -> Response { try await printable(context, sheet: false) }
    @Sendable func printSheet(_ request: Request, context: SignedInContext) async throws -> Response { try await printable(context, sheet: true) }

    // MARK: Lists as CSV or Excel



}
