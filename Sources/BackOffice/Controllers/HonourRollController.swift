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
        let page = RollPage(year: year, thisYear: thisYear, commune: env.settings.value(Settings.communeName),
                            committee: env.settings.value(Settings.committeeName), entries: entries, english: english,
                            canDownload: context.principal != nil)
        return env.views.render("honours-roll", titleKey: "roll_title", page: page, context: context)
    }
}
