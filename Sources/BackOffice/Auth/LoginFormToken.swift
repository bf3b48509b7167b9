import Crypto
import Foundation
import Store

/// The sign-in form's CSRF token (double submit: a cookie and a hidden field). It is signed with a key only this
/// process knows, so a cookie and field pair planted by someone else (a sibling subdomain, a shared browser) is
/// refused: only tokens the server itself handed out sign anyone in.
struct LoginFormToken: Sendable {
    private let key = SymmetricKey(size: .bits256)

    func make() -> String {
        let nonce = Secrets.newToken(bytes: 18)
        return nonce + "." + signature(nonce)
    }

    func isGenuine(_ token: String) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        return Secrets.constantTimeEqual(String(parts[1]), signature(String(parts[0])))
    }

    private func signature(_ nonce: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(nonce.utf8), using: key)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
