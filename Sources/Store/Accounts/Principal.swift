/// Who is acting, and on which units. Every permission question in the application is answered here.
package struct Principal: Sendable, Equatable {
    package let accountId: Int64?
    package let login: String
    package let displayName: String
    package let role: Role
    /// For editors: their units and every unit below them. Empty for other roles.
    package let unitIds: Set<Int64>

    package init(accountId: Int64?, login: String, displayName: String, role: Role, unitIds: Set<Int64> = []) {
        self.accountId = accountId
        self.login = login
        self.displayName = displayName
        self.role = role
        self.unitIds = unitIds
    }

    /// The command line acts as the operating-system user who runs it, with full rights.
    package static func commandLine(user: String = "cli") -> Principal {
        Principal(accountId: nil, login: "cli:\(user)", displayName: "Dòng lệnh (\(user))", role: .admin)
    }

    package static let system = Principal(accountId: nil, login: "system", displayName: "Hệ thống", role: .admin)

    /// Which records a principal may read: all, or those attached to some units.
    package enum Scope: Sendable, Equatable {
        case all
        case units(Set<Int64>)

        package func allows(_ unitId: Int64?) -> Bool {
            switch self {
            case .all: return true
            case .units(let ids): return unitId.map(ids.contains) ?? false
            }
        }
    }

    package var readScope: Scope { role == .editor ? .units(unitIds) : .all }

    /// Same key, same view of the data and same rights: what a cached page may be shared by.
    package var accessKey: String {
        role == .editor ? "\(role.rawValue):" + unitIds.sorted().map(String.init).joined(separator: ",") : role.rawValue
    }

    package var isAdmin: Bool { role == .admin }
    package var canWriteCommuneWide: Bool { role == .admin || role == .officer }
    package var canReadAudit: Bool { role == .admin || role == .officer }
    package var canManageSettings: Bool { role == .admin || role == .officer }
    package var canManageAccounts: Bool { role == .admin }

    package func canRead(unitId: Int64?) -> Bool { readScope.allows(unitId) }

    /// Writing a record attached to a unit: commune-wide roles anywhere, editors only inside their units.
    package func canWrite(unitId: Int64?) -> Bool {
        switch role {
        case .admin, .officer: return true
        case .editor: return unitId.map(unitIds.contains) ?? false
        case .viewer: return false
        }
    }

    /// Creating units, changing the tree: commune-wide roles only.
    package var canManageUnits: Bool { canWriteCommuneWide }

    package func require(_ allowed: Bool) throws {
        if !allowed { throw DomainError.forbidden }
    }
}
