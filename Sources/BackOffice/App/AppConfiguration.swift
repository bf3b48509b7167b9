import Foundation

/// Everything the web application needs to know that is not in the database.
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Folder of page templates (`layout.mustache` at its root) and of `i18n/`.
    public var webDirectory: String
    /// Folder of user-editable templates (`messages/`, documents).
    public var templatesDirectory: String
    /// Folder of the YAML data staff may edit (`observances.yaml`, plan templates, criteria).
    public var campaignsDirectory: String
    /// bcrypt cost: 12 in production; tests lower it to stay fast.
    public var bcryptCost: UInt8
    /// Set when served over HTTPS (behind a reverse proxy): cookies get the Secure flag.
    public var secureCookies: Bool

    public init(host: String = "127.0.0.1", port: Int = 8080, webDirectory: String = "web", templatesDirectory: String = "Templates",
                campaignsDirectory: String = "campaigns", bcryptCost: UInt8 = 12, secureCookies: Bool = false) {
        self.campaignsDirectory = campaignsDirectory
        self.host = host
        self.port = port
        self.webDirectory = webDirectory
        self.templatesDirectory = templatesDirectory
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
    }

    public var pagesDirectory: String { webDirectory + "/pages" }
    public var staticDirectory: String { webDirectory + "/static" }
    public var stringsDirectory: String { webDirectory + "/i18n" }
}
