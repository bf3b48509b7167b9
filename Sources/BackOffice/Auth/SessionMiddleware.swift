import Foundation
import Hummingbird
import Store

/// Runs before every route: picks the language, finds who is signed in (session cookie for pages, bearer token
/// for the API), reads the form of a POST and refuses it unless it carries the right CSRF token.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let database: AppDatabase
    let settings: SettingsCache
    let views: Views

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix("/static/") { return try await next(request, context) }
        var context = context
        var request = request
        context.language = language(for: request)
        do {
            try await identify(&request, &context)
        } catch {
            // Refusals here (bad token, CSRF) are answered in the visitor's language, like any other error.
            return ErrorMiddleware.response(for: error, request: request, context: context, views: views)
        }
        return try await next(request, context)
    }

    private func identify(_ request: inout Request, _ context: inout Context) async throws {
        let isAPI = request.uri.path.hasPrefix("/api/")
        if isAPI {
            if let token = bearerToken(request) {
                context.principal = try await database.read { try AccountStore.principal($0, bearerToken: token) }
                if context.principal == nil {
                    throw DomainError(.unauthorized, "Mã truy cập API không hợp lệ hoặc đã bị thu hồi.",
                                      english: "The API token is invalid or revoked.")
                }
            }
            return
        }
        let cookie = request.cookies[AppCookies.session]?.value
        if let cookie, !cookie.isEmpty {
            let idle = settings.sessionIdle
            if let session = try await database.read({ try AccountStore.session($0, cookie: cookie, idle: idle) }) {
                context.principal = session.principal
                context.csrfToken = session.csrfToken
                if session.needsTouch { try await database.write { try AccountStore.touchSession($0, cookie: cookie) } }
            }
        }
        if request.method == .post {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            request.body = .init(buffer: body)
            context.form = FormData(urlEncoded: String(buffer: body))
            try checkCSRF(request, context: context)
        }
    }

    /// Signed-in forms carry the session's token; the login form carries the pre-login cookie's (double submit).
    private func checkCSRF(_ request: Request, context: Context) throws {
        let sent = context.form["_csrf"] ?? ""
        let expected = context.principal != nil ? context.csrfToken : (request.cookies[AppCookies.loginCSRF]?.value ?? "")
        guard !expected.isEmpty, Secrets.constantTimeEqual(sent, expected) else {
            throw DomainError(.forbidden, "Biểu mẫu đã hết hạn hoặc không hợp lệ (mã chống giả mạo CSRF). Hãy tải lại trang và thử lại.",
                              english: "The form expired or is invalid (CSRF token). Reload the page and try again.")
        }
    }

    private func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { return nil }
        return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }

    /// Cookie chosen on the page, else the browser's Accept-Language, else the commune's default.
    private func language(for request: Request) -> Language {
        if let chosen = request.cookies[AppCookies.language]?.value, let language = Language(rawValue: chosen) { return language }
        if let accept = request.headers[.acceptLanguage]?.lowercased() {
            let first = accept.split(separator: ",").first?.trimmingCharacters(in: .whitespaces) ?? ""
            if first.hasPrefix("en") { return .en }
            if first.hasPrefix("vi") { return .vi }
        }
        return settings.defaultLanguageSnapshot
    }
}

/// Pages answer an anonymous visitor with the login page; the API with 401.
struct RequireSignIn: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if context.principal != nil { return try await next(request, context) }
        if request.uri.path.hasPrefix("/api/") {
            throw DomainError(.unauthorized, "Cần mã truy cập API (Authorization: Bearer …).",
                              english: "An API token is required (Authorization: Bearer …).")
        }
        let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        let next = target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
        return .redirect(to: "/login?next=\(next)", type: .found)
    }
}
