import Hummingbird
import Store

/// The context of every route behind `RequireSignIn` (the back office's pages and the API): the account is there, so
/// a handler reads `context.principal` and cannot forget to ask for it. Everything the session middleware set on the
/// request (language, form, CSRF token, uploads) reads through as on `AppRequestContext`.
@dynamicMemberLookup
package struct SignedInContext: ChildRequestContext {
    package typealias ParentContext = AppRequestContext
    package var coreContext: CoreRequestContextStorage
    package let principal: Principal
    /// The request's context as the middleware left it: what pages and downloads are rendered with.
    package let app: AppRequestContext

    package init(context: AppRequestContext) throws {
        // `RequireSignIn` has answered already (a redirect to the sign-in page, or 401) when nobody is signed in.
        guard let principal = context.principal else {
            throw DomainError(.unauthorized, "Vui lòng đăng nhập.", english: "Please sign in.")
        }
        coreContext = context.coreContext
        self.principal = principal
        app = context
    }

    package subscript<Value>(dynamicMember path: KeyPath<AppRequestContext, Value>) -> Value { app[keyPath: path] }
}
