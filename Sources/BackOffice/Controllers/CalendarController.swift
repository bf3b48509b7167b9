import Campaigns
import Foundation
import Hummingbird
import Store
import Vietnamese

/// The year calendar (month grids with observances and local festivals), the observance table where each year's
/// Lifelong Learning Week dates and theme are entered, and local festivals.
struct CalendarController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/campaigns/calendar", use: calendar)
        router.post("/campaigns/calendar/feed", use: newFeed)
        router.get("/campaigns/observances", use: observances)
        router.post("/campaigns/observances/:key/:year", use: setYear)
        router.post("/campaigns/festivals", use: addFestival)
        router.post("/campaigns/festivals/:festivalId", use: addFestival)
    }

    var catalogue: ObservanceCatalogue {
        get throws { try ObservanceCatalogue(path: env.configuration.campaignsDirectory + "/observances.yaml") }
    }

    /// A calendar token for the signed-in account, shown once inside the feed addresses. It reads the feeds and
    /// nothing else; the account page lists it and revokes it like any token.
    @Sendable func newFeed(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        guard let accountId = principal.accountId else { throw DomainError.forbidden }
        let token = try await env.database.write { try AccountStore.issueToken($0, accountId: accountId, scope: .calendar, by: principal) }
        let base = request.head.authority.map { (env.configuration.secureCookies ? "https://" : "http://") + $0 } ?? ""
        return env.views.render("calendar-feed", titleKey: "calendar_feedTitle",
                                page: FeedPage(allURL: "\(base)/calendar/all.ics?token=\(token)", campaignURL: "\(base)/calendar/campaigns/ID.ics?token=\(token)"),
                                context: context)
    }

    @Sendable func calendar(_ request: Request, context: SignedInContext) async throws -> Response {
        let today = env.clock.today()
        let year = try request.queryYear() ?? today.year
        let catalogue = try catalogue
        let (observed, activities) = try await env.database.read { db in
            (try ObservanceStore.occurrences(db, catalogue: catalogue, year: year),
             try CampaignStore.activities(db, from: CivilDate(year: year, month: 1, day: 1)!, to: CivilDate(year: year, month: 12, day: 31)!))
        }
        let page = CalendarPage(year: year, observed: observed, activities: activities, today: today, english: context.english,
                                csrf: context.csrfToken)
        return env.views.render("calendar", titleKey: "", title: env.views.text("calendar_title", context.language) + " \(year)", page: page,
                                context: context, flash: env.flash(request, context))
    }

    @Sendable func observances(_ request: Request, context: SignedInContext) async throws -> Response {
        try await observancesPage(request, context: context)
    }

    private func observancesPage(_ request: Request, context: SignedInContext, errors: [String: String] = [:],
                                 status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = context.principal
        let year = try request.queryYear() ?? context.pathYear() ?? env.clock.today().year
        let catalogue = try catalogue
        let (items, villages, festivals) = try await env.database.read { db in
            (try ObservanceStore.occurrences(db, catalogue: catalogue, year: year), try UnitStore.villageNames(db, for: principal),
             try ObservanceStore.festivals(db, year: year))
        }
        let page = ObservancesPage(year: year, items: items, catalogue: catalogue, villages: villages, festivals: festivals, principal: principal,
                                   english: context.english, csrf: context.csrfToken, errors: errors)
        return env.views.render("observances", titleKey: "", title: env.views.text("observances_title", context.language) + " \(year)",
                                page: page, context: context, status: status, flash: env.flash(request, context))
    }

    @Sendable func setYear(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        guard let key = context.parameters.get("key"), let year = try context.pathYear() else { throw HTTPError(.notFound) }
        let form = context.form
        let catalogue = try catalogue
        do {
            try await env.database.write {
                try ObservanceStore.setYear($0, catalogue: catalogue, key: key, year: year, start: form["start"] ?? "", end: form["end"] ?? "",
                                            theme: form["theme"], by: principal)
            }
        } catch let error as DomainError where error.kind == .invalid {
            return try await observancesPage(request, context: context, errors: error.fieldErrors, status: .unprocessableContent)
        }
        return .redirect(to: "/campaigns/observances?year=\(year)&msg=saved", type: .found)
    }

    @Sendable func addFestival(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let form = context.form
        let input = ObservanceStore.FestivalInput(name: form["name"] ?? "", unitId: form.int64("unitId"), start: form["start"] ?? "",
                                                  end: form["end"] ?? "", description: form["description"])
        let festival: LocalFestival
        do {
            let id = context.parameters.get("festivalId").flatMap { Int64($0) }
            festival = try await env.database.write { try ObservanceStore.addFestival($0, input, id: id, by: principal) }
        } catch let error as DomainError where error.kind == .invalid {
            return try await observancesPage(request, context: context, errors: error.fieldErrors, status: .unprocessableContent)
        }
        return .redirect(to: "/campaigns/observances?year=\(festival.startDate.year)&msg=created", type: .found)
    }
}

/// `/api/v1/observances?year=`: the year's observances and local festivals with their dates.
struct ObservancesAPI {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/observances", use: list)
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let year = (try request.queryYear()) ?? env.clock.today().year
        guard (1900...2100).contains(year) else { throw DomainError.invalid(["year": "Năm từ 1900 đến 2100"]) }
        let catalogue = try ObservanceCatalogue(path: env.configuration.campaignsDirectory + "/observances.yaml")
        let items = try await env.database.read { try ObservanceStore.occurrences($0, catalogue: catalogue, year: year) }
        let json = items.map { Item($0) }
        return try APIResponse.whole(json)
    }
}
