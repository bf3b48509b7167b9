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
        let english = context.english
        let today = env.clock.today()
        let year = try request.queryYear() ?? today.year
        let catalogue = try catalogue
        let (observed, activities) = try await env.database.read { db in
            (try ObservanceStore.occurrences(db, catalogue: catalogue, year: year),
             try CampaignStore.activities(db, from: CivilDate(year: year, month: 1, day: 1)!, to: CivilDate(year: year, month: 12, day: 31)!))
        }
        // Activities join the observances on the grid: a day is marked when either happens.
        let items = (observed + activities.compactMap { activity -> Occurrence? in
            guard let start = activity.startDate, let end = activity.endDate else { return nil }
            return Occurrence(source: .observance("activity-\(activity.id!)"), name: String(activity.startsAt.dropFirst(11)) + " " + activity.title,
                              start: start, end: end, ruleLabel: activity.kind.label(english: english), theme: nil, isProvisional: false, channels: activity.channelList,
                              place: activity.place)
        }).sorted { ($0.start, $0.name) < ($1.start, $1.name) }
        let months = (1...12).map { month in Self.month(year: year, month: month, items: items, today: today, english: context.english) }
        let page = CalendarPage(year: year, previous: year - 1, next: year + 1, months: months,
                                weekdays: context.english ? ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] : ["T2", "T3", "T4", "T5", "T6", "T7", "CN"],
                                csrf: context.csrfToken)
        return env.views.render("calendar", titleKey: "", title: env.views.text("calendar_title", context.language) + " \(year)", page: page,
                                context: context, flash: env.flash(request, context))
    }

    static func month(year: Int, month: Int, items: [Occurrence], today: CivilDate, english: Bool) -> Month {
        let first = CivilDate(year: year, month: month, day: 1)!
        let days = CivilDate.daysIn(month: month, year: year)
        // Monday first, as Vietnamese calendars print.
        let leading = first.isoWeekday - 1
        var cells = Array(repeating: DayCell(day: "", marked: false, today: false, title: "", lunar: ""), count: leading)
        for day in 1...days {
            let date = CivilDate(year: year, month: month, day: day)!
            let hits = items.filter { $0.covers(date) }
            let lunar = LunarCalendar.lunar(date)
            cells.append(DayCell(day: String(day), marked: !hits.isEmpty, today: date == today,
                                 title: ([date.display + (english ? " (lunar \(lunar.description))" : " (âm lịch \(lunar.description))")]
                                             + hits.map(\.name)).joined(separator: " · "),
                                 lunar: lunar.day == 1 || lunar.day == 15 ? lunar.description : ""))
        }
        while cells.count % 7 != 0 { cells.append(DayCell(day: "", marked: false, today: false, title: "", lunar: "")) }
        let weeks = stride(from: 0, to: cells.count, by: 7).map { Week(days: Array(cells[$0..<$0 + 7])) }
        let last = CivilDate(year: year, month: month, day: days)!
        let events = items.filter { $0.start <= last && $0.end >= first }.map {
            EventRow(dates: $0.start == $0.end ? $0.start.display : "\($0.start.display) – \($0.end.display)", name: $0.name,
                     provisional: $0.isProvisional, place: $0.place ?? "", theme: $0.theme ?? "")
        }
        return Month(name: english ? CivilDate.englishMonths[month - 1] : "Tháng \(month)", weeks: weeks, events: events, hasEvents: !events.isEmpty)
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
        let rows = items.map { item -> ObservanceRow in
            let key: String? = if case .observance(let key) = item.source { key } else { nil }
            let yearly = key.flatMap { catalogue.observance($0)?.isSetEachYear } ?? false
            var festivalId: Int64? = nil
            if case .festival(let id) = item.source { festivalId = id }
            let festivalUnit = festivalId.flatMap { id in festivals.first { $0.id == id }?.unitId }
            let editable = festivalId != nil && (festivalUnit.map { principal.canWrite(unitId: $0) } ?? principal.canWriteCommuneWide)
            return ObservanceRow(name: item.name + (item.place.map { " — \($0)" } ?? ""), rule: item.ruleLabel(english: context.english),
                                 dates: item.start == item.end ? item.start.display : "\(item.start.display) – \(item.end.display)",
                                 theme: item.theme ?? "", channels: item.channels.joined(separator: ", "), provisional: item.isProvisional,
                                 yearly: yearly, action: "/campaigns/observances/\(key ?? "")/\(year)", start: item.start.display, end: item.end.display,
                                 festivalAction: editable ? "/campaigns/festivals/\(festivalId!)" : nil, festivalName: item.name,
                                 festivalUnits: villages.filter { principal.canWrite(unitId: $0.id) }
                                     .map { Option(value: String($0.id), label: $0.name, selected: $0.id == festivalUnit) },
                                 note: item.theme ?? "")
        }
        let writable = villages.filter { principal.canWrite(unitId: $0.id) }
        let page = ObservancesPage(year: year, rows: rows, canSetYear: principal.canWriteCommuneWide,
                                   villages: writable.map { Option(value: String($0.id), label: $0.name, selected: false) },
                                   canAddFestival: principal.role != .viewer && (principal.canWriteCommuneWide || !writable.isEmpty),
                                   csrf: context.csrfToken, errors: errors)
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
        let json = items.map { item -> Item in
            var key: String?, festival: Int64?
            switch item.source {
            case .observance(let k): key = k
            case .festival(let id): festival = id
            }
            return Item(key: key, festivalId: festival, name: item.name, start: item.start.iso, end: item.end.iso, rule: item.ruleLabel,
                        theme: item.theme, provisional: item.isProvisional, channels: item.channels, place: item.place)
        }
        return try APIResponse.whole(json)
    }
}
