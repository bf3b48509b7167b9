import Foundation
import GRDB
import Vietnamese

/// Roles, as the command line names them: `admin`, `officer`, `editor` (scoped to units), `viewer`.
package enum Role: String, Codable, CaseIterable, Sendable, Labelled {
    case admin, officer, editor, viewer

    package var label: String {
        switch self {
        case .admin: return "Quản trị hệ thống"
        case .officer: return "Công chức Văn hóa – Xã hội"
        case .editor: return "Biên tập viên đơn vị"
        case .viewer: return "Chỉ xem"
        }
    }

    package var englishLabel: String {
        switch self {
        case .admin: return "System administrator"
        case .officer: return "Culture and Social Affairs officer"
        case .editor: return "Unit editor"
        case .viewer: return "View only"
        }
    }
}

package struct Account: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "account"

    package var id: Int64?
    package var login: String
    package var displayName: String
    /// bcrypt hash; never the password itself.
    package var passwordHash: String
    package var role: Role
    package var isDisabled: Bool
    package var createdAt: Date
    package var lastLoginAt: Date?
    /// Set with a one-time password: every page leads to "change your password" until the owner has.
    package var mustChangePassword = false

    package init(login: String, displayName: String, passwordHash: String, role: Role, now: Date = Date()) {
        self.login = login.trimmingCharacters(in: .whitespaces).lowercased()
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.isDisabled = false
        self.createdAt = now
    }

    package enum Columns {
        package static let login = Column("login")
        package static let role = Column("role")
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// What the audit trail stores of an account: never the hash.
    package var auditView: [String: String] {
        ["login": login, "displayName": displayName, "role": role.rawValue, "isDisabled": String(isDisabled)]
    }
}

/// An API token: only its SHA-256 hash is stored; the token itself is shown once.
package struct ApiToken: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "apiToken"
    package var id: Int64?
    package var accountId: Int64
    package var tokenHash: String
    package var createdAt: Date
    package var revokedAt: Date?
    /// What the token opens: `api` (everything the account may do) or `calendar` (the calendar feeds only).
    package var scope: String = TokenScope.api.rawValue

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package enum TokenScope: String, Sendable {
    case api, calendar
}

/// A signed-in browser session; the cookie holds the secret, the table holds its hash.
package struct WebSession: Codable, FetchableRecord, PersistableRecord, Sendable {
    package static let databaseTableName = "webSession"
    package var idHash: String
    package var accountId: Int64
    package var csrfToken: String
    package var createdAt: Date
    package var lastSeenAt: Date
}
