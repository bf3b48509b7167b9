import Foundation
import HTTPTypes
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

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.principal != nil { return .redirect(to: "/", type: .found) }
        let next = request.uri.queryParameters["next"].map(String.init) ?? "/"
        return loginPage(request, context: context, login: "", next: next, error: nil, status: .ok)
    }

    private func loginPage(_ request: Request, context: AppRequestContext, login: String, next: String, error: String?,
                           status: HTTPResponse.Status) -> Response {
        let token = env.anonymousFormToken(request)
        var response = env.views.render("login", titleKey: "login_title",
                                        page: LoginPage(csrf: token, login: login, next: Self.safeNext(next), error: error),
                                        context: context, status: status)
        response.setCookie(AppCookies.make(AppCookies.loginCSRF, token, secure: env.configuration.secureCookies))
        return response
    }

    /// Only local paths: a crafted link must not send people to another site after signing in.
    /// Browsers drop tabs and newlines from a URL and read `\` as `/`, so `/\t/evil.example` would leave the site:
    /// a path with any control character, space or backslash is refused outright.
    static func safeNext(_ next: String) -> String {
        let scalars = next.unicodeScalars
        guard scalars.first == "/", !next.hasPrefix("//"),
              !scalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0 == "\\" || ($0.value >= 0x80 && $0.properties.generalCategory == .control) })
        else { return "/" }
        return next
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let login = String((context.form.text("login") ?? "").lowercased().prefix(64))
        let password = context.form["password"] ?? ""
        let next = context.form["next"] ?? "/"
        let address = env.configuration.clientAddress(peer: context.remoteAddress, forwardedFor: request.headers[.xForwardedFor])
        let database = env.database
        // The attempt is counted before bcrypt runs, in one write: parallel guesses cannot all slip past the lock.
        let attempt = try await database.write { try AccountStore.beginAttempt($0, login: login, address: address) }
        let remaining: Int
        switch attempt {
        case .locked(let until):
            let minutes = max(1, Int(until.timeIntervalSinceNow / 60.0 + 0.99))
            let message = context.english
                ? "Too many failed attempts from this computer. Try again in \(minutes) minute(s)."
                : "Đăng nhập sai quá \(AccountStore.maxFailures) lần từ máy này. Vui lòng thử lại sau \(minutes) phút."
            return loginPage(request, context: context, login: login, next: next, error: message, status: .tooManyRequests)
        case .allowed(let left, let delay):
            remaining = left
            if delay > 0 { try await Task.sleep(for: .seconds(delay)) }
        }
        let account = try await database.read { try AccountStore.find($0, login: login) }
        // Verify against a fixed hash when the login is unknown, so timing does not reveal which logins exist.
        let hash = account?.passwordHash ?? env.passwords.dummyHash
        let valid = try await env.passwords.verify(password, hash: hash)
        guard let account, valid, !account.isDisabled else {
            try await database.write {
                try Audit.record($0, by: .system, .loginFailed, entity: "account", id: account?.id, after: ["login": login, "address": address])
            }
            var message = env.views.text("login_failed", context.language)
            if remaining <= 2 {
                message += " " + (remaining == 0
                    ? (context.english ? "Sign-in from this computer is now locked for 15 minutes." : "Đăng nhập từ máy này bị khóa 15 phút.")
                    : (context.english ? "\(remaining) attempt(s) left before a 15-minute lock." : "Còn \(remaining) lần thử trước khi bị khóa 15 phút."))
            }
            return loginPage(request, context: context, login: login, next: next, error: message, status: .unauthorized)
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
        var response = Response.redirect(to: Self.safeNext(next), type: .found)
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
        var response = Response.redirect(to: Self.safeNext(back.isEmpty ? "/" : back), type: .found)
        response.setCookie(AppCookies.make(AppCookies.language, language.rawValue, maxAge: 365 * 86400,
                                           secure: env.configuration.secureCookies))
        return response
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}
