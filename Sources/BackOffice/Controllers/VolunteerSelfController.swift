import Composition
import Foundation
import Hummingbird
import SignUp
import Socialization
import Store
import Vietnamese

/// A volunteer's own page, opened by their personal link (no account): their unit and skills, their hours of the
/// year — proposing new ones, which staff approve as any others — and a printable certificate of hours. The token
/// opens that page only; an unknown, expired or revoked one gets the same "not valid" answer.
struct VolunteerSelfController {
    let env: ControllerEnvironment

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/v/:token", use: page)
        router.post("/v/:token/hours", use: proposeHours)
        router.get("/v/:token/certificate", use: certificate)
    }

    private func volunteer(_ context: AppRequestContext) async throws -> (Volunteer, String) {
        let token = context.parameters.get("token") ?? ""
        let today = env.clock.today()
        guard let volunteer = try await env.database.read({ try VolunteerLinks.volunteer($0, token: token, today: today) }) else {
            throw DomainError.notFound("trang tình nguyện viên (đường dẫn không còn hiệu lực)", english: "Volunteer page (the link is no longer valid)")
        }
        return (volunteer, token)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await render(request, context: context)
    }

    private func render(_ request: Request, context: AppRequestContext, errors: [String: String] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        let (volunteer, token) = try await volunteer(context)
        let english = context.english
        let today = env.clock.today()
        let acting = VolunteerLinks.principal(for: volunteer)
        let (item, hours, calls, roles) = try await env.database.read { db in
            (try VolunteerStore.get(db, id: volunteer.id!, year: today.year, for: acting), try VolunteerStore.hours(db, volunteerId: volunteer.id!, year: today.year, for: acting),
             try SignUpForms.openVolunteerCalls(db, unitId: volunteer.unitId, today: today).map {
                 Call($0, when: try SignUpForms.occasion(db, $0).when)
             },
             try VolunteerStore.roles(db, volunteerId: volunteer.id!))
        }
        let formToken = env.formToken(request, context)
        let page = Page(token: token, volunteer: volunteer, item: item, hours: hours, calls: calls, roles: roles, today: today,
                        english: english, csrf: formToken, errors: errors)
        // No session here: the form carries the pre-login cookie's token, as the sign-in form does (double submit).
        var response = env.views.render("volunteer-self", titleKey: "vself_title", page: page, context: context, status: status, flash: env.flash(request, context))
        response.setCookie(AppCookies.make(AppCookies.loginCSRF, formToken, secure: env.configuration.secureCookies))
        return response
    }

    @Sendable func proposeHours(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (volunteer, token) = try await volunteer(context)
        let f = context.form
        let input = VolunteerStore.HoursInput(date: f["date"] ?? "", hours: f["hours"] ?? "", description: f.text("description"))
        let acting = VolunteerLinks.principal(for: volunteer)
        return try await env.write(orShow: { try await render(request, context: context, errors: $0, status: .unprocessableContent) }) { db in
            _ = try VolunteerStore.logHours(db, volunteerId: volunteer.id!, input, by: acting)
            return "/v/\(token)?msg=saved"
        }
    }

    /// The certificate of approved volunteer hours for a year, A4, with the commune's signature block.
    @Sendable func certificate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (volunteer, _) = try await volunteer(context)
        let today = env.clock.today()
        let year = (try request.queryYear()) ?? today.year
        let acting = VolunteerLinks.principal(for: volunteer)
        let settings = env.settings
        let (item, hours) = try await env.database.read { db in
            (try VolunteerStore.get(db, id: volunteer.id!, year: year, for: acting),
             try VolunteerStore.hours(db, volunteerId: volunteer.id!, status: .approved, year: year, for: acting))
        }
        let model = VolunteerCertificate.Model(item: item, hours: hours, year: year, today: today,
                                               committee: settings.value(Settings.committeeName),
                                               commune: settings.value(Settings.communeName),
                                               signerTitle: settings.value(Settings.signerTitle),
                                               signerName: settings.value(Settings.signerName))
        return env.views.render("honours-document", titleKey: "", title: "Giấy chứng nhận tình nguyện \(year)",
                                page: Views.Fragment(html: env.documents.render("volunteer-certificate", model)), context: context, section: "socialization")
    }
}

/// What the certificate of volunteer hours says.
enum VolunteerCertificate {
}
