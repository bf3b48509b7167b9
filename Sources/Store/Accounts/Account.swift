import Foundation
import GRDB
import Vietnamese

/// Roles, as the command line names them: `admin`, `officer`, `editor` (scoped to units), `viewer`.
public enum Role: String, Codable, CaseIterable, Sendable, Labelled {
    case admin, officer, editor, viewer

    public var label: String {
        switch self {
        case .admin: return "Quản trị hệ thống"
        case .officer: return "Công chức Văn hóa – Xã hội"
        case .editor: return "Biên tập viên đơn vị"
        case .viewer: return "Chỉ xem"
        }
    }

    public var englishLabel: String {
        switch self {
        case .admin: return "System administrator"
        case .officer: return "Culture and Social Affairs officer"
        case .editor: return "Unit editor"
        case .viewer: return "View only"
        }
    }
}

public struct Account: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "account"

    public var id: Int64?
    public var login: String
    public var displayName: String
    /// bcrypt hash; never the password itself.
    public var passwordHash: String
    public var role: Role
    public var isDisabled: Bool
    public var createdAt: Date
    public var lastLoginAt: Date?
    /// Set with a one-time password: every page leads to "change your password" until the owner has.
    public var mustChangePassword = false

    public init(login: String, displayName: String, passwordHash: String, role: Role, now: Date = Date()) {
        self.login = login.trimmingCharacters(in: .whitespaces).lowercased()
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.isDisabled = false
        self.createdAt = now
    }

    public enum Columns {
        public static let login = Column("login")
        public static let role = Column("role")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// What the audit trail stores of an account: never the hash.
    public var auditView: [String: String] {
        ["login": login, "displayName": displayName, "role": role.rawValue, "isDisabled": String(isDisabled)]
    }
}

/// An API token: only its SHA-256 hash is stored; the token itself is shown once.
public struct ApiToken: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "apiToken"
    public var id: Int64?
    public var accountId: Int64
    public var tokenHash: String
    public var createdAt: Date
    public var revokedAt: Date?
    /// What the token opens: `api` (everything the account may do) or `calendar` (the calendar feeds only).
    public var scope: String = TokenScope.api.rawValue

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public enum TokenScope: String, Sendable {
    case api, calendar
}

/// A signed-in browser session; the cookie holds the secret, the table holds its hash.
public struct WebSession: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "webSession"
    public var idHash: String
    public var accountId: Int64
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
}
