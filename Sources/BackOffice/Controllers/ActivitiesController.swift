import Campaigns
import Foundation
import Hummingbird
import Store
import Vietnamese

/// Activities of a campaign (plan them, then record what happened), task status, and "my unit's tasks".
struct ActivitiesController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/campaigns/tasks", use: tasks)
        router.get("/campaigns/:id/activities/new", use: newForm)
        router.post("/campaigns/:id/activities", use: create)
        router.get("/campaigns/activities/:activityId/edit", use: editForm)
        router.post("/campaigns/activities/:activityId", use: update)
        router.get("/campaigns/activities/:activityId/outcomes", use: outcomesForm)
        router.post("/campaigns/activities/:activityId/outcomes", use: saveOutcomes)
        router.post("/campaigns/assignments/:assignmentId/status", use: assignmentStatus)
        router.post("/campaigns/assignments/:assignmentId", use: updateAssignment)
    }

    private func form(_ context: SignedInContext, campaignId: Int64, activityId: Int64?, input: ActivityInput, errors: [String: String] = [:],
                      version: String = "", status: HTTPResponse.Status = .ok) async throws -> Response {
        let units = try await env.database.read { try UnitStore.tree($0, for: .system) }
        let page = FormPage(campaignId: campaignId, activityId: activityId, input: input, units: units, english: context.english,
                            text: { env.views.text($0, context.language) }, errors: errors, csrf: context.csrfToken, version: version)
        return env.views.render("activity-form", titleKey: activityId == nil ? "activities_new" : "activities_edit", page: page, context: context, status: status)
    }

    static func input(_ form: FormData) -> (ActivityInput, [String: String]) {
        var errors: [String: String] = [:]
        func count(_ name: String) -> Int? {
            guard let text = form.text(name) else { return nil }
            guard let value = Int(text.replacingOccurrences(of: ".", with: "")), (0...FormData.countLimit).contains(value) else { errors[name] = "Số nguyên không âm"; return nil }
            return value
        }
        let input = ActivityInput(kind: form["kind"] ?? "", title: form["title"] ?? "", startsAt: form["startsAt"] ?? "", endsAt: form["endsAt"] ?? "",
                                  place: form["place"], unitId: form.int64("unitId"), channels: form.all("channels"),
                                  expectedParticipants: count("expectedParticipants"), expectedBooksLent: count("expectedBooksLent"),
                                  expectedPosts: count("expectedPosts"), expectedReach: count("expectedReach"), notes: form["notes"])
        return (input, errors)
    }

    @Sendable func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let campaign = try await env.database.read { try CampaignStore.get($0, id: id) }
        try principal.require(CampaignStore.canEdit(campaign, principal))
        return try await form(context, campaignId: id, activityId: nil,
                              input: ActivityInput(kind: ActivityKind.readingSession.rawValue, title: "", startsAt: campaign.startDate.display + " 08:00",
                                                   endsAt: "", unitId: campaign.leadUnitId))
    }

    private func save(_ context: SignedInContext, campaignId: Int64, activityId: Int64?) async throws -> Response {
        let principal = context.principal
        let (input, parseErrors) = Self.input(context.form)
        do {
            if !parseErrors.isEmpty { throw DomainError.invalid(parseErrors) }
            let version = context.form["version"]
            _ = try await env.database.write {
                try CampaignStore.saveActivity($0, campaignId: campaignId, activityId: activityId, input, version: version, by: principal)
            }
            return .redirect(to: "/campaigns/\(campaignId)?msg=saved", type: .found)
        } catch let error as DomainError where error.kind == .invalid {
            return try await form(context, campaignId: campaignId, activityId: activityId, input: input, errors: error.fieldErrors,
                                  version: context.form["version"] ?? "", status: .unprocessableContent)
        }
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        try await save(context, campaignId: try context.id(), activityId: nil)
    }

    @Sendable func editForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let activityId = try context.id("activityId")
        let (activity, campaign) = try await env.database.read { db in
            let activity = try CampaignStore.activity(db, id: activityId)
            return (activity, try CampaignStore.get(db, id: activity.campaignId))
        }
        try principal.require(CampaignStore.canEdit(campaign, principal))
        let input = ActivityInput(kind: activity.kind.rawValue, title: activity.title, startsAt: DateTimeText.display(activity.startsAt),
                                  endsAt: DateTimeText.display(activity.endsAt), place: activity.place, unitId: activity.unitId, channels: activity.channelList,
                                  expectedParticipants: activity.expectedParticipants, expectedBooksLent: activity.expectedBooksLent,
                                  expectedPosts: activity.expectedPosts, expectedReach: activity.expectedReach, notes: activity.notes)
        return try await form(context, campaignId: campaign.id!, activityId: activityId, input: input, version: RecordVersion.of(activity))
    }

    @Sendable func update(_ request: Request, context: SignedInContext) async throws -> Response {
        let activityId = try context.id("activityId")
        let campaignId = try await env.database.read { try CampaignStore.activity($0, id: activityId).campaignId }
        return try await save(context, campaignId: campaignId, activityId: activityId)
    }

    // MARK: Outcomes


    private func outcomesPage(_ context: SignedInContext, activity: Activity, values: [String: String]? = nil, notes: String? = nil, error: String? = nil,
                              status: HTTPResponse.Status = .ok) async throws -> Response {
        let byName = try await env.database.read { try ActivityAttendance.count($0, activityId: activity.id!) }
        let page = OutcomesPage(activity, values: values, notes: notes, error: error, byName: byName, text: { env.views.text($0, context.language) },
                                csrf: context.csrfToken)
        return env.views.render("activity-outcomes", titleKey: "", title: activity.title, page: page, context: context, status: status)
    }

    @Sendable func outcomesForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let activityId = try context.id("activityId")
        let (activity, campaign) = try await env.database.read { db in
            let activity = try CampaignStore.activity(db, id: activityId)
            return (activity, try CampaignStore.get(db, id: activity.campaignId))
        }
        try principal.require(CampaignStore.canRecordOutcomes(activity, campaign: campaign, principal))
        return try await outcomesPage(context, activity: activity)
    }

    @Sendable func saveOutcomes(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let activityId = try context.id("activityId")
        let form = context.form
        var outcomes = ActivityOutcomes()
        var values: [String: String] = [:]
        var bad = false
        for (name, path) in ActivityOutcomes.fields {
            let text = form.text(name) ?? ""
            values[name] = text
            if text.isEmpty { continue }
            if let value = Int(text.replacingOccurrences(of: ".", with: "")), (0...FormData.countLimit).contains(value) { outcomes[keyPath: path] = value } else { bad = true }
        }
        if bad {
            let activity = try await env.database.read { try CampaignStore.activity($0, id: activityId) }
            return try await outcomesPage(context, activity: activity, values: values, notes: form["notes"], error: env.views.text("outcomes_invalid", context.language),
                                status: .unprocessableContent)
        }
        let recorded = outcomes
        try await env.database.write { try CampaignStore.recordOutcomes($0, activityId: activityId, recorded, notes: form["notes"] ?? "", by: principal) }
        let campaignId = try await env.database.read { try CampaignStore.activity($0, id: activityId).campaignId }
        return .redirect(to: "/campaigns/\(campaignId)?msg=saved", type: .found)
    }

    @Sendable func assignmentStatus(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id("assignmentId")
        guard let status = context.form.text("status").flatMap(AssignmentStatus.init(rawValue:)) else { throw DomainError.invalid(["status": "Chọn tình trạng"]) }
        try await env.database.write { try CampaignStore.setAssignmentStatus($0, id: id, status, by: principal) }
        let back = context.form.text("back") == "tasks" ? "/campaigns/tasks" : "/campaigns/\(try await env.database.read { try CampaignStore.campaignId($0, assignmentId: id) })"
        return .redirect(to: back + "?msg=saved", type: .found)
    }

    @Sendable func updateAssignment(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id("assignmentId")
        let form = context.form
        try await env.database.write {
            try CampaignStore.updateAssignment($0, id: id, unitId: form.int64("unitId"), task: form["task"] ?? "", dueDate: form["dueDate"], by: principal)
        }
        let campaignId = try await env.database.read { try CampaignStore.campaignId($0, assignmentId: id) }
        return .redirect(to: "/campaigns/\(campaignId)?msg=saved", type: .found)
    }

    // MARK: My unit's tasks

    @Sendable func tasks(_ request: Request, context: SignedInContext) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let (work, campaigns, branches) = try await env.database.read { db in
            let work = try CampaignStore.tasks(db, for: principal)
            return (work, try CampaignStore.list(db), try UnitStore.names(db, ids: work.assignments.compactMap(\.branchId)))
        }
        let page = TasksPage(activities: work.activities, assignments: work.assignments, campaigns: campaigns, branches: branches, english: english,
                             csrf: context.csrfToken)
        return env.views.render("campaign-tasks", titleKey: "tasks_title", page: page, context: context,
                                flash: env.flash(request, context))
    }
}
