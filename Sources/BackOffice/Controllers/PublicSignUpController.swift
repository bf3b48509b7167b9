import Foundation
import Hummingbird
import SignUp
import Store
import Vietnamese

/// The public sign-up page (no account) at `/s/CODE`: only what the organiser chose to ask, the consent per channel
/// in the words that will be kept, a honeypot; the answer never repeats what was typed. Works without JavaScript.
struct PublicSignUpController {
    let env: ControllerEnvironment

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/s/:code", use: page)
        router.post("/s/:code", use: submit)
        router.get("/s/:code/thanks", use: thanks)
    }

    private func form(_ context: AppRequestContext) async throws -> SignUpForm {
        let code = context.parameters.get("code") ?? ""
        guard let form = try await env.database.read({ try SignUpForms.byCode($0, code: code) }) else {
            throw DomainError.notFound("trang đăng ký", english: "Sign-up page")
        }
        return form
    }

    /// The page as first opened is kept rendered until the store changes (it is what a poster's QR code opens, many
    /// times over); only the visitor's anti-forgery token is written into it each time.
    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let code = (context.parameters.get("code") ?? "").lowercased()
        let key = "signup|\(code)|\(context.language.rawValue)|\(env.clock.today().iso)"
        let version = try env.database.changes.current()
        let cached = try await env.pageCache.html(key, version: version) {
            let form = try await form(context)
            return form.title + "\n" + (try await fragment(context: context, form: form, csrf: Self.visitorTokenMarker))
        }
        let parts = cached.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let title = String(parts[0]), html = parts.count > 1 ? String(parts[1]) : ""
        let token = env.formToken(request, context)
        return respond(context, title: title, html: html.replacingOccurrences(of: Self.visitorTokenMarker, with: token), token: token, status: .ok)
    }

    /// Stands in the kept page where each visitor's own anti-forgery token is written.
    private static let visitorTokenMarker = "densach-visitor-form-token"

    private func respond(_ context: AppRequestContext, title: String, html: String, token: String, status: HTTPResponse.Status) -> Response {
        var response = env.views.render("signup-public", titleKey: "", title: title, page: Views.Fragment(html: html), context: context, status: status)
        // No session: the form carries the pre-login cookie's token, as the sign-in form does (double submit).
        response.setCookie(AppCookies.make(AppCookies.loginCSRF, token, secure: env.configuration.secureCookies))
        return response
    }

    private func fragment(context: AppRequestContext, form: SignUpForm, values: [String: String] = [:], ticked: Set<String> = [],
                          errors: [String: String] = [:], problem: String = "", csrf: String) async throws -> String {
        let today = env.clock.today()
        let (occasion, full, villages) = try await env.database.read { db in
            (try SignUpForms.occasion(db, form), try SignUpForms.isFull(db, form), form.askVillage ? try UnitStore.villageNames(db, for: .system) : [])
        }
        let commune = env.settings.value(Settings.communeName)
        let selectedVillage = values["villageId"] ?? ""
        let page = SignUpPages.PublicForm(
            code: form.code, title: form.title, kind: form.kind.label(english: context.english), when: occasion.when, place: occasion.place,
            closesOn: form.closesOn?.display ?? "", open: form.isOpen(on: today), full: full,
            askBirthYear: form.askBirthYear, askVillage: form.askVillage, askPhone: form.askPhone,
            askGuardian: form.askBirthYear && !form.channelList.isEmpty,
            villages: villages.map { Option(id: $0.id, label: $0.name, selected: String($0.id) == selectedVillage) },
            consents: form.channelList.map {
                .init(channel: $0.rawValue, text: PublicSignUp.consentText(form, channel: $0, commune: commune),
                      checked: ticked.contains($0.rawValue))
            },
            hasConsents: !form.channelList.isEmpty, values: values, errors: errors, problem: problem, csrf: csrf)
        return env.views.fragment("signup-public-form", page: page, language: context.language)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await form(context)
        let f = context.form
        let submission = PublicSignUp.Submission(
            fullName: f["fullName"] ?? "", birthYear: f["birthYear"] ?? "", villageId: f["villageId"] ?? "", phone: f["phone"] ?? "",
            guardianName: f["guardianName"] ?? "", channels: f.all("consent"), honeypot: f["website"] ?? "",
            address: env.configuration.clientAddress(peer: context.remoteAddress, forwardedFor: request.headers[.xForwardedFor]))
        let commune = env.settings.value(Settings.communeName)
        let today = env.clock.today()
        let outcome: PublicSignUp.Outcome
        do {
            outcome = try await env.database.write { db in
                try PublicSignUp.submit(db, form: form, submission, commune: commune, limits: try PublicSignUp.Limits.fromSettings(db), today: today)
            }
        } catch let error as DomainError where error.kind != .notFound {
            let values = ["fullName": submission.fullName, "birthYear": submission.birthYear, "villageId": submission.villageId,
                          "phone": submission.phone, "guardianName": submission.guardianName]
            let token = env.formToken(request, context)
            let html = try await fragment(context: context, form: form, values: values, ticked: Set(submission.channels), errors: error.fieldErrors,
                                          problem: error.message(english: context.english), csrf: token)
            return respond(context, title: form.title, html: html, token: token, status: ErrorMiddleware.status(error.kind))
        }
        switch outcome {
        case .received(let waiting?): return .redirect(to: "/s/\(form.code)/thanks?wait=\(waiting)", type: .found)
        case .received(nil), .ignored: return .redirect(to: "/s/\(form.code)/thanks", type: .found)
        }
    }

    @Sendable func thanks(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await form(context)
        let waiting = try request.queryInt("wait", in: 1...100_000).map(String.init) ?? ""
        return env.views.render("signup-thanks", titleKey: "", title: form.title, page: Thanks(code: form.code, title: form.title, waiting: waiting),
                                context: context)
    }
}
