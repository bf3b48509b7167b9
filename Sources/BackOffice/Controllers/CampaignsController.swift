import Composition
import Campaigns
import DataFiles
import Foundation
import Hummingbird
import Organisations
import Store
import Vietnamese

/// Campaign plans: list with filters, create and edit, the campaign page (timeline of activities, assignments,
/// budget planned vs spent, outcomes so far, status history) and the status workflow.
struct CampaignsController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/campaigns", use: list)
        router.get("/campaigns/new", use: newForm)
        router.post("/campaigns", use: create)
        router.get("/campaigns/:id", use: show)
        router.get("/campaigns/:id/edit", use: editForm)
        router.post("/campaigns/:id", use: update)
        router.post("/campaigns/:id/status", use: changeStatus)
        router.post("/campaigns/:id/budget", use: addBudgetLine)
        router.post("/campaigns/:id/budget/:lineId", use: updateBudgetLine)
        router.post("/campaigns/:id/assignments", use: addAssignment)
        router.post("/campaigns/from-template", use: fromTemplate)
        router.post("/campaigns/:id/clone", use: clone)
        router.get("/campaigns/:id/report", use: report)
        router.list("/campaigns/:id/report", CampaignLists.report, env: env) { _, context in ListQuery(id: try context.id()) }
    }

    /// The printable campaign report (A4, Vietnamese administrative style).
    @Sendable func report(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.id()
        let (report, commune, members) = try await env.database.read { db in
            let report = try CampaignReport.make(db, campaignId: id)
            return (report, try Settings.value(db, Settings.communeName),
                    try MemberParticipation.byOrganisation(db, people: ActivityAttendance.peopleSQL(campaignId: id),
                                                           from: report.campaign.startDate, to: report.campaign.endDate))
        }
        let page = ReportPage(report, commune: commune, members: members, today: env.clock.today(), english: context.english,
                              text: { env.views.text($0, context.language) })
        return env.views.render("campaign-report", titleKey: "campaignReport_title", page: page, context: context)
    }

    var templates: [PlanTemplate] { (try? PlanTemplate.load(directory: env.configuration.campaignsDirectory + "/templates")) ?? [] }

    /// A plan from a template in `campaigns/templates/` for a year.
    @Sendable func fromTemplate(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.role != .viewer)
        guard let template = templates.first(where: { $0.file == context.form["template"] }) else { throw DomainError.invalid(["template": "Chọn mẫu kế hoạch"]) }
        guard let year = context.form.year("year"), (2000...2100).contains(year) else { throw DomainError.invalid(["year": "Năm từ 2000 đến 2100"]) }
        guard let catalogue = catalogue else { throw DomainError.invalid(["template": "Không đọc được campaigns/observances.yaml"]) }
        let campaign: Campaign
        do {
            campaign = try await env.database.write { try template.instantiate($0, year: year, catalogue: catalogue, by: principal) }
        } catch let error as DataFileError {
            throw DomainError.invalid([error.field.isEmpty ? "template" : error.field: error.description])
        }
        return .redirect(to: "/campaigns/\(campaign.id!)?msg=created", type: .found)
    }

    /// Last year's campaign again, dates moved to the new year.
    @Sendable func clone(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        guard let year = context.form.year("year"), (2000...2100).contains(year) else { throw DomainError.invalid(["year": "Năm từ 2000 đến 2100"]) }
        let catalogue = catalogue
        let copy = try await env.database.write { try CampaignStore.clone($0, id: id, toYear: year, catalogue: catalogue, by: principal) }
        return .redirect(to: "/campaigns/\(copy.id!)?msg=created", type: .found)
    }

    var catalogue: ObservanceCatalogue? { try? ObservanceCatalogue(path: env.configuration.campaignsDirectory + "/observances.yaml") }

    // MARK: List

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let filter = CampaignStore.Filter(year: (try request.queryYear()), status: (try request.queryChoice("status", as: CampaignStatus.self)),
                                          unitId: (try request.queryId("unit")), observanceKey: request.query("observance"))
        let catalogue = catalogue
        let (items, units) = try await env.database.read { db in (try CampaignStore.list(db, filter), try UnitStore.tree(db, for: principal)) }
        let page = ListPage(items, filter: filter, templates: templates, catalogue: catalogue, units: units, today: env.clock.today(),
                            english: english, canCreate: principal.role != .viewer, hasTasks: principal.role == .editor, csrf: context.csrfToken)
        return env.views.render("campaigns", titleKey: "campaigns_title", page: page, context: context,
                                flash: env.flash(request, context))
    }

    // MARK: Form

    private func form(_ context: SignedInContext, principal: Principal, id: Int64?, input: CampaignInput, errors: [String: String] = [:],
                      version: String = "", status: HTTPResponse.Status = .ok) async throws -> Response {
        let units = try await env.database.read { try UnitStore.tree($0, for: .system) }
        let page = FormPage(id: id, input: input, catalogue: catalogue, units: units, principal: principal, errors: errors, csrf: context.csrfToken,
                            version: version)
        return env.views.render("campaign-form", titleKey: id == nil ? "campaigns_new" : "campaigns_edit", page: page, context: context, status: status)
    }

    static func input(_ form: FormData) -> CampaignInput {
        CampaignInput(title: form["title"] ?? "", theme: form["theme"], observanceKey: form.text("observanceKey"), startDate: form["startDate"] ?? "",
                      endDate: form["endDate"] ?? "", goals: form["goals"], leadUnitId: form.int64("leadUnitId"),
                      coordinatingUnitIds: form.all("coordinatingUnitIds").compactMap { Int64($0) })
    }

    @Sendable func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.role != .viewer)
        var input = CampaignInput(title: "", observanceKey: request.query("observance"), startDate: "", endDate: "", leadUnitId: principal.unitIds.first)
        if let key = input.observanceKey, let observance = catalogue?.observance(key), let dates = observance.defaultDates(in: env.clock.today().year) {
            input.title = "\(observance.name) năm \(dates.start.year)"
            input.startDate = dates.start.display
            input.endDate = dates.end.display
        }
        return try await form(context, principal: principal, id: nil, input: input)
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let input = Self.input(context.form)
        let catalogue = catalogue
        return try await env.write(orShow: { try await form(context, principal: principal, id: nil, input: input, errors: $0, status: .unprocessableContent) }) {
            "/campaigns/\(try CampaignStore.create($0, input, catalogue: catalogue, by: principal).id!)?msg=created"
        }
    }

    @Sendable func editForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let (campaign, units) = try await env.database.read { db in
            (try CampaignStore.get(db, id: id), try CampaignStore.coordinatingUnits(db, campaignId: id))
        }
        try principal.require(CampaignStore.canEdit(campaign, principal))
        let input = CampaignInput(title: campaign.title, theme: campaign.theme, observanceKey: campaign.observanceKey, year: campaign.year,
                                  startDate: campaign.startDate.display, endDate: campaign.endDate.display, goals: campaign.goals,
                                  leadUnitId: campaign.leadUnitId, coordinatingUnitIds: units.map { $0.id! })
        return try await form(context, principal: principal, id: id, input: input, version: RecordVersion.of(campaign))
    }

    @Sendable func update(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let input = Self.input(context.form)
        let catalogue = catalogue
        let version = context.form["version"]
        return try await env.write(orShow: { try await form(context, principal: principal, id: id, input: input, errors: $0, version: version ?? "",
                                                            status: .unprocessableContent) }) {
            _ = try CampaignStore.update($0, id: id, input, catalogue: catalogue, version: version, by: principal)
            return "/campaigns/\(id)?msg=saved"
        }
    }

    // MARK: Detail

    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let english = context.english
        let catalogue = catalogue
        let page = try await env.database.read { db -> DetailPage in
            let campaign = try CampaignStore.get(db, id: id)
            let units = try UnitStore.tree(db, for: .system)
            let coordinating = try CampaignStore.coordinatingUnits(db, campaignId: id)
            let activities = try CampaignStore.activities(db, campaignId: id)
            let assignments = try CampaignStore.assignments(db, campaignId: id)
            let budget = try CampaignStore.budget(db, campaignId: id)
            let byName = try ActivityAttendance.counts(db, campaignId: id)
            let history = try CampaignStore.statusHistory(db, campaignId: id)
            return DetailPage(campaign, catalogue: catalogue, units: units, coordinating: coordinating, activities: activities,
                              assignments: assignments, budget: budget, byName: byName, history: history, principal: principal,
                              english: english, csrf: context.csrfToken)
        }
        return env.views.render("campaign", titleKey: "", title: page.title, page: page, context: context,
                                flash: env.flash(request, context))
    }

    @Sendable func changeStatus(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        guard let status = context.form.text("status").flatMap(CampaignStatus.init(rawValue:)) else { throw DomainError.invalid(["status": "Chọn tình trạng"]) }
        try await env.database.write { try CampaignStore.setStatus($0, id: id, to: status, note: context.form.text("note"), by: principal) }
        return .redirect(to: "/campaigns/\(id)?msg=saved", type: .found)
    }

    @Sendable func addBudgetLine(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let form = context.form
        try await env.database.write {
            try CampaignStore.saveBudgetLine($0, campaignId: id, item: form["item"] ?? "", source: form["source"] ?? "", planned: form["planned"] ?? "",
                                             spent: form["spent"] ?? "", by: principal)
        }
        return .redirect(to: "/campaigns/\(id)?msg=saved", type: .found)
    }

    /// Corrects a budget line (lines are never deleted: one no longer planned is set to 0).
    @Sendable func updateBudgetLine(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let lineId = try context.id("lineId")
        let form = context.form
        try await env.database.write {
            try CampaignStore.saveBudgetLine($0, campaignId: id, lineId: lineId, item: form["item"] ?? "", source: form["source"] ?? "",
                                             planned: form["planned"] ?? "", spent: form["spent"] ?? "", by: principal)
        }
        return .redirect(to: "/campaigns/\(id)?msg=saved", type: .found)
    }

    @Sendable func addAssignment(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let form = context.form
        try await env.database.write {
            try CampaignStore.addAssignment($0, campaignId: id, unitId: form.int64("unitId"), task: form["task"] ?? "", dueDate: form["dueDate"], by: principal)
        }
        return .redirect(to: "/campaigns/\(id)?msg=saved", type: .found)
    }
}
