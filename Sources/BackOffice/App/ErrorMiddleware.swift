import Foundation
import Hummingbird
import Logging
import NIOCore
import Store

/// Turns every failure into an answer a person can read: a Vietnamese error page for pages, JSON for the API.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let views: Views
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            // A path that exists, asked with a method it does not take.
            let allowed = routes.methods(for: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else {
                return Self.response(for: error, request: request, context: context, views: views)
            }
            var response = Self.response(for: HTTPError(.methodNotAllowed, message: allowed.sorted().joined(separator: ", ")),
                                         request: request, context: context, views: views)
            response.headers[.allow] = Set(allowed).sorted().joined(separator: ", ")
            return response
        } catch {
            return Self.response(for: error, request: request, context: context, views: views)
        }
    }

    static func response(for error: any Error, request: Request, context: Context, views: Views) -> Response {
        switch error {
        case let error as DomainError:
            return respond(request, context, views, status: status(error.kind), message: error.message(english: context.english),
                           fields: error.fieldErrors)
        case let error as HTTPError:
            let key = switch error.status {
            case .notFound: "error_notFound"
            case .methodNotAllowed: "error_methodNotAllowed"
            case .contentTooLarge: "error_tooLarge"
            default: "error_badRequest"
            }
            var message = views.text(key, context.language)
            if error.status == .methodNotAllowed, let body = error.body { message += " " + body }
            else if error.status != .notFound, let body = error.body { message += " (\(body))" }
            return respond(request, context, views, status: error.status, message: message, fields: [:])
        case is NIOTooManyBytesError:
            return respond(request, context, views, status: .contentTooLarge, message: views.text("error_tooLarge", context.language), fields: [:])
        default:
            context.logger.error("Unhandled error: \(error)")
            return respond(request, context, views, status: .internalServerError,
                           message: views.text("error_internal", context.language), fields: [:])
        }
    }

    static func status(_ kind: DomainError.Kind) -> HTTPResponse.Status {
        switch kind {
        case .notFound: return .notFound
        case .invalid: return .unprocessableContent
        case .forbidden: return .forbidden
        case .conflict: return .conflict
        case .unauthorized: return .unauthorized
        case .tooManyRequests: return .tooManyRequests
        case .stale: return .preconditionFailed
        }
    }

    private static func respond(_ request: Request, _ context: Context, _ views: Views, status: HTTPResponse.Status,
                                message: String, fields: [String: String]) -> Response {
        if request.uri.path.hasPrefix("/api/") {
            return APIResponse.error(status: status, message: message, fields: fields)
        }
        // A form posted with mistakes but no page of its own to come back to: list each mistake and link back.
        struct ErrorPage { let status: Int; let message: String; let fields: [String]; let hasFields: Bool; let back: String? }
        return views.render("error", titleKey: "error_title",
                            page: ErrorPage(status: Int(status.code), message: message, fields: fields.sorted { $0.key < $1.key }.map(\.value), hasFields: !fields.isEmpty,
                                            back: request.method == .post ? sameSitePath(request.headers[.referer]) : nil),
                            context: context, status: status)
    }

    /// The path of a referring page on this site, or nil (never a link to elsewhere).
    static func sameSitePath(_ referer: String?) -> String? {
        guard let referer, let url = URL(string: referer), !url.path.isEmpty, url.path.hasPrefix("/") else { return nil }
        return url.path + (url.query.map { "?" + $0 } ?? "")
    }
}
