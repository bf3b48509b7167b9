import Foundation
import GRDB
import Hummingbird
import Office
import SignUp
import Store
import Vietnamese

/// The organisers' side of public sign-up: opening a page for an activity, a club or a call for volunteers, its
/// QR poster, and the review queue where each sign-up is matched to a resident or created as one.
struct SignUpsController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/signups", use: list)
        router.get("/signups/new", use: newForm)
        router.post("/signups", use: create)
        router.get("/signups/:id", use: detail)
        router.get("/signups/:id/poster", use: poster)
        router.post("/signups/:id/close", use: close)
        router.post("/signups/:id/entries/:entry/approve", use: approve)
        router.post("/signups/:id/entries/:entry/reject", use: reject)
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let english = context.english
        let today = env.clock.today()
        let items = try await env.database.read { try SignUpForms.list($0, for: principal) }
        return env.views.render("signups", titleKey: "signups_title", page: SignUpPages.List(items, today: today, english: english), context: context,
                                flash: env.flash(request, context), section: "signup")
    }

    private func target(_ request: Request) throws -> (SignUpKind, Int64) {
        guard let kind = request.query("kind").flatMap(SignUpKind.init(rawValue:)), let id = request.query("target").flatMap(Int64.init) else {
            throw HTTPError(.badRequest, message: "kind, target")
        }
        return (kind, id)
    }

    @Sendable func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let (kind, id) = try target(request)
        return try await renderNew(context: context, kind: kind, targetId: id)
    }

    private func renderNew(context: SignedInContext, kind: SignUpKind, targetId: Int64, errors: [String: String] = [:],
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = context.principal
        let target = try await env.database.read { try SignUpForms.target($0, kind: kind, id: targetId) }
        try principal.require(principal.canWrite(unitId: target.unitId))
        let page = SignUpPages.OpenForm(kind: kind, targetId: targetId, target: target, english: context.english, errors: errors,
                                        csrf: context.csrfToken)
        return env.views.render("signup-form", titleKey: "signups_new", page: page, context: context, status: status, section: "signup")
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let f = context.form
        guard let kind = f["kind"].flatMap(SignUpKind.init(rawValue:)), let targetId = f.int64("targetId") else {
            throw DomainError.invalid(["kind": "Chọn việc cần đăng ký"])
        }
        let input = SignUpForms.Input(
            kind: kind, targetId: targetId, title: f.text("title"), askBirthYear: f.bool("askBirthYear"), askVillage: f.bool("askVillage"),
            askPhone: f.bool("askPhone"), channels: f.all("channels").compactMap(ConsentChannel.init(rawValue:)), purpose: f.text("purpose"),
            role: f.text("role"), capacity: f.text("capacity"), closesOn: f.text("closesOn"))
        return try await env.write(orShow: { try await renderNew(context: context, kind: kind, targetId: targetId, errors: $0, status: .unprocessableContent) }) { db in
            "/signups/\(try SignUpForms.open(db, input, by: principal).id!)?msg=created"
        }
    }

    /// The address printed on the poster: the configured public address, else the one this request came to.
    private func publicLink(_ request: Request, code: String) -> String {
        var base = VietnameseText.trimmed(env.settings.value(Settings.publicAddress))
        if base.isEmpty { base = (env.configuration.secureCookies ? "https://" : "http://") + (request.head.authority ?? "localhost") }
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/s/" + code
    }

    @Sendable func detail(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let english = context.english
        let id = try context.id()
        let today = env.clock.today()
        let (form, queue, unit, villages, unconfirmed) = try await env.database.read { db in
            let form = try SignUpForms.get(db, id: id, for: principal)
            return (form, try SignUpReview.queue(db, formId: id, for: principal), try UnitStore.name(db, id: form.unitId),
                    try UnitStore.villageNames(db, for: principal), try SignUpForms.unconfirmed(db, formId: id))
        }
        let canReview = principal.canWrite(unitId: form.unitId)
        let page = SignUpPages.Detail(form, queue: queue, unit: unit, link: publicLink(request, code: form.code), villages: villages,
                                      unconfirmed: unconfirmed, canReview: canReview, today: today, english: english,
                                      text: { env.views.text($0, context.language) }, csrf: context.csrfToken)
        return env.views.render("signup", titleKey: "", title: form.title, page: page, context: context, flash: env.flash(request, context), section: "signup")
    }

    @Sendable func poster(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let (form, occasion) = try await env.database.read { db in
            let form = try SignUpForms.get(db, id: id, for: principal)
            return (form, try SignUpForms.occasion(db, form))
        }
        let link = publicLink(request, code: form.code)
        let poster = SignUpPages.Poster(form, occasion: occasion, commune: env.settings.value(Settings.communeName), link: link,
                                        qr: try QRCode(text: link).svg(moduleSize: 8))
        return env.views.render("signup-poster", titleKey: "", title: form.title, page: poster, context: context, section: "signup")
    }

    @Sendable func close(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        try await env.database.write { try SignUpForms.close($0, id: id, by: principal) }
        return .redirect(to: "/signups/\(id)?msg=saved", type: .found)
    }

    @Sendable func approve(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id(), entry = try context.id("entry")
        let f = context.form
        let personId = f["person"] == "new" ? nil : f.int64("person")
        guard f["person"] == "new" || personId != nil else { throw DomainError.invalid(["person": "Chọn người đã có hoặc tạo người mới"]) }
        let today = env.clock.today()
        try await env.database.write { db in
            try Self.belongs(db, entry: entry, to: id)
            _ = try SignUpReview.approve(db, entryId: entry, personId: personId, villageId: f.int64("villageId"), by: principal, today: today)
        }
        return .redirect(to: "/signups/\(id)?msg=saved", type: .found)
    }

    @Sendable func reject(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id(), entry = try context.id("entry")
        let reason = context.form["reason"] ?? ""
        try await env.database.write { db in
            try Self.belongs(db, entry: entry, to: id)
            try SignUpReview.reject(db, entryId: entry, reason: reason, by: principal)
        }
        return .redirect(to: "/signups/\(id)?msg=saved", type: .found)
    }

    /// The entry in the address must be one of the page's (a mixed-up address is a 404, not another page's entry).
    private static func belongs(_ db: Database, entry: Int64, to formId: Int64) throws {
        guard try SignUpReview.formId(db, entryId: entry) == formId else { throw DomainError.notFound("lượt đăng ký", english: "Sign-up") }
    }
}
