import Composition
import Foundation
import Hummingbird
import Office
import Organisations
import Store
import Vietnamese

/// The members of a mass organisation (`/units/:id/members`): the list by given name with branch, role, card number
/// and dates; its editors add a resident found by search and end memberships (the history stays).
struct OrganisationMembersController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/units/:id/members", use: page)
        router.post("/units/:id/members", use: add)
        router.post("/units/:id/members/:memberId/end", use: end)
        router.post("/units/:id/members/import", use: importList)
    }

    @Sendable func page(_ request: Request, context: SignedInContext) async throws -> Response {
        try await render(request, context: context)
    }

    private func render(_ request: Request, context: SignedInContext, importDone: String = "", importProblems: [String] = [],
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = context.principal
        let english = context.english
        let id = try context.id()
        let former = request.query("show") == "all"
        let branch = try request.queryId("branch")
        let q = request.query("q") ?? ""
        let pageNumber = try request.queryInt("page", in: QueryBounds.page) ?? 1
        let (unit, lines, candidates, villages) = try await env.database.read { db in
            (try UnitStore.get(db, id: id, for: principal), try MembershipStore.members(db, orgId: id, includeFormer: former, branchId: branch, for: principal),
             try PersonPicker.candidates(db, query: q, preset: nil, for: principal), try UnitStore.villageNames(db, for: principal))
        }
        let page = MemberPages.List(unit: unit, lines: lines, candidates: candidates, villages: villages, q: q, former: former, branch: branch,
                                    pageNumber: pageNumber, canEdit: principal.canWrite(unitId: id), today: env.clock.today(),
                                    importDone: importDone, importProblems: importProblems, english: english, csrf: context.csrfToken)
        return env.views.render("organisation-members", titleKey: "", title: (english ? "Members: " : "Hội viên: ") + unit.name, page: page,
                                context: context, status: status, flash: env.flash(request, context), section: "unit")
    }

    @Sendable func add(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let form = context.form
        guard let personId = form.int64("personId") else { throw DomainError.invalid(["personId": "Chọn người"]) }
        guard let joined = CivilDate(parsing: form.text("joinedOn") ?? env.clock.today().display) else {
            throw DomainError.invalid(["joinedOn": "Ngày vào hội dạng dd/MM/yyyy"])
        }
        let input = MembershipStore.Input(personId: personId, branchId: form.int64("branchId"),
                                          role: form.text("role").flatMap(OrgRole.init(rawValue:)) ?? .member, number: form.text("number"), joinedOn: joined)
        _ = try await env.database.write { try MembershipStore.add($0, orgId: id, input, by: principal) }
        return .redirect(to: "/units/\(id)/members?msg=member", type: .found)
    }

    /// A list of members from a CSV file or an Excel sheet: all rows or none, each bad row with its line and field.
    @Sendable func importList(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        guard let file = context.uploads.first(where: { $0.field == "file" }), !file.data.isEmpty else {
            return try await render(request, context: context, importProblems: [env.views.text("import_noFile", context.language)], status: .unprocessableContent)
        }
        let dryRun = context.form.bool("dryRun")
        let today = env.clock.today()
        let report: ImportReport
        do {
            let (data, name) = try ImportKind.readable(file.data, file: file.fileName.isEmpty ? "tệp" : file.fileName, sheet: nil)
            report = try await env.database.writeWithoutTransaction { db in
                try MembersImporter.run(db, data: data, file: name, orgId: id, dryRun: dryRun, by: principal, today: today)
            }
        } catch let failure as XLSXReader.Failure {
            return try await render(request, context: context, importProblems: [failure.message], status: .unprocessableContent)
        } catch let failure as CSVReader.Failure {
            return try await render(request, context: context, importProblems: [failure.message], status: .unprocessableContent)
        } catch let problem as ImportReport.Problem {
            return try await render(request, context: context, importProblems: [problem.description], status: .unprocessableContent)
        }
        guard report.succeeded else {
            return try await render(request, context: context, importProblems: ImportKind.lines(report), status: .unprocessableContent)
        }
        let done = (dryRun ? env.views.text("members_importChecked", context.language) : env.views.text("members_imported", context.language))
            .replacingOccurrences(of: "%@", with: String(report.inserted))
            + (report.created.isEmpty ? "" : " " + env.views.text("members_newResidents", context.language) + " " + report.created.joined(separator: ", "))
            + (report.skipped > 0 ? " " + env.views.text("members_alreadyMembers", context.language).replacingOccurrences(of: "%@", with: String(report.skipped)) : "")
        return try await render(request, context: context, importDone: done)
    }

    @Sendable func end(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id(), memberId = try context.id("memberId")
        let on = context.form.text("leftOn").flatMap { CivilDate(parsing: $0) } ?? env.clock.today()
        try await env.database.write { db in
            guard try MembershipStore.organisationId(db, memberId: memberId) == id else { throw DomainError.notFound("hội viên", english: "Member") }
            try MembershipStore.end(db, memberId: memberId, on: on, by: principal)
        }
        return .redirect(to: "/units/\(id)/members?msg=saved", type: .found)
    }
}
