import Campaigns
import Composition
import Foundation
import Hummingbird
import Organisations
import SignUp
import Store
import Vietnamese

/// Attendance by name at an activity (`/campaigns/activities/:id/attendance`): tick the members of the organisation
/// running it, or find any resident by a search, as for a club session; the page says how many members of each
/// organisation came. The counts of the outcome form stay for crowds no one lists.
struct ActivityAttendanceController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/campaigns/activities/:activityId/attendance", use: page)
        router.post("/campaigns/activities/:activityId/attendance", use: save)
    }

    @Sendable func page(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let activityId = try context.id("activityId")
        let branch = try request.queryId("branch")
        let q = request.query("q") ?? ""
        let page = try await env.database.read { db -> AttendancePages.Page in
            let presence = try ActivityPresence.of(db, activityId: activityId, for: principal)
            let (activity, campaign) = (presence.activity, presence.campaign)
            // The members to tick: those of the organisation running the activity, else of the one leading the campaign,
            // when the account may read its list (a village's head records by search alone).
            let organisation = [activity.unitId, campaign.leadUnitId].lazy.compactMap { try? UnitStore.get(db, id: $0, for: .system) }
                .first(where: MembershipStore.isOrganisation).flatMap { principal.canRead(unitId: $0.id) ? $0 : nil }
            let members = try organisation.map { try MembershipStore.members(db, orgId: $0.id!, branchId: branch, for: principal) } ?? []
            let registered = try SignUpForms.approvedPeople(db, activityId: activityId).compactMap { try? PersonStore.get(db, id: $0, for: principal) }
            let candidates = try PersonPicker.candidates(db, query: q, preset: nil, for: principal)
            return AttendancePages.Page(
                presence, organisation: organisation, members: members, registered: registered, candidates: candidates,
                villages: try UnitStore.villageNames(db, for: principal), branch: branch, q: q,
                hiddenText: env.views.text("attendance_hidden", context.language),
                canRecord: CampaignStore.canRecordOutcomes(activity, campaign: campaign, principal), csrf: context.csrfToken)
        }
        return env.views.render("activity-attendance", titleKey: "", title: env.views.text("attendance_title", context.language) + ": " + page.title,
                                page: page, context: context, flash: env.flash(request, context))
    }

    /// The page sends every name it showed (`shown`) and those ticked (`present`): unticking takes a name off.
    @Sendable func save(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let activityId = try context.id("activityId")
        let form = context.form
        func ids(_ name: String) throws -> [Int64] {
            try form.all(name).map { text in
                guard let id = Int64(text), id > 0 else { throw DomainError.invalid([name: "Mã người không hợp lệ"]) }
                return id
            }
        }
        let shown = try ids("shown"), present = Set(try ids("present"))
        try await env.database.write { try ActivityAttendance.set($0, activityId: activityId, shown: shown, present: present, by: principal) }
        var back = "/campaigns/activities/\(activityId)/attendance?msg=saved"
        if let branch = form.int64("branch") { back += "&branch=\(branch)" }
        return .redirect(to: back, type: .found)
    }
}
