import Foundation
import GRDB
import Store
import Vietnamese

/// Volunteers, their roles on campaign activities and club sessions, and their hours. Hours are entered by an
/// editor of the volunteer's unit and count only once another account has approved them.
package enum VolunteerStore {
    package struct Input: Sendable, Codable {
        package var personId: Int64?
        package var unitId: Int64?
        package var skills: [String]
        package var availability: String?
        package var since: String?
        package var notes: String?
        package init(personId: Int64?, unitId: Int64?, skills: [String] = [], availability: String? = nil, since: String? = nil, notes: String? = nil) {
            self.personId = personId; self.unitId = unitId; self.skills = skills; self.availability = availability; self.since = since; self.notes = notes
        }
    }

    package struct Item: Sendable {
        package let volunteer: Volunteer
        package let fullName: String
        package let village: String?
        package let unit: String
        package let approvedMinutes: Int
        package let pendingMinutes: Int
    }

    static let selectSQL = """
        SELECT v.*, p.fullName, p.sortKey, vu.name AS village, u.name AS unitName,
          coalesce((SELECT sum(h.minutes) FROM volunteerHours h WHERE h.volunteerId = v.id AND h.status = 'approved' AND substr(h.date, 1, 4) = ?), 0) AS approved,
          coalesce((SELECT sum(h.minutes) FROM volunteerHours h WHERE h.volunteerId = v.id AND h.status = 'pending'), 0) AS pending
        FROM volunteer v JOIN person p ON p.id = v.personId LEFT JOIN unit vu ON vu.id = p.villageId JOIN unit u ON u.id = v.unitId
        """

    static func item(_ row: Row) throws -> Item {
        Item(volunteer: try Volunteer(row: row), fullName: row["fullName"], village: row["village"], unit: row["unitName"],
             approvedMinutes: row["approved"], pendingMinutes: row["pending"])
    }

    /// Volunteers by given name, with approved hours in `year` and hours waiting for approval.
    package static func list(_ db: Database, skill: VolunteerSkill? = nil, year: Int, for principal: Principal) throws -> [Item] {
        var sql = selectSQL
        if case .units(let ids) = principal.readScope { sql += " WHERE v.unitId IN (\(SQLList.ids(ids)))" }
        return try Row.fetchAll(db, sql: sql + " ORDER BY p.sortKey", arguments: [String(year)]).map(item)
            .filter { skill == nil || $0.volunteer.skillList.contains(skill!) }
    }

    package static func get(_ db: Database, id: Int64, year: Int, for principal: Principal) throws -> Item {
        guard let row = try Row.fetchOne(db, sql: selectSQL + " WHERE v.id = ?", arguments: [String(year), id]) else {
            throw DomainError.notFound("tình nguyện viên", english: "Volunteer")
        }
        let item = try item(row)
        guard principal.canRead(unitId: item.volunteer.unitId) else { throw DomainError.outsideScope }
        return item
    }

    /// The volunteer record of a resident, if they have one.
    package static func id(ofPerson personId: Int64, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM volunteer WHERE personId = ?", arguments: [personId])
    }

    package static func create(_ db: Database, _ input: Input, by principal: Principal, now: Date = Date()) throws -> Volunteer {
        var errors: [String: String] = [:]
        if input.personId == nil { errors["personId"] = "Chọn người (tìm trong danh sách người dân)" }
        if input.unitId == nil { errors["unitId"] = "Chọn đơn vị mà tình nguyện viên tham gia" }
        let skills = input.skills.compactMap(VolunteerSkill.init(rawValue:))
        if skills.count != input.skills.count { errors["skills"] = "Kỹ năng không có trong danh sách" }
        let since = input.since.flatMap { VietnameseText.cleanOrNil($0) }.map { CivilDate(parsing: $0) } ?? CivilDate.today(now: now)
        if since == nil { errors["since"] = "Ngày bắt đầu dạng dd/MM/yyyy" }
        if let personId = input.personId {
            if try Person.fetchOne(db, key: personId) == nil { errors["personId"] = "Người này không có trong danh sách người dân" }
            else if try Volunteer.filter(Column("personId") == personId).fetchCount(db) > 0 { errors["personId"] = "Người này đã là tình nguyện viên" }
        }
        if let unitId = input.unitId, try OrgUnit.fetchOne(db, key: unitId) == nil { errors["unitId"] = "Đơn vị không tồn tại" }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        try principal.require(principal.canWrite(unitId: input.unitId))
        var volunteer = Volunteer(id: nil, personId: input.personId!, unitId: input.unitId!, skills: skills.map(\.rawValue).joined(separator: ","),
                                  availability: VietnameseText.cleanOrNil(input.availability), since: since!, active: true,
                                  notes: VietnameseText.cleanOrNil(input.notes), createdAt: now)
        try volunteer.insert(db)
        try Audit.record(db, by: principal, .create, entity: "volunteer", id: volunteer.id, after: volunteer, at: now)
        return volunteer
    }

    // MARK: Roles

    package struct RoleItem: Sendable { package let role: VolunteerRole; package let what: String; package let date: String }

    package static func roles(_ db: Database, volunteerId: Int64) throws -> [RoleItem] {
        try Row.fetchAll(db, sql: """
            SELECT r.*, coalesce(a.title, c.name) AS what, coalesce(substr(a.startsAt, 1, 10), s.date) AS day
            FROM volunteerRole r LEFT JOIN activity a ON a.id = r.activityId
            LEFT JOIN clubSession s ON s.id = r.clubSessionId LEFT JOIN club c ON c.id = s.clubId
            WHERE r.volunteerId = ? ORDER BY day DESC
            """, arguments: [volunteerId]).map {
            RoleItem(role: try VolunteerRole(row: $0), what: $0["what"] ?? "", date: ($0["day"] as String?).flatMap { CivilDate(parsing: $0)?.display } ?? "")
        }
    }

    /// A role ("kể chuyện", "hướng dẫn viên") on a campaign activity or a club session.
    package static func addRole(_ db: Database, volunteerId: Int64, activityId: Int64?, clubSessionId: Int64?, role: String,
                               by principal: Principal) throws -> VolunteerRole {
        guard let volunteer = try Volunteer.fetchOne(db, key: volunteerId) else { throw DomainError.notFound("tình nguyện viên", english: "Volunteer") }
        try principal.require(principal.canWrite(unitId: volunteer.unitId))
        let role = VietnameseText.clean(role)
        var errors: [String: String] = [:]
        if role.isEmpty { errors["role"] = "Nhập vai trò (ví dụ: kể chuyện, hướng dẫn viên)" }
        if (activityId == nil) == (clubSessionId == nil) { errors["target"] = "Chọn một hoạt động chiến dịch hoặc một buổi sinh hoạt câu lạc bộ" }
        if let activityId, try Row.fetchOne(db, sql: "SELECT 1 FROM activity WHERE id = ?", arguments: [activityId]) == nil { errors["target"] = "Hoạt động không tồn tại" }
        if let clubSessionId, try Row.fetchOne(db, sql: "SELECT 1 FROM clubSession WHERE id = ?", arguments: [clubSessionId]) == nil {
            errors["target"] = "Buổi sinh hoạt không tồn tại"
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        var record = VolunteerRole(id: nil, volunteerId: volunteerId, activityId: activityId, clubSessionId: clubSessionId, role: role)
        try record.insert(db)
        try Audit.record(db, by: principal, .create, entity: "volunteerRole", id: record.id, after: record)
        return record
    }

    // MARK: Hours

    package struct HoursItem: Sendable {
        package let hours: VolunteerHours
        package let fullName: String
        package let unitId: Int64
        package let unit: String
        package let what: String?
    }

    static let hoursSQL = """
        SELECT h.*, p.fullName, v.unitId, u.name AS unitName, coalesce(a.title, c.name) AS what
        FROM volunteerHours h JOIN volunteer v ON v.id = h.volunteerId JOIN person p ON p.id = v.personId JOIN unit u ON u.id = v.unitId
        LEFT JOIN activity a ON a.id = h.activityId LEFT JOIN clubSession s ON s.id = h.clubSessionId LEFT JOIN club c ON c.id = s.clubId
        """

    package static func hours(_ db: Database, volunteerId: Int64? = nil, status: HoursStatus? = nil, year: Int? = nil, for principal: Principal) throws -> [HoursItem] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let volunteerId { conditions.append("h.volunteerId = ?"); arguments += [volunteerId] }
        if let status { conditions.append("h.status = ?"); arguments += [status.rawValue] }
        if let year { conditions.append("substr(h.date, 1, 4) = ?"); arguments += [String(year)] }
        if case .units(let ids) = principal.readScope { conditions.append("v.unitId IN (\(SQLList.ids(ids)))") }
        let sql = hoursSQL + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")) + " ORDER BY h.date DESC, h.id DESC"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
            HoursItem(hours: try VolunteerHours(row: $0), fullName: $0["fullName"], unitId: $0["unitId"], unit: $0["unitName"], what: $0["what"])
        }
    }

    package struct HoursInput: Sendable, Codable {
        package var date: String
        package var hours: String
        package var activityId: Int64?
        package var clubSessionId: Int64?
        package var description: String?
        package init(date: String, hours: String, activityId: Int64? = nil, clubSessionId: Int64? = nil, description: String? = nil) {
            self.date = date; self.hours = hours; self.activityId = activityId; self.clubSessionId = clubSessionId; self.description = description
        }
    }

    /// Hours entered by an editor of the volunteer's unit (or a commune-wide role); they wait for approval.
    package static func logHours(_ db: Database, volunteerId: Int64, _ input: HoursInput, by principal: Principal, now: Date = Date()) throws -> VolunteerHours {
        guard let volunteer = try Volunteer.fetchOne(db, key: volunteerId) else { throw DomainError.notFound("tình nguyện viên", english: "Volunteer") }
        guard principal.canRead(unitId: volunteer.unitId) else { throw DomainError.outsideScope }
        try principal.require(principal.canWrite(unitId: volunteer.unitId))
        var errors: [String: String] = [:]
        let date = CivilDate(parsing: input.date)
        if date == nil { errors["date"] = "Ngày dạng dd/MM/yyyy" }
        if let date, date > CivilDate.today(now: now) { errors["date"] = "Không ghi giờ cho ngày chưa tới" }
        if let date, date < volunteer.since { errors["date"] = "Trước ngày bắt đầu tham gia (\(volunteer.since.display))" }
        let minutes = HoursText.minutes(input.hours)
        if minutes == nil || minutes! <= 0 || minutes! > 24 * 60 { errors["hours"] = "Số giờ từ 0,1 đến 24 (ví dụ 2,5 hoặc 2:30)" }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        var record = VolunteerHours(id: nil, volunteerId: volunteerId, date: date!, minutes: minutes!, activityId: input.activityId,
                                    clubSessionId: input.clubSessionId, description: VietnameseText.cleanOrNil(input.description), status: .pending,
                                    enteredByAccount: principal.accountId, enteredBy: principal.login, enteredAt: now,
                                    reviewedByAccount: nil, reviewedBy: nil, reviewedAt: nil, rejectReason: nil)
        try record.insert(db)
        try Audit.record(db, by: principal, .create, entity: "volunteerHours", id: record.id, after: record, at: now)
        return record
    }

    /// Approves or rejects hours: another account than the one that entered them, with rights on the unit.
    package static func review(_ db: Database, hoursId: Int64, approve: Bool, reason: String? = nil, by principal: Principal, now: Date = Date()) throws {
        guard var record = try VolunteerHours.fetchOne(db, key: hoursId) else { throw DomainError.notFound("giờ tình nguyện", english: "Volunteer hours") }
        guard let volunteer = try Volunteer.fetchOne(db, key: record.volunteerId) else { throw DomainError.notFound("tình nguyện viên", english: "Volunteer") }
        guard principal.canRead(unitId: volunteer.unitId) else { throw DomainError.outsideScope }
        try principal.require(principal.canWrite(unitId: volunteer.unitId))
        if record.enteredBy == principal.login || (record.enteredByAccount != nil && record.enteredByAccount == principal.accountId) {
            throw DomainError(.forbidden, "Giờ tình nguyện phải do một tài khoản khác với người nhập duyệt.",
                              english: "Hours must be approved by another account than the one that entered them.")
        }
        guard record.status == .pending else { throw DomainError(.conflict, "Giờ này đã được xét trước đó.", english: "These hours were already reviewed.") }
        let reason = VietnameseText.cleanOrNil(reason)
        if !approve && reason == nil { throw DomainError.invalid(["reason": "Ghi lý do không duyệt"]) }
        let before = record
        record.status = approve ? .approved : .rejected
        record.reviewedByAccount = principal.accountId
        record.reviewedBy = principal.login
        record.reviewedAt = now
        record.rejectReason = approve ? nil : reason
        try record.update(db)
        try Audit.record(db, by: principal, .update, entity: "volunteerHours", id: hoursId, before: before, after: record, at: now)
    }

    package struct HoursTotal: Sendable { package let label: String; package let minutes: Int; package let people: Int }

    /// Approved hours of a year per unit and per person (the largest first).
    package static func totals(_ db: Database, year: Int, for principal: Principal) throws -> (byUnit: [HoursTotal], byPerson: [HoursTotal], minutes: Int) {
        var scope = ""
        if case .units(let ids) = principal.readScope { scope = " AND v.unitId IN (\(SQLList.ids(ids)))" }
        let base = "FROM volunteerHours h JOIN volunteer v ON v.id = h.volunteerId WHERE h.status = 'approved' AND substr(h.date, 1, 4) = ?\(scope)"
        let byUnit = try Row.fetchAll(db, sql: """
            SELECT u.name, sum(h.minutes) AS m, count(DISTINCT v.id) \(base.replacingOccurrences(of: "WHERE", with: "JOIN unit u ON u.id = v.unitId WHERE"))
            GROUP BY v.unitId ORDER BY m DESC, u.sortKey
            """, arguments: [String(year)]).map { HoursTotal(label: $0[0], minutes: $0[1], people: $0[2]) }
        let byPerson = try Row.fetchAll(db, sql: """
            SELECT p.fullName, sum(h.minutes) AS m, 1 \(base.replacingOccurrences(of: "WHERE", with: "JOIN person p ON p.id = v.personId WHERE"))
            GROUP BY v.id ORDER BY m DESC, p.sortKey
            """, arguments: [String(year)]).map { HoursTotal(label: $0[0], minutes: $0[1], people: $0[2]) }
        return (byUnit, byPerson, byUnit.reduce(0) { $0 + $1.minutes })
    }
}
