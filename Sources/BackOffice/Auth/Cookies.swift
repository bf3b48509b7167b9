import Foundation
import Hummingbird

/// The cookies the back office sets: all HttpOnly and SameSite=Lax.
enum AppCookies {
    static let session = "densach_session"
    static let loginCSRF = "densach_csrf"
    static let language = "densach_lang"

    static func make(_ name: String, _ value: String, maxAge: Int? = nil, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    static func expired(_ name: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
