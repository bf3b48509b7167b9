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
    let loginTokens: LoginFormToken

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix("/static/") { return try await next(request, context) }
        var context = context
        var request = request
        context.language = language(for: request)
        context.path = request.uri.path
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
            if context.principal != nil, request.method == .post || request.method == .put || request.method == .patch {
                let body = try await Self.utf8Body(&request, context: context)
                let problems = JSONText.problems(in: body)
                if !problems.isEmpty { throw DomainError.invalid(problems) }
            }
            return
        }
        let cookie = request.cookies[AppCookies.session]?.value
        if let cookie, !cookie.isEmpty {
            let idle = settings.sessionIdle
            if let session = try await database.read({ try AccountStore.session($0, cookie: cookie, idle: idle) }) {
                context.principal = session.principal
                context.csrfToken = session.csrfToken
                context.mustChangePassword = session.mustChangePassword
                if session.needsTouch { try await database.write { try AccountStore.touchSession($0, cookie: cookie) } }
            }
        }
        if request.method == .post, let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary) {
            // A file upload: the file's bytes are binary (an .xlsx), the form's own fields text.
            let body = try await request.collectBody(upTo: MultipartForm.largestBody)
            request.body = .init(buffer: body)
            guard let parts = MultipartForm(body: Data(body.readableBytesView), boundary: boundary) else {
                throw DomainError(.invalid, "Không đọc được tệp gửi lên (biểu mẫu bị cắt hoặc hỏng). Hãy chọn lại tệp và gửi lại.",
                                  english: "The upload could not be read (the form was cut off or damaged). Choose the file again and send it.")
            }
            context.form = FormData(pairs: parts.fields)
            context.uploads = parts.files
            try checkCSRF(request, context: context)
            let problems = context.form.textProblems()
            if !problems.isEmpty { throw DomainError.invalid(problems) }
        } else if request.method == .post {
            let body = try await Self.utf8Body(&request, context: context)
            context.form = FormData(urlEncoded: String(buffer: body))
            try checkCSRF(request, context: context)
            let problems = context.form.textProblems()
            if !problems.isEmpty { throw DomainError.invalid(problems) }
        }
    }

    /// The body, read once and put back for the handler. Bytes that are not UTF-8 would turn into U+FFFD without a
    /// word further on: they are refused here instead.
    private static func utf8Body(_ request: inout Request, context: Context) async throws -> ByteBuffer {
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        request.body = .init(buffer: body)
        guard String(validating: body.readableBytesView, as: UTF8.self) != nil else {
            throw DomainError(.invalid, "Dữ liệu gửi lên không phải UTF-8. Hãy lưu tệp dạng UTF-8 rồi gửi lại.",
                              english: "What was sent is not UTF-8. Save it as UTF-8 and send it again.")
        }
        return body
    }

    /// Signed-in forms carry the session's token; the login form carries the pre-login cookie's (double submit).
    private func checkCSRF(_ request: Request, context: Context) throws {
        let sent = context.form["_csrf"] ?? ""
        let expected = context.principal != nil ? context.csrfToken : (request.cookies[AppCookies.loginCSRF]?.value ?? "")
        let genuine = context.principal != nil || loginTokens.isGenuine(expected)
        guard !expected.isEmpty, genuine, Secrets.constantTimeEqual(sent, expected) else {
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
        if context.principal != nil {
            // A one-time password leads every page to the password change (signing out stays possible).
            if context.mustChangePassword && !OwnPasswordController.paths.contains(request.uri.path) {
                return .redirect(to: OwnPasswordController.path, type: .found)
            }
            return try await next(request, context)
        }
        if request.uri.path.hasPrefix("/api/") {
            throw DomainError(.unauthorized, "Cần mã truy cập API (Authorization: Bearer …).",
                              english: "An API token is required (Authorization: Bearer …).")
        }
        let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        let next = target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
        return .redirect(to: "/login?next=\(next)", type: .found)
    }
}
