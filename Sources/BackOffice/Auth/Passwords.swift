import HummingbirdBcrypt
import NIOPosix

/// bcrypt off the event loops: a cost-12 hash takes ~250 ms of CPU and must not stall other requests.
public struct Passwords: Sendable {
    public let cost: UInt8
    /// A real hash to verify against when a login is unknown, so both paths take the same time.
    let dummyHash: String

    public init(cost: UInt8) {
        self.cost = cost
        dummyHash = Bcrypt.hash("densach-no-such-account", cost: cost)
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Rules a new password must meet, in Vietnamese; nil when acceptable.
    public static func problem(with password: String) -> String? {
        if password.count < 10 { return "Mật khẩu phải có ít nhất 10 ký tự" }
        if password.count > 72 { return "Mật khẩu dài tối đa 72 ký tự" }
        return nil
    }
}
