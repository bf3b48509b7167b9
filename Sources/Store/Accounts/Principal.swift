/// Who is acting, and on which units. Every permission question in the application is answered here.
public struct Principal: Sendable, Equatable {
    public let accountId: Int64?
    public let login: String
    public let displayName: String
    public let role: Role
    /// For editors: their units and every unit below them. Empty for other roles.
    public let unitIds: Set<Int64>

    public init(accountId: Int64?, login: String, displayName: String, role: Role, unitIds: Set<Int64> = []) {
        self.accountId = accountId
        self.login = login
        self.displayName = displayName
        self.role = role
        self.unitIds = unitIds
    }

    /// The command line acts as the operating-system user who runs it, with full rights.
    public static func commandLine(user: String = "cli") -> Principal {
        Principal(accountId: nil, login: "cli:\(user)", displayName: "Dòng lệnh (\(user))", role: .admin)
    }

    public static let system = Principal(accountId: nil, login: "system", displayName: "Hệ thống", role: .admin)

    /// Which records a principal may read: all, or those attached to some units.
    public enum Scope: Sendable, Equatable {
        case all
        case units(Set<Int64>)

        public func allows(_ unitId: Int64?) -> Bool {
            switch self {
            case .all: return true
            case .units(let ids): return unitId.map(ids.contains) ?? false
            }
        }
    }

    public var readScope: Scope { role == .editor ? .units(unitIds) : .all }

    /// Same key, same view of the data and same rights: what a cached page may be shared by.
    public var accessKey: String {
        role == .editor ? "\(role.rawValue):" + unitIds.sorted().map(String.init).joined(separator: ",") : role.rawValue
    }

    public var isAdmin: Bool { role == .admin }
    public var canWriteCommuneWide: Bool { role == .admin || role == .officer }
    public var canReadAudit: Bool { role == .admin || role == .officer }
    public var canManageSettings: Bool { role == .admin || role == .officer }
    public var canManageAccounts: Bool { role == .admin }

    public func canRead(unitId: Int64?) -> Bool { readScope.allows(unitId) }

    /// Writing a record attached to a unit: commune-wide roles anywhere, editors only inside their units.
    public func canWrite(unitId: Int64?) -> Bool {
        switch role {
        case .admin, .officer: return true
        case .editor: return unitId.map(unitIds.contains) ?? false
        case .viewer: return false
        }
    }

    /// Creating units, changing the tree: commune-wide roles only.
    public var canManageUnits: Bool { canWriteCommuneWide }

    public func require(_ allowed: Bool) throws {
        if !allowed { throw DomainError.forbidden }
    }
}
