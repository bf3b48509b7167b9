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
        lines.map { Line(label: $0.label(english: english), value: VND.format($0.value), count: $0.count) }
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
        let t = { (key: String) in env.views.text(key, context.language) }
        let page = OverviewPage(
            year: year, years: Option.years(thisYear - 4...thisYear, selected: year),
            campaigns: Choice.options(campaigns, selected: campaignId),
            campaignId: campaignId.map(String.init) ?? "",
            total: VND.format(totals.total), cash: VND.format(totals.cash), inKind: VND.format(totals.inKind), donations: totals.donations,
            sponsors: totals.sponsors, anonymous: VND.format(totals.anonymous),
            byCampaign: Self.lines(totals.byCampaign, english: context.english), byPurpose: Self.lines(totals.byPurpose, english: context.english),
            bySource: Self.lines(totals.bySource, english: context.english),
            topSponsors: Self.lines(totals.topSponsors, english: context.english),
            yearChart: BarChart.svg(Self.bars(totals.byYear, english: context.english), title: t("socialization_byYear")),
            sourceChart: BarChart.svg(Self.bars(totals.bySource, english: context.english), title: t("socialization_bySource")),
            purposeChart: BarChart.svg(Self.bars(totals.byPurpose, english: context.english), title: t("socialization_byPurpose")),
            topChart: BarChart.svg(Self.bars(totals.topSponsors, english: context.english), title: t("socialization_top")),
            overdue: overdue, pendingHours: pending, lettersToSend: letters, empty: totals.donations == 0)
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
        let thisYear = env.clock.today().year
        let page = DisclosurePage(
            year: year ?? thisYear, years: Option.years(thisYear - 4...thisYear, selected: year),
            campaigns: Choice.options(campaigns, selected: campaignId),
            campaignTitle: campaigns.first { $0.id == campaignId }?.label ?? "", query: request.uri.query ?? "",
            commune: env.settings.value(Settings.communeName), committee: env.settings.value(Settings.committeeName),
            rows: lines.enumerated().map { DisclosureRow(number: $0.offset + 1, date: $0.element.date.display,
                                                         name: $0.element.name(english: context.english), gift: $0.element.gift,
                                                         purpose: $0.element.purpose) },
            empty: lines.isEmpty, total: VND.format(lines.reduce(0) { $0 + $1.value }), today: env.clock.today().documentForm(english: context.english))
        return env.views.render("socialization-disclosure", titleKey: "disclosure_title", page: page, context: context)
    }


}
