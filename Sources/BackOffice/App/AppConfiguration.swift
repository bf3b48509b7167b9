import Foundation
import Vietnamese

/// Everything the web application needs to know that is not in the database.
package struct AppConfiguration: Sendable {
    package var host: String
    package var port: Int
    /// Folder of page templates (`layout.mustache` at its root) and of `i18n/`.
    package var webDirectory: String
    /// Folder of user-editable templates (`messages/`, documents).
    package var templatesDirectory: String
    /// Folder of the YAML data staff may edit (`observances.yaml`, plan templates, criteria).
    package var campaignsDirectory: String
    /// bcrypt cost: 12 in production; tests lower it to stay fast.
    package var bcryptCost: UInt8
    /// Set when served over HTTPS (behind a reverse proxy): cookies get the Secure flag.
    package var secureCookies: Bool
    /// Addresses of reverse proxies whose `X-Forwarded-For` is believed: behind one, every request comes from the
    /// proxy, and the sign-in lock must count the real client's address instead.
    package var trustedProxies: Set<String> = []
    /// The system clock in the server; a fixed one in tests of pages that show today.
    package var clock: WallClock = .system

    package init(host: String = "127.0.0.1", port: Int = 8080, webDirectory: String = "web", templatesDirectory: String = "Templates",
                campaignsDirectory: String = "campaigns", bcryptCost: UInt8 = 12, secureCookies: Bool = false) {
        self.campaignsDirectory = campaignsDirectory
        self.host = host
        self.port = port
        self.webDirectory = webDirectory
        self.templatesDirectory = templatesDirectory
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
    }

    /// The address a request really came from: the socket's peer, or, when that peer is a trusted proxy, the last
    /// address it appended to `X-Forwarded-For` (earlier entries are whatever the client claimed).
    package func clientAddress(peer: String, forwardedFor: String?) -> String {
        guard trustedProxies.contains(peer), let forwardedFor,
              let last = forwardedFor.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty, last.count <= 64
        else { return peer }
        return last
    }

    package var pagesDirectory: String { webDirectory + "/pages" }
    package var staticDirectory: String { webDirectory + "/static" }
    package var stringsDirectory: String { webDirectory + "/i18n" }
}
