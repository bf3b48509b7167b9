import Hummingbird
import NIOCore
import Store

public enum Language: String, Sendable, CaseIterable {
    case vi, en
}

/// Per-request state: who is signed in, their CSRF token, the language, and the parsed form of a POST.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var principal: Principal?
    public var csrfToken = ""
    public var language: Language = .vi
    public var form = FormData()
    /// The files of a `multipart/form-data` POST (an import page's upload).
    var uploads: [MultipartForm.File] = []
    public var remoteAddress: String
    /// The signed-in account still has a one-time password: pages lead to the password change until it is replaced.
    public var mustChangePassword = false
    /// The path asked for (the current sub-tab is marked from it).
    public var path = ""

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    public var english: Bool { language == .en }

    /// The signed-in principal; routes behind `RequireSignIn` always have one.
    public func signedIn() throws -> Principal {
        guard let principal else {
            throw DomainError(.unauthorized, "Vui lòng đăng nhập.", english: "Please sign in.")
        }
        return principal
    }
}
