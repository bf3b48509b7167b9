import Composition
import Campaigns
import Foundation
import GRDB
import Hummingbird
import Socialization
import Store
import Vietnamese

/// The socialization overview (totals of a year or campaign with charts drawn by the server) and the public
/// disclosure list, printable and as CSV.
struct SocializationController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/socialization", use: overview)
        router.get("/socialization/disclosure", use: disclosure)
        router.list("/socialization/disclosure", SocializationLists.disclosure, env: env) { [env] request, _ in
            let (year, campaignId) = try Self.scope(request, today: env.clock.today())
            return ListQuery(year: year, campaignId: campaignId)
        }
    }

    static func lines(_ lines: [SocializationTotals.Line], english: Bool) -> [Line] {
        lines.map { Line($0, english: english) }
    }
    static func bars(_ lines: [SocializationTotals.Line], english: Bool) -> [(label: String, value: Int64)] { lines.map { ($0.label(english: english), $0.value) } }

    @Sendable func overview(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let thisYear = env.clock.today().year
        let year = (try request.queryYear()) ?? thisYear
        let campaignId = (try request.queryId("campaign"))
        let (totals, campaigns, overdue, pending, letters) = try await env.database.read { db in
            (try SocializationTotals.compute(db, year: year, campaignId: campaignId, for: principal),
             try CampaignStore.choices(db, year: year),
             try PledgeStore.list(db, overdueOnly: true, for: principal).count,
             try VolunteerStore.hours(db, status: .pending, for: principal).count,
             try DonationStore.list(db, DonationStore.Filter(year: year, includeVoided: false), for: principal)
                .filter { $0.donation.letterSentOn == nil && $0.donation.sponsorId != nil }.count)
        }
        let page = OverviewPage(year: year, thisYear: thisYear, campaignId: campaignId, totals: totals, campaigns: campaigns,
                                overdue: overdue, pendingHours: pending, lettersToSend: letters, english: context.english,
                                text: { env.views.text($0, context.language) })
        return env.views.render("socialization", titleKey: "socialization_title", page: page, context: context)
    }

    static func scope(_ request: Request, today: CivilDate) throws -> (year: Int?, campaignId: Int64?) {
        let campaignId = (try request.queryId("campaign"))
        return (campaignId == nil ? ((try request.queryYear()) ?? today.year) : (try request.queryYear()), campaignId)
    }

    @Sendable func disclosure(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let (year, campaignId) = try Self.scope(request, today: env.clock.today())
        let (lines, campaigns) = try await env.database.read { db in
            (try Disclosure.lines(db, year: year, campaignId: campaignId, for: principal),
             try CampaignStore.choices(db))
        }
        let page = DisclosurePage(year: year, campaignId: campaignId, lines: lines, campaigns: campaigns, query: request.uri.query ?? "",
                                  commune: env.settings.value(Settings.communeName),
                                  committee: env.settings.value(Settings.committeeName), today: env.clock.today(),
                                  english: context.english)
        return env.views.render("socialization-disclosure", titleKey: "disclosure_title", page: page, context: context)
    }


}
