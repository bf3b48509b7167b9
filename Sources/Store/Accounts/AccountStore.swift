import Foundation
import GRDB

package struct AccountListItem: Sendable {
    package let account: Account
    package let unitNames: [String]
}

/// Accounts, their unit scopes, API tokens, browser sessions and login throttling. Password hashing is done by the
/// caller (bcrypt lives with the web layer); this type stores hashes only.
package enum AccountStore {
    package static func list(_ db: Database) throws -> [AccountListItem] {
        let accounts = try Account.order(Account.Columns.login).fetchAll(db)
        return try accounts.map { account in
            let names = try String.fetchAll(db, sql: """
                SELECT u.name FROM accountUnit au JOIN unit u ON u.id = au.unitId WHERE au.accountId = ? ORDER BY u.sortKey
                """, arguments: [account.id])
            return AccountListItem(account: account, unitNames: names)
        }
    }

    package static func find(_ db: Database, login: String) throws -> Account? {
        try Account.filter(Account.Columns.login == login.trimmingCharacters(in: .whitespaces).lowercased()).fetchOne(db)
    }

    package static func get(_ db: Database, id: Int64) throws -> Account {
        guard let account = try Account.fetchOne(db, key: id) else { throw DomainError.notFound("tài khoản", english: "Account") }
        return account
    }

    package static func unitIds(_ db: Database, accountId: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT unitId FROM accountUnit WHERE accountId = ? ORDER BY unitId", arguments: [accountId])
    }

    /// The principal an account acts as: for editors, their units and everything below them.
    package static func principal(_ db: Database, for account: Account) throws -> Principal {
        let scope = account.role == .editor ? try UnitStore.withDescendants(db, of: unitIds(db, accountId: account.id!)) : []
        return Principal(accountId: account.id, login: account.login, displayName: account.displayName,
                         role: account.role, unitIds: scope)
    }

    package static func validateLogin(_ login: String) -> String? {
        let trimmed = login.trimmingCharacters(in: .whitespaces)
        if trimmed.count < 3 || trimmed.count > 40 { return "Tên đăng nhập dài từ 3 đến 40 ký tự" }
        if !trimmed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) {
            return "Tên đăng nhập chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang"
        }
        return nil
    }

    package static func create(_ db: Database, login: String, displayName: String, passwordHash: String, role: Role,
                              unitIds: [Int64], oneTimePassword: Bool = false, by principal: Principal, now: Date = Date()) throws -> Account {
        try principal.require(principal.canManageAccounts)
        var errors: [String: String] = [:]
        if let problem = validateLogin(login) { errors["login"] = problem }
        if role == .editor && unitIds.isEmpty { errors["unitIds"] = "Biên tập viên đơn vị phải được gán ít nhất một đơn vị" }
        if role != .editor && !unitIds.isEmpty { errors["unitIds"] = "Chỉ vai trò biên tập viên đơn vị mới gán đơn vị" }
        if try find(db, login: login) != nil { errors["login"] = "Tên đăng nhập đã có người dùng" }
        for id in unitIds where try !OrgUnit.exists(db, key: id) { errors["unitIds"] = "Đơn vị số \(id) không tồn tại" }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        var account = Account(login: login, displayName: displayName.isEmpty ? login : displayName,
                              passwordHash: passwordHash, role: role, now: now)
        account.mustChangePassword = oneTimePassword
        try account.insert(db)
        try setUnits(db, accountId: account.id!, unitIds)
        try Audit.record(db, by: principal, .create, entity: "account", id: account.id,
                         after: account.auditView.merging(["units": unitIds.map(String.init).joined(separator: ",")]) { a, _ in a }, at: now)
        return account
    }

    package static func update(_ db: Database, id: Int64, displayName: String, role: Role, unitIds: [Int64], isDisabled: Bool,
                              by principal: Principal, now: Date = Date()) throws {
        try principal.require(principal.canManageAccounts)
        var account = try get(db, id: id)
        if role == .editor && unitIds.isEmpty {
            throw DomainError.invalid(["unitIds": "Biên tập viên đơn vị phải được gán ít nhất một đơn vị"])
        }
        if account.id == principal.accountId && (role != .admin || isDisabled) {
            throw DomainError(.invalid, "Bạn không thể tự bỏ quyền quản trị hoặc tự khóa tài khoản của mình.",
                              english: "You cannot remove your own admin role or disable yourself.")
        }
        let before = account.auditView
        account.displayName = displayName
        account.role = role
        account.isDisabled = isDisabled
        try account.update(db)
        try setUnits(db, accountId: id, role == .editor ? unitIds : [])
        if isDisabled { try db.execute(sql: "DELETE FROM webSession WHERE accountId = ?", arguments: [id]) }
        try Audit.record(db, by: principal, .update, entity: "account", id: id, before: before, after: account.auditView, at: now)
    }

    /// `oneTimePassword`: set by someone else (a reset), so its owner must choose their own at the next sign-in.
    package static func setPassword(_ db: Database, login: String, passwordHash: String, oneTimePassword: Bool = false,
                                   by principal: Principal, now: Date = Date()) throws {
        guard var account = try find(db, login: login) else { throw DomainError.notFound("tài khoản \(login)", english: "Account \(login)") }
        try principal.require(principal.canManageAccounts || principal.accountId == account.id)
        account.passwordHash = passwordHash
        account.mustChangePassword = oneTimePassword
        try account.update(db)
        // A new password ends every open session of that account.
        try db.execute(sql: "DELETE FROM webSession WHERE accountId = ?", arguments: [account.id])
        try Audit.record(db, by: principal, .update, entity: "account", id: account.id, after: ["password": "changed"], at: now)
    }

    private static func setUnits(_ db: Database, accountId: Int64, _ unitIds: [Int64]) throws {
        try db.execute(sql: "DELETE FROM accountUnit WHERE accountId = ?", arguments: [accountId])
        for unitId in Set(unitIds) {
            try db.execute(sql: "INSERT INTO accountUnit(accountId, unitId) VALUES (?, ?)", arguments: [accountId, unitId])
        }
    }

    package static func count(_ db: Database) throws -> Int { try Account.fetchCount(db) }

    // MARK: API tokens

    /// Makes a token for the account and returns it; only its hash is kept.
    package static func issueToken(_ db: Database, accountId: Int64, scope: TokenScope = .api, by principal: Principal,
                                  now: Date = Date()) throws -> String {
        try principal.require(principal.canManageAccounts || principal.accountId == accountId)
        let token = (scope == .api ? "ds_" : "cal_") + Secrets.newToken()
        var record = ApiToken(accountId: accountId, tokenHash: Secrets.sha256(token), createdAt: now, scope: scope.rawValue)
        try record.insert(db)
        try Audit.record(db, by: principal, .create, entity: "apiToken", id: record.id, after: ["accountId": String(accountId), "scope": scope.rawValue], at: now)
        return token
    }

    /// The account's tokens, newest first (hashes only; the tokens themselves were shown once).
    package static func tokens(_ db: Database, accountId: Int64) throws -> [ApiToken] {
        try ApiToken.filter(Column("accountId") == accountId).order(Column("id").desc).fetchAll(db)
    }

    /// Revokes a token at once: the next request carrying it is refused.
    package static func revokeToken(_ db: Database, tokenId: Int64, accountId: Int64, by principal: Principal, now: Date = Date()) throws {
        try principal.require(principal.canManageAccounts || principal.accountId == accountId)
        guard var token = try ApiToken.fetchOne(db, key: tokenId), token.accountId == accountId else {
            throw DomainError.notFound("mã truy cập", english: "Token")
        }
        guard token.revokedAt == nil else { return }
        token.revokedAt = now
        try token.update(db)
        try Audit.record(db, by: principal, .update, entity: "apiToken", id: tokenId, after: ["revoked": "yes"], at: now)
    }

    /// The principal behind a bearer token, or nil if unknown, revoked or its account disabled.
    /// The account behind a live token of that scope: a calendar token opens no API, an API token no feed.
    package static func principal(_ db: Database, bearerToken: String, scope: TokenScope = .api) throws -> Principal? {
        guard let account = try Account.fetchOne(db, sql: """
            SELECT a.* FROM apiToken t JOIN account a ON a.id = t.accountId
            WHERE t.tokenHash = ? AND t.revokedAt IS NULL AND a.isDisabled = 0 AND t.scope = ?
            """, arguments: [Secrets.sha256(bearerToken), scope.rawValue]) else { return nil }
        return try principal(db, for: account)
    }

    // MARK: Browser sessions

    /// Opens a session; returns the secret for the cookie.
    package static func openSession(_ db: Database, accountId: Int64, now: Date = Date()) throws -> (cookie: String, csrf: String) {
        let secret = Secrets.newToken()
        let csrf = Secrets.newToken()
        try WebSession(idHash: Secrets.sha256(secret), accountId: accountId, csrfToken: csrf, createdAt: now, lastSeenAt: now).insert(db)
        try db.execute(sql: "UPDATE account SET lastLoginAt = ? WHERE id = ?", arguments: [now, accountId])
        return (secret, csrf)
    }

    package struct SessionLookup: Sendable {
        package let principal: Principal
        package let csrfToken: String
        /// True when the last-seen time is old enough to be worth a write.
        package let needsTouch: Bool
        /// The account still has a one-time password.
        package let mustChangePassword: Bool
    }

    /// The session behind a cookie, unless idle longer than `idle` or the account is disabled.
    package static func session(_ db: Database, cookie: String, idle: TimeInterval, now: Date = Date()) throws -> SessionLookup? {
        // Cached: this runs before every page.
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT s.csrfToken, s.lastSeenAt, a.* FROM webSession s JOIN account a ON a.id = s.accountId
            WHERE s.idHash = ? AND a.isDisabled = 0
            """), arguments: [Secrets.sha256(cookie)]) else { return nil }
        let lastSeen: Date = row["lastSeenAt"]
        guard now.timeIntervalSince(lastSeen) <= idle else { return nil }
        let account = try Account(row: row)
        return SessionLookup(principal: try principal(db, for: account), csrfToken: row["csrfToken"],
                             needsTouch: now.timeIntervalSince(lastSeen) > 60, mustChangePassword: account.mustChangePassword)
    }

    /// Refreshes last-seen at most once a minute (a write per page view would not hold under load).
    package static func touchSession(_ db: Database, cookie: String, now: Date = Date()) throws {
        try db.execute(sql: "UPDATE webSession SET lastSeenAt = ? WHERE idHash = ?", arguments: [now, Secrets.sha256(cookie)])
    }

    package static func closeSession(_ db: Database, cookie: String) throws {
        try db.execute(sql: "DELETE FROM webSession WHERE idHash = ?", arguments: [Secrets.sha256(cookie)])
    }

    package static func purgeSessions(_ db: Database, idleBefore: Date) throws {
        try db.execute(sql: "DELETE FROM webSession WHERE lastSeenAt < ?", arguments: [idleBefore])
    }

    // MARK: Login throttling

    package static let maxFailures = 5
    package static let lockDuration: TimeInterval = 15 * 60
    /// Failures of one login from every source together past which each attempt is slowed down (never refused:
    /// behind a proxy or in a shared office, a lock for everyone would let anyone shut an officer out).
    package static let slowDownAfter = 10

    package enum Attempt: Sendable, Equatable {
        /// Go ahead; `remaining` failures are left before this source is locked, and the answer waits `delay` first.
        case allowed(remaining: Int, delay: TimeInterval)
        case locked(until: Date)
    }

    /// Counts an attempt before the password is checked, in one write: parallel attempts are serialised here, so a
    /// burst of fifty guesses gets five through, not fifty. A success clears the count (`clearFailures`).
    package static func beginAttempt(_ db: Database, login: String, address: String, now: Date = Date()) throws -> Attempt {
        let key = login.lowercased()
        let windowStart = now.addingTimeInterval(-lockDuration)
        // Failures older than the window, and locks that have run out, are forgotten.
        try db.execute(sql: """
            DELETE FROM loginThrottle WHERE login = ? AND address = ?
              AND ((lockedUntil IS NOT NULL AND lockedUntil <= ?) OR (lockedUntil IS NULL AND coalesce(lastFailureAt, 0) < ?))
            """, arguments: [key, address, now, windowStart])
        let row = try Row.fetchOne(db, sql: "SELECT failures, lockedUntil FROM loginThrottle WHERE login = ? AND address = ?",
                                   arguments: [key, address])
        if let until = row?["lockedUntil"] as Date?, until > now { return .locked(until: until) }
        let failures = (row?["failures"] as Int? ?? 0) + 1
        let lockedUntil: Date? = failures >= maxFailures ? now.addingTimeInterval(lockDuration) : nil
        try db.execute(sql: """
            INSERT INTO loginThrottle(login, address, failures, lockedUntil, lastFailureAt) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(login, address) DO UPDATE SET failures = excluded.failures, lockedUntil = excluded.lockedUntil,
              lastFailureAt = excluded.lastFailureAt
            """, arguments: [key, address, failures, lockedUntil, now])
        let everywhere = try Int.fetchOne(db, sql: "SELECT coalesce(sum(failures), 0) FROM loginThrottle WHERE login = ? AND lastFailureAt >= ?",
                                          arguments: [key, windowStart]) ?? 0
        let delay = everywhere > slowDownAfter ? min(Double(everywhere - slowDownAfter), 5) : 0
        return .allowed(remaining: maxFailures - failures, delay: delay)
    }

    /// When this login from this address is locked, until when.
    package static func lockedUntil(_ db: Database, login: String, address: String, now: Date = Date()) throws -> Date? {
        let until = try Date.fetchOne(db, sql: "SELECT lockedUntil FROM loginThrottle WHERE login = ? AND address = ?",
                                      arguments: [login.lowercased(), address])
        return until.flatMap { $0 > now ? $0 : nil }
    }

    package static func clearFailures(_ db: Database, login: String, address: String) throws {
        try db.execute(sql: "DELETE FROM loginThrottle WHERE login = ? AND address = ?", arguments: [login.lowercased(), address])
    }
}
