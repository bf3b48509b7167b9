import Foundation
import GRDB
import Store
import Vietnamese

/// A volunteer's own page, opened by a personal link sent by SMS or Zalo: no account, a secret in the address that
/// opens that volunteer's page and nothing else, expiring, revocable; stored only as its SHA-256.
package enum VolunteerLinks {
    package static let validDays = 180

    package struct Link: Sendable, Equatable { package let id: Int64; package let createdAt: Date; package let expiresOn: CivilDate; package let revoked: Bool }

    /// A new link for a volunteer (earlier ones stay valid until they expire or are revoked); the token is returned
    /// once, to be sent, and never stored.
    package static func create(_ db: Database, volunteerId: Int64, by principal: Principal, now: Date = Date()) throws -> (token: String, expiresOn: CivilDate) {
        guard let volunteer = try Volunteer.fetchOne(db, key: volunteerId) else { throw DomainError.notFound("tình nguyện viên", english: "Volunteer") }
        try principal.require(principal.canWrite(unitId: volunteer.unitId))
        let token = Secrets.newToken()
        let expires = CivilDate.today(now: now).adding(days: validDays)
        try db.execute(sql: "INSERT INTO volunteerLink(volunteerId, tokenHash, createdAt, expiresOn, createdBy) VALUES (?, ?, ?, ?, ?)",
                       arguments: [volunteerId, Secrets.sha256(token), now, expires.iso, principal.login])
        try Audit.record(db, by: principal, .create, entity: "volunteerLink", id: db.lastInsertedRowID,
                         after: ["volunteerId": String(volunteerId), "expiresOn": expires.iso], at: now)
        return (token, expires)
    }

    package static func revoke(_ db: Database, linkId: Int64, by principal: Principal, now: Date = Date()) throws {
        guard let volunteerId = try Int64.fetchOne(db, sql: "SELECT volunteerId FROM volunteerLink WHERE id = ?", arguments: [linkId]),
              let volunteer = try Volunteer.fetchOne(db, key: volunteerId) else { throw DomainError.notFound("đường dẫn", english: "Link") }
        try principal.require(principal.canWrite(unitId: volunteer.unitId))
        try db.execute(sql: "UPDATE volunteerLink SET revokedAt = ? WHERE id = ? AND revokedAt IS NULL", arguments: [now, linkId])
        try Audit.record(db, by: principal, .update, entity: "volunteerLink", id: linkId, after: ["revoked": "yes"], at: now)
    }

    package static func links(_ db: Database, volunteerId: Int64) throws -> [Link] {
        try Row.fetchAll(db, sql: "SELECT id, createdAt, expiresOn, revokedAt FROM volunteerLink WHERE volunteerId = ? ORDER BY id DESC", arguments: [volunteerId]).map {
            Link(id: $0[0], createdAt: $0[1], expiresOn: CivilDate(parsing: $0[2]) ?? CivilDate(year: 2000, month: 1, day: 1)!, revoked: ($0[3] as Date?) != nil)
        }
    }

    /// The volunteer a token opens today, or nil (unknown, expired or revoked — the page says only "not valid").
    package static func volunteer(_ db: Database, token: String, today: CivilDate) throws -> Volunteer? {
        guard token.count >= 20, token.count <= 100 else { return nil }
        guard let id = try Int64.fetchOne(db, sql: """
            SELECT volunteerId FROM volunteerLink WHERE tokenHash = ? AND revokedAt IS NULL AND expiresOn >= ?
            """, arguments: [Secrets.sha256(token), today.iso]) else { return nil }
        return try Volunteer.fetchOne(db, key: id)
    }

    /// Who a volunteer acts as on their own page: an account of their unit that may propose hours (which wait for a
    /// staff member's approval as any others) and nothing else.
    package static func principal(for volunteer: Volunteer) -> Principal {
        Principal(accountId: nil, login: "tnv:\(volunteer.id!)", displayName: "Tình nguyện viên", role: .editor, unitIds: [volunteer.unitId])
    }
}
