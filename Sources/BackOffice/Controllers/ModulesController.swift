import Hummingbird
import Store

/// Modules the navigation shows before they are built: an honest page saying what each will do.
struct ModulesController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/modules/:slug", use: show)
    }

    struct Page { let slug: String; let title: String; let description: String }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.signedIn()
        let slug = context.parameters.get("slug") ?? ""
        guard ModuleDescription.pending.contains(where: { $0.slug == slug }) else { throw HTTPError(.notFound) }
        let title = env.views.text("module_\(slug)_title", context.language)
        let page = Page(slug: slug, title: title, description: env.views.text("module_\(slug)_description", context.language))
        return env.views.render("module", titleKey: "", title: title, page: page, context: context)
    }
}
