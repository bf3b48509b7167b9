import Hummingbird
import NIOCore
import Store

package enum Language: String, Sendable, CaseIterable {
    case vi, en
}

/// Per-request state: who is signed in, their CSRF token, the language, and the parsed form of a POST.
package struct AppRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    package var principal: Principal?
    package var csrfToken = ""
    package var language: Language = .vi
    package var form = FormData()
    /// The files of a `multipart/form-data` POST (an import page's upload).
    var uploads: [MultipartForm.File] = []
    package var remoteAddress: String
    /// The signed-in account still has a one-time password: pages lead to the password change until it is replaced.
    package var mustChangePassword = false
    /// The path asked for (the current sub-tab is marked from it).
    package var path = ""

    package init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    package var english: Bool { language == .en }
}
