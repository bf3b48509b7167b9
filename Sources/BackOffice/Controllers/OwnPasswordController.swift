import Composition
import Foundation
import Hummingbird
import Store

/// Every account changes its own password here; an account with a one-time password is sent here before any
/// other page. The new password ends the account's other sessions; this browser stays signed in.
struct OwnPasswordController {
    static let path = "/account/password"
    /// What an account with a one-time password may still open.
    static let paths: Set<String> = [path, "/logout"]
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get(RouterPath(stringLiteral: Self.path), use: show)
        router.post(RouterPath(stringLiteral: Self.path), use: change)
    }

    private func page(_ context: SignedInContext, errors: [String: String] = [:], status: HTTPResponse.Status = .ok) throws -> Response {
        let principal = context.principal
        return env.views.render("account-password", titleKey: "password_title",
                                page: Page(csrf: context.csrfToken, forced: context.mustChangePassword, errors: errors,
                                           hasErrors: !errors.isEmpty, login: principal.login), context: context, status: status)
    }

    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response { try page(context) }

    @Sendable func change(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let form = context.form
        let current = form["current"] ?? "", new = form["new"] ?? "", repeated = form["repeat"] ?? ""
        let account = try await env.database.read { try AccountStore.find($0, login: principal.login) }
        guard let account else { throw DomainError.forbidden }
        let english = context.english
        var errors: [String: String] = [:]
        if !(try await env.passwords.verify(current, hash: account.passwordHash)) {
            errors["current"] = english ? "This is not your current password." : "Mật khẩu hiện tại không đúng."
        }
        if let problem = Passwords.problem(with: new, login: principal.login) { errors["new"] = problem }
        else if new == current { errors["new"] = english ? "Choose a password other than the current one." : "Hãy chọn mật khẩu khác mật khẩu hiện tại." }
        if new != repeated { errors["repeat"] = english ? "The two new passwords differ." : "Hai lần nhập mật khẩu mới không giống nhau." }
        if !errors.isEmpty { return try page(context, errors: errors, status: .unprocessableContent) }
        let hash = try await env.passwords.hash(new)
        let session = try await env.database.write { db in
            try AccountStore.setPassword(db, login: principal.login, passwordHash: hash, by: principal)  // ends every session
            return try AccountStore.openSession(db, accountId: account.id!)
        }
        var response = Response.redirect(to: "/?msg=password", type: .found)
        response.setCookie(AppCookies.make(AppCookies.session, session.cookie, secure: env.configuration.secureCookies))
        return response
    }
}
