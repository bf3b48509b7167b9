import Foundation
import GRDB
import Honours
import Hummingbird
import Store
import Vietnamese

/// What stands beside the nominations: the forms and their cash awards (a setting), clans, the register of good
/// models, and discipline flags on a person (commune roles only).
struct HonoursRegisterController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/honours/register", use: page)
        router.post("/honours/forms/:key/award", use: setAward)
        router.post("/honours/clans", use: addClan)
        router.post("/honours/models", use: addModel)
        router.post("/honours/discipline", use: flag)
    }

    @Sendable func page(_ request: Request, context: SignedInContext) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let forms = env.honourForms
        let views = env.views, language = context.language
        let page = try await env.database.read { db -> RegisterPage in
            let villages = try UnitStore.villages(db, for: principal)
            let rows = try forms.forms.map { form in
                FormRow(form, award: try forms.award(db, for: form), english: english, text: { views.text($0, language) })
            }
            let clans = try HonoursRegister.clans(db)
            let models = try HonoursRegister.goodModels(db)
            let units = try UnitStore.active(db).filter { principal.canWrite(unitId: $0.id) }
            return RegisterPage(forms: rows, clans: clans, models: models, villages: villages,
                                writableVillages: villages.filter { principal.canWrite(unitId: $0.id) }, units: units,
                                year: env.clock.today().year, canManage: principal.canWriteCommuneWide, canAdd: principal.role != .viewer,
                                csrf: context.csrfToken)
        }
        return env.views.render("honours-register", titleKey: "register_title", page: page, context: context,
                                flash: env.flash(request, context))
    }

    @Sendable func setAward(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        guard let key = context.parameters.get("key"), let form = env.honourForms.form(key) else { throw HTTPError(.notFound) }
        guard let award = context.form.text("award").flatMap(VND.parse) else { throw DomainError.invalid(["award": "Mức thưởng là số đồng, ví dụ 300.000"]) }
        try await env.database.write { try Settings.set($0, form.awardSetting, to: String(award), by: principal) }
        return .redirect(to: "/honours/register?msg=saved", type: .found)
    }

    @Sendable func addClan(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let f = context.form
        _ = try await env.database.write { try HonoursRegister.addClan($0, name: f["name"] ?? "", villageId: f.int64("villageId"), notes: f.text("notes"), by: principal) }
        return .redirect(to: "/honours/register?msg=saved", type: .found)
    }

    @Sendable func addModel(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let f = context.form
        _ = try await env.database.write {
            try HonoursRegister.addGoodModel($0, title: f["title"] ?? "", unitId: f.int64("unitId"), year: f.year("year"),
                                             description: f["description"] ?? "", replicatedWhere: f.text("replicatedWhere"), by: principal)
        }
        return .redirect(to: "/honours/register?msg=saved", type: .found)
    }

    @Sendable func flag(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let f = context.form
        guard let personId = f.int64("personId") else { throw HTTPError(.badRequest) }
        _ = try await env.database.write {
            try Discipline.flag($0, personId: personId, kind: f["kind"] ?? "", since: f["since"] ?? "", until: f.text("until"), note: f.text("note"), by: principal)
        }
        return .redirect(to: "/people/\(personId)?msg=saved", type: .found)
    }
}
