import Foundation
import GRDB
import Honours
import Hummingbird
import Store
import Vietnamese

/// The honour roll (bảng vàng) of a year: public, no sign-in — names, village or unit, form and achievement, the
/// decision; never a phone or a birth date. Honours later revoked or amended show as the correction says.
struct HonourRollController {
    let env: ControllerEnvironment

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/honours/roll", use: roll)
        router.get("/honours/roll/:year", use: roll)
    }

    @Sendable func roll(_ request: Request, context: AppRequestContext) async throws -> Response {
        let english = context.english
        let thisYear = env.clock.today().year
        let year = try context.pathYear() ?? request.queryYear() ?? thisYear - 1
        let forms = env.honourForms
        let entries = try await env.database.read { try HonourRoll.entries($0, .init(year: year), forms: forms) }
        let counts = HonourRoll.counts(entries)
        let groups = Dictionary(grouping: entries, by: \.formName).sorted { $0.key < $1.key }.map { form, items in
            Group(form: form, lines: items.enumerated().map {
                Line(number: $0.offset + 1, name: $0.element.name, kind: $0.element.recipientKind.label(english: english), place: $0.element.place,
                     achievement: $0.element.achievement, decision: "\($0.element.decisionNumber) (\($0.element.decisionDate.display))")
            })
        }
        let page = RollPage(year: year, years: Option.years(thisYear - 5...thisYear, selected: year),
                            commune: env.settings.value(Settings.communeName), committee: env.settings.value(Settings.committeeName), groups: groups,
                            empty: entries.isEmpty, total: counts.total, individuals: counts.individuals, collectives: counts.collectives,
                            women: counts.women, men: counts.men, canDownload: context.principal != nil)
        return env.views.render("honours-roll", titleKey: "roll_title", page: page, context: context)
    }
}
