import HummingbirdBcrypt
import NIOPosix

/// bcrypt off the event loops: a cost-12 hash takes ~250 ms of CPU and must not stall other requests.
package struct Passwords: Sendable {
    package let cost: UInt8
    /// A real hash to verify against when a login is unknown, so both paths take the same time.
    package let dummyHash: String

    package init(cost: UInt8) {
        self.cost = cost
        dummyHash = Bcrypt.hash("densach-no-such-account", cost: cost)
    }

    package func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    package func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Rules a new password must meet, in Vietnamese; nil when acceptable. bcrypt reads only the first 72 bytes, and
    /// a Vietnamese letter takes up to 3 of them in UTF-8, so the limit is in bytes: two long passwords sharing
    /// their first 72 bytes would otherwise both open the account.
    package static func problem(with password: String, login: String = "") -> String? {
        if password.count < 10 { return "Mật khẩu phải có ít nhất 10 ký tự" }
        if password.utf8.count > 72 { return "Mật khẩu dài tối đa 72 byte (khoảng 24 chữ có dấu hoặc 72 chữ không dấu)" }
        if Set(password.unicodeScalars).count < 5 { return "Mật khẩu cần ít nhất 5 ký tự khác nhau" }
        let folded = password.lowercased()
        if !login.isEmpty && folded.contains(login.lowercased()) { return "Mật khẩu không được chứa tên đăng nhập" }
        if commonPasswords.contains(where: { folded.hasPrefix($0) }) { return "Mật khẩu này quá dễ đoán" }
        return nil
    }

    /// Passwords guessed first (the digits and words people in Vietnamese offices use most).
    package static let commonPasswords = ["1234567890", "0123456789", "password", "matkhau", "admin", "qwerty", "abc123456", "12345678",
                                  "iloveyou", "densach", "ubnd", "khuyenhoc"]
}
