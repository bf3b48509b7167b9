import Foundation
import GRDB
import Hummingbird
import Recognition
import Store
import Vietnamese

/// The plan's indicators year by year against their trajectory to 2025 and 2030 (computed or entered with a
/// source), with charts; and the monthly library visits that feed one of them.
struct IndicatorsController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/recognition/indicators", use: page)
        router.post("/recognition/indicators/:key", use: setValue)
        router.get("/recognition/visits", use: visits)
        router.post("/recognition/visits", use: saveVisits)
    }

    @Sendable func page(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let thisYear = env.clock.today().year
        let year = (try request.queryYear()) ?? thisYear
        let programme = env.programme
        let views = env.views, language = context.language
        let english = context.english
        let rows = try await env.database.read { db in
            try programme.indicators.map { indicator -> IndicatorRow in
                let span = Array(min(indicator.baselineYear, year - 3)...year)
                let values = try span.map { try Indicators.value(db, indicator, year: $0) }
                return IndicatorRow(indicator, year: year, span: span, values: values, english: english, text: { views.text($0, language) })
            }
        }
        let page = Page(year: year, thisYear: thisYear, rows: rows, canEdit: principal.canWriteCommuneWide, csrf: context.csrfToken)
        return env.views.render("recognition-indicators", titleKey: "indicators_title", page: page, context: context,
                                flash: env.flash(request, context))
    }

    @Sendable func setValue(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        guard let key = context.parameters.get("key"), env.programme.indicator(key) != nil else { throw HTTPError(.notFound) }
        let f = context.form
        guard let year = f.year("year"), let value = f.text("value").flatMap({ Double($0.replacingOccurrences(of: ",", with: ".")) }) else {
            throw DomainError.invalid(["value": "Năm và giá trị là số"])
        }
        try await env.database.write { try Indicators.setManual($0, key: key, year: year, value: value, sourceNote: f["sourceNote"] ?? "", by: principal) }
        return .redirect(to: "/recognition/indicators?year=\(year)&msg=saved", type: .found)
    }

    @Sendable func visits(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let thisYear = env.clock.today().year
        let year = (try request.queryYear()) ?? thisYear
        let (libraries, chosen, months) = try await env.database.read { db -> ([OrgUnit], Int64?, [Int: Indicators.MonthlyVisits]) in
            let libraries = try UnitStore.all(db, kinds: [.communeLibrary, .schoolLibrary]).filter { principal.canRead(unitId: $0.id) }
            let chosen = (try request.queryId("library")) ?? libraries.first?.id
            return (libraries, chosen, try chosen.map { try Indicators.visits(db, libraryId: $0, year: year) } ?? [:])
        }
        let page = VisitsPage(libraries: libraries, chosen: chosen, year: year, thisYear: thisYear, months: months,
                              canEdit: principal.canWrite(unitId: chosen), csrf: context.csrfToken)
        return env.views.render("recognition-visits", titleKey: "visits_title", page: page, context: context,
                                flash: env.flash(request, context))
    }

    @Sendable func saveVisits(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let f = context.form
        guard let library = f.int64("libraryId"), let year = f.year("year") else { throw DomainError.invalid(["libraryId": "Chọn thư viện"]) }
        try await env.database.write { db in
            for month in 1...12 {
                guard f.text("v.\(month)") != nil else { continue }
                guard let count = f.count("v.\(month)") else { throw DomainError.invalid(["visits": "Tháng \(month): lượt đọc là số nguyên"]) }
                func number(_ key: String) -> Int { f.count("\(key).\(month)") ?? 0 }
                try Indicators.recordVisits(db, libraryId: library, year: year, month: month,
                                            .init(visits: count, readers: number("r"), loans: number("l"), newCards: number("n"), onlineUses: number("o")), by: principal)
            }
        }
        return .redirect(to: "/recognition/visits?library=\(library)&year=\(year)&msg=saved", type: .found)
    }
}
