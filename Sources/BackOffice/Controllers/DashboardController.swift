import Campaigns
import Clubs
import Foundation
import GRDB
import Hummingbird
import Recognition
import Socialization
import Store
import Vietnamese

/// The home page: real counts from the store, in the signed-in account's scope.
struct DashboardController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/", use: show)
    }

    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let language = context.language
        let views = env.views
        let page = try await env.database.read { db -> Page in
            let scope = principal.readScope
            let readable = try UnitStore.list(db, for: principal)
            let people = try PersonStore.search(db, PersonQuery(perPage: 1), for: principal).total
            let consented = try ConsentStore.activeCount(db, channel: .sms)
            let households = try HouseholdStore.list(db, villageId: nil, for: principal, perPage: 1).total
            // The movement at a glance: clubs, the plan's indicator, this year's campaigns.
            let today = env.clock.today()
            let indicator = try ActivityIndicator.compute(db, on: today, rule: try ActivityRule.fromSettings(db))
            let clubs = try ClubStore.list(db, for: principal).count
            let campaigns = try CampaignStore.list(db, .init(year: today.year)).count
            // Socialization: what was given this year, and pledges to chase.
            let given = try SocializationTotals.compute(db, year: today.year, for: principal)
            let overdue = try PledgeStore.list(db, overdueOnly: true, on: today, for: principal).count
            // A unit's editor first sees what is theirs to do: activities to report on and open tasks.
            var work: (activities: [Activity], assignments: [Assignment])?
            if principal.role == .editor { work = try CampaignStore.tasks(db, for: principal) }
            // The yearly report's deadline (setting, default 20/11): a reminder from a month before until it is final,
            // only for those who can write it (an editor could do nothing about it).
            var reminder: String?
            if principal.canWriteCommuneWide, let due = try AnnualReport.reminder(db, today: today) {
                reminder = DashboardReminder.text(due, views: views, language: language)
            }
            var recent: [RecentEntry] = []
            if principal.canReadAudit {
                let entries = try Audit.entries(db, filter: .init(perPage: 8)).items
                let names = try Audit.recordNames(db, for: entries)
                recent = entries.map {
                    RecentEntry($0, action: views.text("audit_action_\($0.action)", language),
                                entity: AuditText.entity($0, names: names, views: views, language: language))
                }
            }
            return Page(communeName: try Settings.value(db, Settings.communeName), wholeCommune: scope == .all, units: readable, people: people,
                        households: households, smsConsented: consented, clubs: clubs, indicator: indicator, campaigns: campaigns, given: given,
                        overduePledges: overdue, work: work, reminder: reminder, recent: recent, today: today,
                        text: { views.text($0, language) })
        }
        return env.views.render("dashboard", titleKey: "dash_title", page: page, context: context,
                                flash: env.flash(request, context))
    }
}
