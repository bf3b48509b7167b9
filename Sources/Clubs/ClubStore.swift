import Foundation
import GRDB
import Store
import Vietnamese

/// Clubs, memberships, sessions and attendance. Reading follows the account's scope on the club's unit; writing
/// needs write rights on that unit (a club leader's account is scoped to its cultural house).
package enum ClubStore {
    /// Units a club may belong to.
    package static let hostKinds: [UnitKind] = [.culturalHouse, .school, .schoolLibrary, .communeLibrary, .learningCentre]

    /// Units that may host a club and that the principal may read, by name.
    package static func hosts(_ db: Database, for principal: Principal) throws -> [OrgUnit] {
        try OrgUnit.filter(hostKinds.map(\.rawValue).contains(OrgUnit.Columns.kind)).order(OrgUnit.Columns.sortKey).fetchAll(db)
            .filter { principal.canRead(unitId: $0.id) }
    }

    package struct Filter: Sendable {
        package var unitId: Int64?
        package var kind: ClubKind?
        package var field: ClubField?
        package var status: ClubStatus?
        package init(unitId: Int64? = nil, kind: ClubKind? = nil, field: ClubField? = nil, status: ClubStatus? = nil) {
            self.unitId = unitId; self.kind = kind; self.field = field; self.status = status
        }
    }

    package struct ListItem: Sendable {
        package let club: Club
        package let unitName: String
        package let members: Int
        package let lastSession: CivilDate?
    }

    package static func list(_ db: Database, _ filter: Filter = Filter(), for principal: Principal) throws -> [ListItem] {
        var sql = SQLFilter()
        if let unitId = filter.unitId { sql.add("c.unitId = ?", [unitId]) }
        if let kind = filter.kind { sql.add("c.kind = ?", [kind.rawValue]) }
        if let field = filter.field { sql.add("c.field = ?", [field.rawValue]) }
        if let status = filter.status { sql.add("c.status = ?", [status.rawValue]) }
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.*, u.name AS unitName,
              (SELECT count(*) FROM clubMember m WHERE m.clubId = c.id AND m.leftOn IS NULL) AS members,
              (SELECT max(date) FROM clubSession s WHERE s.clubId = c.id) AS lastSession
            FROM club c JOIN unit u ON u.id = c.unitId
            \(sql.whereClause)
            ORDER BY u.sortKey, c.sortKey
            """, arguments: sql.arguments)
        return try rows.compactMap { row in
            let club = try Club(row: row)
            guard principal.canRead(unitId: club.unitId) else { return nil }
            return ListItem(club: club, unitName: row["unitName"], members: row["members"],
                            lastSession: (row["lastSession"] as String?).flatMap { CivilDate(parsing: $0) })
        }
    }

    package static func get(_ db: Database, id: Int64, for principal: Principal) throws -> Club {
        guard let club = try Club.fetchOne(db, key: id) else { throw DomainError.notFound("câu lạc bộ", english: "Club") }
        guard principal.canRead(unitId: club.unitId) else { throw DomainError.outsideScope }
        return club
    }

    /// The club, checked writable by the principal.
    package static func editable(_ db: Database, id: Int64, by principal: Principal) throws -> Club {
        let club = try get(db, id: id, for: principal)
        try principal.require(principal.canWrite(unitId: club.unitId))
        return club
    }

    package static func create(_ db: Database, _ input: ClubInput, by principal: Principal, now: Date = Date()) throws -> Club {
        try check(db, input, by: principal)
        let founded = input.foundedOn.flatMap { CivilDate(parsing: $0) }
        var club = Club(id: nil, name: VietnameseText.clean(input.name), sortKey: NameSortKey.label(input.name), unitId: input.unitId!,
                        kind: ClubKind(rawValue: input.kind)!, field: ClubField(rawValue: input.field)!,
                        ageGroups: input.ageGroups.joined(separator: ","), leaderId: input.leaderId,
                        schedule: VietnameseText.cleanOrNil(input.schedule), foundedOn: founded, status: .active,
                        statusSince: founded ?? CivilDate.today(now: now), notes: VietnameseText.cleanOrNil(input.notes), createdAt: now, updatedAt: now)
        try club.insert(db)
        var change = ClubStatusChange(clubId: club.id!, status: .active, since: club.statusSince!, note: "Thành lập")
        try change.insert(db)
        try Audit.record(db, by: principal, .create, entity: "club", id: club.id, after: club, at: now)
        return club
    }

    package static func update(_ db: Database, id: Int64, _ input: ClubInput, version: String? = nil, by principal: Principal,
                              now: Date = Date()) throws -> Club {
        let before = try editable(db, id: id, by: principal)
        try RecordVersion.check(before, expected: version)
        try check(db, input, by: principal)
        var club = before
        club.name = VietnameseText.clean(input.name)
        club.sortKey = NameSortKey.label(input.name)
        club.unitId = input.unitId!
        club.kind = ClubKind(rawValue: input.kind)!
        club.field = ClubField(rawValue: input.field)!
        club.ageGroups = input.ageGroups.joined(separator: ",")
        club.leaderId = input.leaderId
        club.schedule = VietnameseText.cleanOrNil(input.schedule)
        club.foundedOn = input.foundedOn.flatMap { CivilDate(parsing: $0) }
        club.notes = VietnameseText.cleanOrNil(input.notes)
        club.updatedAt = now
        try club.update(db)
        try Audit.record(db, by: principal, .update, entity: "club", id: id, before: before, after: club, at: now)
        return club
    }

    private static func check(_ db: Database, _ input: ClubInput, by principal: Principal) throws {
        var errors = input.validate()
        if let unitId = input.unitId {
            if let unit = try OrgUnit.fetchOne(db, key: unitId) {
                if !hostKinds.contains(unit.kind) { errors["unitId"] = "Câu lạc bộ thuộc nhà văn hóa, trường, thư viện hoặc trung tâm học tập cộng đồng" }
                else if !principal.canWrite(unitId: unitId) { throw DomainError.forbidden }
            } else {
                errors["unitId"] = "Đơn vị không tồn tại"
            }
        }
        if let leader = input.leaderId, try Person.fetchOne(db, key: leader) == nil { errors["leaderId"] = "Người phụ trách không tồn tại" }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
    }

    /// Pauses, closes or reopens a club from a date; the history keeps every change.
    package static func setStatus(_ db: Database, id: Int64, _ status: ClubStatus, since: CivilDate, note: String?, by principal: Principal) throws {
        var club = try editable(db, id: id, by: principal)
        let before = club
        if let last = club.statusSince, since < last {
            throw DomainError.invalid(["since": "Ngày thay đổi không được trước lần thay đổi trước (\(last.display))"])
        }
        club.status = status
        club.statusSince = since
        club.updatedAt = Date()
        try club.update(db)
        var change = ClubStatusChange(clubId: id, status: status, since: since, note: VietnameseText.cleanOrNil(note))
        try change.insert(db)
        try Audit.record(db, by: principal, .update, entity: "club", id: id, before: before, after: club)
    }

    package static func statusHistory(_ db: Database, clubId: Int64) throws -> [ClubStatusChange] {
        try ClubStatusChange.filter(Column("clubId") == clubId).order(Column("since"), Column("id")).fetchAll(db)
    }

    // MARK: Members

    package struct MemberItem: Sendable {
        package let member: ClubMember
        package let fullName: String
        package let village: String?
        package let phone: String?
        package let present: Int
        package let recorded: Int
        /// Share of the sessions recorded while a member at which they were present, 0...100.
        package var attendanceRate: Int? { recorded == 0 ? nil : present * 100 / recorded }
    }

    /// Members, current first (by role then given name), then former ones; with attendance counts.
    package static func members(_ db: Database, clubId: Int64, includeFormer: Bool = true) throws -> [MemberItem] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.*, p.fullName, p.phone, u.name AS village,
              (SELECT count(*) FROM attendance a JOIN clubSession s ON s.id = a.sessionId WHERE s.clubId = m.clubId \
            AND a.personId = m.personId AND a.status = 'present') AS present,
              (SELECT count(*) FROM attendance a JOIN clubSession s ON s.id = a.sessionId WHERE s.clubId = m.clubId AND a.personId = m.personId) AS recorded
            FROM clubMember m JOIN person p ON p.id = m.personId LEFT JOIN unit u ON u.id = p.villageId
            WHERE m.clubId = ?\(includeFormer ? "" : " AND m.leftOn IS NULL")
            ORDER BY m.leftOn IS NOT NULL, CASE m.role WHEN 'head' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, p.sortKey, m.joinedOn
            """, arguments: [clubId])
        return try rows.map {
            MemberItem(member: try ClubMember(row: $0), fullName: $0["fullName"], village: $0["village"], phone: $0["phone"],
                       present: $0["present"], recorded: $0["recorded"])
        }
    }

    /// A resident's clubs, current first, with the club's name (for the person's page).
    package struct Membership: Sendable {
        package let member: ClubMember
        package let clubName: String
    }

    package static func memberships(_ db: Database, personId: Int64) throws -> [Membership] {
        try Row.fetchAll(db, sql: """
            SELECT m.*, c.name AS clubName FROM clubMember m JOIN club c ON c.id = m.clubId
            WHERE m.personId = ? ORDER BY m.leftOn IS NOT NULL, m.joinedOn DESC
            """, arguments: [personId]).map { Membership(member: try ClubMember(row: $0), clubName: $0["clubName"]) }
    }

    package static func addMember(_ db: Database, clubId: Int64, personId: Int64, role: MemberRole, joinedOn: CivilDate,
                                 by principal: Principal) throws -> ClubMember {
        _ = try editable(db, id: clubId, by: principal)
        guard let person = try Person.fetchOne(db, key: personId) else { throw DomainError.invalid(["personId": "Người này không có trong danh sách người dân"]) }
        // Only residents the account may see: otherwise adding someone by id, then reading the member list, would
        // reveal another village's residents.
        guard principal.canRead(unitId: person.villageId) else { throw DomainError.outsideScope }
        if try ClubMember.filter(Column("clubId") == clubId && Column("personId") == personId && Column("leftOn") == nil).fetchCount(db) > 0 {
            throw DomainError.invalid(["personId": "Người này đang là thành viên"])
        }
        var member = ClubMember(clubId: clubId, personId: personId, role: role, joinedOn: joinedOn)
        try member.insert(db)
        try Audit.record(db, by: principal, .create, entity: "clubMember", id: member.id, after: member)
        return member
    }

    /// Ends a membership on a date; the record stays, so the history shows who belonged when.
    package static func endMembership(_ db: Database, memberId: Int64, on date: CivilDate, by principal: Principal) throws {
        guard var member = try ClubMember.fetchOne(db, key: memberId) else { throw DomainError.notFound("thành viên", english: "Member") }
        _ = try editable(db, id: member.clubId, by: principal)
        guard member.leftOn == nil else { return }
        guard date >= member.joinedOn else { throw DomainError.invalid(["leftOn": "Ngày rời phải từ ngày vào (\(member.joinedOn.display))"]) }
        let before = member
        member.leftOn = date
        try member.update(db)
        try Audit.record(db, by: principal, .update, entity: "clubMember", id: memberId, before: before, after: member)
    }

    /// Current members on a date (for an attendance sheet).
    package static func members(_ db: Database, clubId: Int64, on date: CivilDate) throws -> [MemberItem] {
        try members(db, clubId: clubId).filter { $0.member.joinedOn <= date && ($0.member.leftOn.map { $0 >= date } ?? true) }
    }

    // MARK: Sessions

    package struct SessionItem: Sendable {
        package let session: ClubSession
        package let present: Int
        package let absent: Int
        package let excused: Int
    }

    package static func sessions(_ db: Database, clubId: Int64, limit: Int = 500) throws -> [SessionItem] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.*,
              (SELECT count(*) FROM attendance a WHERE a.sessionId = s.id AND a.status = 'present') AS present,
              (SELECT count(*) FROM attendance a WHERE a.sessionId = s.id AND a.status = 'absent') AS absent,
              (SELECT count(*) FROM attendance a WHERE a.sessionId = s.id AND a.status = 'excused') AS excused
            FROM clubSession s WHERE s.clubId = ? ORDER BY s.date DESC, s.id DESC LIMIT ?
            """, arguments: [clubId, limit])
        return try rows.map { SessionItem(session: try ClubSession(row: $0), present: $0["present"], absent: $0["absent"], excused: $0["excused"]) }
    }

    package static func session(_ db: Database, id: Int64, for principal: Principal) throws -> (ClubSession, Club, [Attendance]) {
        guard let session = try ClubSession.fetchOne(db, key: id) else { throw DomainError.notFound("buổi sinh hoạt", english: "Session") }
        let club = try get(db, id: session.clubId, for: principal)
        return (session, club, try Attendance.filter(Column("sessionId") == id).fetchAll(db))
    }

    package struct SessionInput: Sendable, Codable {
        package var date: String
        package var topic: String?
        package var place: String?
        package var guests: Int
        /// personId → status; members left out are not recorded.
        package var attendance: [Int64: AttendanceStatus]
        package init(date: String, topic: String? = nil, place: String? = nil, guests: Int = 0, attendance: [Int64: AttendanceStatus] = [:]) {
            self.date = date; self.topic = topic; self.place = place; self.guests = guests; self.attendance = attendance
        }
    }

    /// Records a session with its attendance in one transaction (one tap per member, one save).
    package static func recordSession(_ db: Database, clubId: Int64, _ input: SessionInput, sessionId: Int64? = nil,
                                     by principal: Principal, now: Date = Date()) throws -> ClubSession {
        let club = try editable(db, id: clubId, by: principal)
        var errors: [String: String] = [:]
        let date = CivilDate(parsing: input.date)
        if date == nil { errors["date"] = "Ngày sinh hoạt dạng dd/MM/yyyy" }
        if let date, date > CivilDate.today(now: now) { errors["date"] = "Ngày sinh hoạt không được sau hôm nay" }
        if let date, let founded = club.foundedOn, date < founded { errors["date"] = "Trước ngày thành lập (\(founded.display))" }
        if input.guests < 0 || input.guests > 10_000 { errors["guests"] = "Số khách từ 0 đến 10.000" }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        let memberIds = Set(try members(db, clubId: clubId, on: date!).map(\.member.personId))
        let strangers = input.attendance.keys.filter { !memberIds.contains($0) }
        if !strangers.isEmpty { throw DomainError.invalid(["attendance": "Có người không phải thành viên vào ngày đó"]) }
        var session: ClubSession
        if let sessionId {
            guard let existing = try ClubSession.fetchOne(db, key: sessionId), existing.clubId == clubId else {
                throw DomainError.notFound("buổi sinh hoạt", english: "Session")
            }
            session = existing
            session.date = date!
            session.topic = VietnameseText.cleanOrNil(input.topic)
            session.place = VietnameseText.cleanOrNil(input.place)
            session.guests = input.guests
            try session.update(db)
            try Attendance.filter(Column("sessionId") == sessionId).deleteAll(db)
        } else {
            session = ClubSession(clubId: clubId, date: date!, topic: VietnameseText.cleanOrNil(input.topic), place: VietnameseText.cleanOrNil(input.place),
                                  guests: input.guests, createdAt: now)
            try session.insert(db)
        }
        for (personId, status) in input.attendance {
            try Attendance(sessionId: session.id!, personId: personId, status: status).insert(db)
        }
        try Audit.record(db, by: principal, sessionId == nil ? .create : .update, entity: "clubSession", id: session.id,
                         after: ["date": session.date.display, "present": String(input.attendance.values.filter { $0 == .present }.count)], at: now)
        return session
    }

    package struct AttendanceRecord: Sendable { package let date: CivilDate; package let topic: String?; package let fullName: String; package let status: AttendanceStatus }

    /// Every mark of a club, by session date then name: the attendance CSV.
    package static func attendanceRecords(_ db: Database, clubId: Int64) throws -> [AttendanceRecord] {
        try Row.fetchAll(db, sql: """
            SELECT s.date, s.topic, p.fullName, a.status FROM attendance a JOIN clubSession s ON s.id = a.sessionId
            JOIN person p ON p.id = a.personId WHERE s.clubId = ? ORDER BY s.date, p.sortKey
            """, arguments: [clubId]).compactMap { row in
            guard let date = CivilDate(parsing: row[0]), let status = AttendanceStatus(rawValue: row[3]) else { return nil }
            return AttendanceRecord(date: date, topic: row[1], fullName: row[2], status: status)
        }
    }

    /// Months (yyyy-MM) with at least one session, for the activity strip.
    package static func sessionMonths(_ db: Database, clubId: Int64) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT DISTINCT substr(date, 1, 7) FROM clubSession WHERE clubId = ?", arguments: [clubId]))
    }
}

