import Clubs
import Foundation
import Hummingbird
import Recognition
import Store
import Vietnamese

/// A cultural house's clubs and whether it counts, and the indicator page (share of cultural houses with a regularly
/// active club, by kind, field and age group, with a month-by-month SVG chart drawn here, no JavaScript).
struct ClubIndicatorController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/clubs/indicator", use: indicator)
        router.get("/clubs/houses/:id", use: house)
    }

    @Sendable func house(_ request: Request, context: SignedInContext) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let id = try context.id()
        let today = env.clock.today()
        let (unit, items, active, rule) = try await env.database.read { db in
            let unit = try UnitStore.get(db, id: id, for: principal)
            let rule = try ActivityRule.fromSettings(db)
            return (unit, try ClubStore.list(db, ClubStore.Filter(unitId: id), for: principal),
                    try ActivityIndicator.activeClubs(db, on: today, rule: rule), rule)
        }
        let page = HousePage(unitId: id, items: items, active: active, rule: rule, today: today, canCreate: principal.canWrite(unitId: id),
                             english: english)
        return env.views.render("club-house", titleKey: "", title: unit.name, page: page, context: context)
    }

    @Sendable func indicator(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let today = env.clock.today()
        let english = context.english
        let date = try request.queryDate("date") ?? today
        let year = (try request.queryYear()).flatMap { (2000...2100).contains($0) ? $0 : nil } ?? date.year
        let (indicator, monthly, houses) = try await env.database.read { db in
            let rule = try ActivityRule.fromSettings(db)
            return (try ActivityIndicator.compute(db, on: date, rule: rule),
                    try ActivityIndicator.monthly(db, year: year, rule: rule, today: today),
                    // The share is commune-wide; the list of houses shows those the account may open.
                    try UnitStore.list(db, for: principal, text: "", kind: .culturalHouse).filter { $0.unit.isActive })
        }
        let page = IndicatorPage(date: date, year: year, indicator: indicator, monthly: monthly, houses: houses,
                                 indicators: env.programme.indicators, english: english,
                                 text: { env.views.text($0, context.language) })
        return env.views.render("club-indicator", titleKey: "clubs_indicator", page: page, context: context)
    }

}

/// A bar chart of a share per month, as inline SVG (prints, needs no script, readable at 360 px).
enum MonthChart {
    /// `target`: the plan's share for the year, drawn as a dashed line across the months with its label.
    static func svg(_ points: [(month: Int, share: Double)], title: String, target: (share: Double, label: String)? = nil) -> String {
        let width = 360, height = 190, left = 32, bottom = 24, top = 24
        let barSpace = Double(width - left - 8) / 12
        var svg = "<svg viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\" class=\"month-chart\">"
        for tick in [0, 25, 50, 75, 100] {
            let y = Double(height - bottom) - Double(height - bottom - top) * Double(tick) / 100
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - 4)\" y2=\"\(y)\" stroke=\"#d0d7de\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(left - 4)\" y=\"\(y + 4)\" text-anchor=\"end\" font-size=\"10\">\(tick)%</text>"
        }
        for point in points {
            let barHeight = Double(height - bottom - top) * min(max(point.share, 0), 100) / 100
            let x = Double(left) + barSpace * Double(point.month - 1) + 3
            svg += "<rect x=\"\(x)\" y=\(("\"" + String(Double(height - bottom) - barHeight) + "\"")) width=\"\(barSpace - 6)\""
                + " height=\"\(barHeight)\" fill=\"#b5541c\">"
                + "<title>\(point.month < 10 ? "0" : "")\(point.month): \(DecimalText.percent(point.share))</title></rect>"
        }
        if let target {
            let y = Double(height - bottom) - Double(height - bottom - top) * min(max(target.share, 0), 100) / 100
            let text = HTMLText.escape(target.label + ": " + DecimalText.percent(target.share))
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - 4)\" y2=\"\(y)\" stroke=\"#1a5fb4\" stroke-width=\"2\" stroke-dasharray=\"5 3\"><title>\(text)</title></line>"
            svg += PlanLine.legend(text, left: Double(left), fontSize: 11)
        }
        for month in 1...12 {
            let x = Double(left) + barSpace * (Double(month) - 0.5)
            svg += "<text x=\"\(x)\" y=\"\(height - 8)\" text-anchor=\"middle\" font-size=\"10\">\(month)</text>"
        }
        return svg + "</svg>"
    }
}
