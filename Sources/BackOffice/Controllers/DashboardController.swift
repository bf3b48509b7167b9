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
            func unitCount(_ kind: UnitKind) -> Int { readable.filter { $0.unit.kind == kind }.count }
            let people = try PersonStore.search(db, PersonQuery(perPage: 1), for: principal).total
            let consented = try ConsentStore.activeCount(db, channel: .sms)
            var tiles = [
                Tile(label: views.text("dash_people", language), value: VND.grouped(Int64(people)), href: "/people"),
                Tile(label: views.text("dash_villages", language), value: String(unitCount(.village)), href: "/units?kind=village"),
                Tile(label: views.text("dash_culturalHouses", language), value: String(unitCount(.culturalHouse)), href: "/units?kind=cultural_house"),
                Tile(label: views.text("dash_schools", language), value: String(unitCount(.school)), href: "/units?kind=school"),
                Tile(label: views.text("dash_libraries", language),
                     value: String(unitCount(.schoolLibrary) + unitCount(.communeLibrary)), href: "/units?kind=school_library"),
                Tile(label: views.text("dash_households", language),
                     value: VND.grouped(Int64(try HouseholdStore.list(db, villageId: nil, for: principal, perPage: 1).total)), href: "/households"),
            ]
            if scope == .all {
                tiles.append(Tile(label: views.text("dash_smsConsent", language), value: VND.grouped(Int64(consented)), href: "/people"))
            }
            // The movement at a glance: clubs, the plan's indicator, this year's campaigns.
            let today = env.clock.today()
            let indicator = try ActivityIndicator.compute(db, on: today, rule: try ActivityRule.fromSettings(db))
            tiles.append(Tile(label: views.text("dash_clubs", language), value: String(try ClubStore.list(db, for: principal).count), href: "/clubs"))
            tiles.append(Tile(label: views.text("dash_indicator", language), value: DecimalText.percent(indicator.share), href: "/clubs/indicator"))
            tiles.append(Tile(label: views.text("dash_campaigns", language), value: String(try CampaignStore.list(db, .init(year: today.year)).count),
                              href: "/campaigns?year=\(today.year)"))
            // Socialization: what was given this year, and pledges to chase.
            let given = try SocializationTotals.compute(db, year: today.year, for: principal)
            tiles.append(Tile(label: views.text("dash_donations", language), value: VND.format(given.total), href: "/socialization?year=\(today.year)"))
            let overdue = try PledgeStore.list(db, overdueOnly: true, on: today, for: principal).count
            if overdue > 0 { tiles.append(Tile(label: views.text("dash_overduePledges", language), value: String(overdue), href: "/pledges?overdue=1")) }
            // The yearly report's deadline (setting, default 20/11): a reminder from a month before until it is final.
            // A unit's editor first sees what is theirs to do: activities to report on and open tasks.
            if principal.role == .editor {
                let work = try CampaignStore.tasks(db, for: principal)
                let open = work.assignments.filter { $0.status != .done }.count
                    + work.activities.filter { $0.startsAt.prefix(10) <= today.iso && $0.outcomes.participants == nil && $0.reach == nil }.count
                tiles.insert(Tile(label: views.text("dash_myWork", language), value: String(open), href: "/campaigns/tasks"), at: 0)
            }
            // The yearly report's deadline: only for those who can write it (an editor could do nothing about it).
            if principal.canWriteCommuneWide, let due = try AnnualReport.reminder(db, today: today) {
                tiles.insert(Tile(label: DashboardReminder.text(due, views: views, language: language), value: views.text("dash_report", language),
                                  href: "/recognition/report"), at: 0)
            }
            var recent: [RecentEntry] = []
            if principal.canReadAudit {
                let entries = try Audit.entries(db, filter: .init(perPage: 8)).items
                let names = try Audit.recordNames(db, for: entries)
                recent = entries.map {
                    RecentEntry(at: VietnamTime.display($0.at), actor: $0.actor, action: views.text("audit_action_\($0.action)", language),
                                entity: AuditText.entity($0, names: names, views: views, language: language))
                }
            }
            return Page(communeName: try Settings.value(db, Settings.communeName), tiles: tiles, recent: recent,
                        hasRecent: !recent.isEmpty,
                        scopeNote: scope == .all ? nil : views.text("dash_scopeNote", language))
        }
        return env.views.render("dashboard", titleKey: "dash_title", page: page, context: context,
                                flash: env.flash(request, context))
    }
}
