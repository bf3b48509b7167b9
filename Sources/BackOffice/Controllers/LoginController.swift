import Foundation
import Hummingbird
import Store

/// Sign in and out. Five failures for one login from one address lock that pair for 15 minutes.
struct LoginController {
    let env: ControllerEnvironment

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/login", use: show)
        router.post("/login", use: signIn)
        router.post("/logout", use: signOut)
        router.get("/language", use: switchLanguage)
    }

    struct LoginPage {
        let csrf: String
        let login: String
        let next: String
        let error: String?
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.principal != nil { return .redirect(to: "/", type: .found) }
        let next = request.uri.queryParameters["next"].map(String.init) ?? "/"
        return loginPage(request, context: context, login: "", next: next, error: nil, status: .ok)
    }

    private func loginPage(_ request: Request, context: AppRequestContext, login: String, next: String, error: String?,
                           status: HTTPResponse.Status) -> Response {
        let token = request.cookies[AppCookies.loginCSRF]?.value ?? Secrets.newToken()
        var response = env.views.render("login", titleKey: "login_title",
                                        page: LoginPage(csrf: token, login: login, next: safeNext(next), error: error),
                                        context: context, status: status)
        response.setCookie(AppCookies.make(AppCookies.loginCSRF, token, secure: env.configuration.secureCookies))
        return response
    }

    /// Only local paths: a crafted link must not send people to another site after signing in.
    private func safeNext(_ next: String) -> String {
        next.hasPrefix("/") && !next.hasPrefix("//") && !next.contains("\\") ? next : "/"
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let login = (context.form.text("login") ?? "").lowercased()
        let password = context.form["password"] ?? ""
        let next = context.form["next"] ?? "/"
        let address = context.remoteAddress
        let database = env.database
        if let until = try await database.read({ try AccountStore.lockedUntil($0, login: login, address: address) }) {
            let minutes = max(1, Int(until.timeIntervalSinceNow / 60.0 + 0.99))
            let message = context.english
                ? "Too many failed attempts. Try again in \(minutes) minute(s)."
                : "Đăng nhập sai quá 5 lần. Vui lòng thử lại sau \(minutes) phút."
            return loginPage(request, context: context, login: login, next: next, error: message, status: .tooManyRequests)
        }
        let account = try await database.read { try AccountStore.find($0, login: login) }
        // Verify against a fixed hash when the login is unknown, so timing does not reveal which logins exist.
        let hash = account?.passwordHash ?? env.passwords.dummyHash
        let valid = try await env.passwords.verify(password, hash: hash)
        guard let account, valid, !account.isDisabled else {
            try await database.write { try AccountStore.recordFailure($0, login: login, address: address) }
            return loginPage(request, context: context, login: login, next: next,
                             error: env.views.text("login_failed", context.language), status: .unauthorized)
        }
        let principal = try await database.read { try AccountStore.principal($0, for: account) }
        let idleCutoff = Date().addingTimeInterval(-env.settings.sessionIdle)
        let session = try await database.write { db in
            // Sessions idle past the limit can never be used again: clear them here, where a write happens anyway.
            try AccountStore.purgeSessions(db, idleBefore: idleCutoff)
            try AccountStore.clearFailures(db, login: login, address: address)
            let session = try AccountStore.openSession(db, accountId: account.id!)
            try Audit.record(db, by: principal, .login, entity: "account", id: account.id, after: ["address": address])
            return session
        }
        var response = Response.redirect(to: safeNext(next), type: .found)
        response.setCookie(AppCookies.make(AppCookies.session, session.cookie, secure: env.configuration.secureCookies))
        response.setCookie(AppCookies.expired(AppCookies.loginCSRF, secure: env.configuration.secureCookies))
        return response
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let cookie = request.cookies[AppCookies.session]?.value, let principal = context.principal {
            try await env.database.write { db in
                try AccountStore.closeSession(db, cookie: cookie)
                try Audit.record(db, by: principal, .logout, entity: "account", id: principal.accountId)
            }
        }
        var response = Response.redirect(to: "/login", type: .found)
        response.setCookie(AppCookies.expired(AppCookies.session, secure: env.configuration.secureCookies))
        return response
    }

    /// A plain link (works without JavaScript); only sets a cookie, changes no data.
    @Sendable func switchLanguage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = Language(rawValue: request.uri.queryParameters["to"].map(String.init) ?? "") ?? .vi
        let back = request.headers[.referer].flatMap { URL(string: $0)?.path } ?? "/"
        var response = Response.redirect(to: safeNext(back.isEmpty ? "/" : back), type: .found)
        response.setCookie(AppCookies.make(AppCookies.language, language.rawValue, maxAge: 365 * 86400,
                                           secure: env.configuration.secureCookies))
        return response
    }
}
