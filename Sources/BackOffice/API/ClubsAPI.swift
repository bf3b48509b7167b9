import Clubs
import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// `/api/v1/clubs`, `/api/v1/clubs/{id}/members`, `/api/v1/clubs/{id}/sessions` — the same rules as the pages.
struct ClubsAPI {
    let database: AppDatabase
    let clock: WallClock

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/clubs", use: list)
        router.post("/clubs", use: create)
        router.get("/clubs/:id", use: get)
        Self.record.addRoutes(to: router, path: "/clubs/:id") { try await write($0, context: $1, mode: $2) }
        router.get("/clubs/:id/members", use: members)
        router.post("/clubs/:id/members", use: addMember)
        router.get("/clubs/:id/sessions", use: sessions)
        router.post("/clubs/:id/sessions", use: recordSession)
    }

    struct ClubJSON: Encodable {
        let id: Int64; let name: String; let unitId: Int64; let unit: String; let kind: String; let field: String; let ageGroups: [String]
        let leaderId: Int64?; let schedule: String?; let foundedOn: String?; let status: String; let statusSince: String?
        let members: Int?; let lastSession: String?; let regularlyActive: Bool
        var notes: String? = nil
    }

    static let record = RecordWrite(writable: ["name", "unitId", "kind", "field", "ageGroups", "leaderId", "schedule", "foundedOn", "notes"],
                                    readOnly: ["id", "unit", "status", "statusSince", "members", "lastSession", "regularlyActive"])

    struct MemberJSON: Encodable {
        let id: Int64; let personId: Int64; let fullName: String; let role: String; let joinedOn: String; let leftOn: String?; let attendanceRate: Int?
    }

    struct SessionJSON: Encodable { let id: Int64; let date: String; let topic: String?; let place: String?; let guests: Int; let present: Int; let absent: Int; let excused: Int }

    struct MemberBody: Decodable { let personId: Int64; let role: String?; let joinedOn: String? }
    struct SessionBody: Decodable {
        struct Mark: Decodable { let personId: Int64; let status: String }
        let date: String; let topic: String?; let place: String?; let guests: Int?; let attendance: [Mark]?
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let filter = ClubStore.Filter(unitId: (try request.queryId("unit")), kind: (try request.queryChoice("kind", as: ClubKind.self)),
                                      field: (try request.queryChoice("field", as: ClubField.self)),
                                      status: (try request.queryChoice("status", as: ClubStatus.self)))
        let (items, active) = try await database.read { db in
            (try ClubStore.list(db, filter, for: principal), try ActivityIndicator.activeClubs(db, on: clock.today(), rule: try ActivityRule.fromSettings(db)))
        }
        let json = items.map { Self.json($0.club, unit: $0.unitName, members: $0.members, lastSession: $0.lastSession, active: active) }
        return try APIResponse.whole(json)
    }

    static func json(_ club: Club, unit: String, members: Int?, lastSession: CivilDate?, active: Set<Int64>) -> ClubJSON {
        ClubJSON(id: club.id!, name: club.name, unitId: club.unitId, unit: unit, kind: club.kind.rawValue, field: club.field.rawValue,
                 ageGroups: club.ageGroupList.map(\.rawValue), leaderId: club.leaderId, schedule: club.schedule, foundedOn: club.foundedOn?.iso,
                 status: club.status.rawValue, statusSince: club.statusSince?.iso, members: members, lastSession: lastSession?.iso,
                 regularlyActive: active.contains(club.id!), notes: club.notes)
    }

    @Sendable func get(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let (club, json) = try await database.read { db in
            let club = try ClubStore.get(db, id: id, for: principal)
            return (club, try detail(db, club))
        }
        return try Self.record.response(json, version: RecordVersion.of(club))
    }

    func detail(_ db: Database, _ club: Club) throws -> ClubJSON {
        let active = try ActivityIndicator.activeClubs(db, on: clock.today(), rule: try ActivityRule.fromSettings(db))
        return Self.json(club, unit: try UnitStore.name(db, id: club.unitId), members: nil, lastSession: nil, active: active)
    }

    /// PUT or PATCH (see `RecordWrite`): the club as stored, the body laid over it, one transaction.
    private func write(_ request: Request, context: SignedInContext, mode: RecordWrite.Mode) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let body = try await Self.record.body(request, context: context, mode: mode)
        let (club, json) = try await database.write { db in
            let existing = try ClubStore.editable(db, id: id, by: principal)
            // Only writable fields matter for the merge: the read-only ones (activity indicator, counts) are not computed.
            let input = try Self.record.merged(Self.json(existing, unit: "", members: nil, lastSession: nil, active: []), with: body, as: ClubInput.self)
            let club = try ClubStore.update(db, id: id, input, version: body.ifMatch, by: principal)
            return (club, try detail(db, club))
        }
        return try Self.record.response(json, version: RecordVersion.of(club))
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let input = try await request.decode(as: ClubInput.self, context: context)
        let club = try await database.write { try ClubStore.create($0, input, by: principal) }
        return try APIResponse.json(Self.json(club, unit: "", members: 0, lastSession: nil, active: []), status: .created)
    }

    @Sendable func members(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let items = try await database.read { db in
            _ = try ClubStore.get(db, id: id, for: principal)
            return try ClubStore.members(db, clubId: id)
        }
        let json = items.map {
            MemberJSON(id: $0.member.id!, personId: $0.member.personId, fullName: $0.fullName, role: $0.member.role.rawValue,
                       joinedOn: $0.member.joinedOn.iso, leftOn: $0.member.leftOn?.iso, attendanceRate: $0.attendanceRate)
        }
        return try APIResponse.whole(json)
    }

    @Sendable func addMember(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let body = try await request.decode(as: MemberBody.self, context: context)
        guard let role = MemberRole(rawValue: body.role ?? "member") else { throw DomainError.invalid(["role": "head, deputy hoặc member"]) }
        guard let joined = body.joinedOn.map({ CivilDate(parsing: $0) }) ?? clock.today() else {
            throw DomainError.invalid(["joinedOn": "Ngày dạng yyyy-MM-dd hoặc dd/MM/yyyy"])
        }
        let member = try await database.write { try ClubStore.addMember($0, clubId: id, personId: body.personId, role: role, joinedOn: joined, by: principal) }
        return try APIResponse.json(MemberJSON(id: member.id!, personId: member.personId, fullName: "", role: member.role.rawValue,
                                               joinedOn: member.joinedOn.iso, leftOn: nil, attendanceRate: nil), status: .created)
    }

    @Sendable func sessions(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let items = try await database.read { db in
            _ = try ClubStore.get(db, id: id, for: principal)
            return try ClubStore.sessions(db, clubId: id)
        }
        let json = items.map {
            SessionJSON(id: $0.session.id!, date: $0.session.date.iso, topic: $0.session.topic, place: $0.session.place, guests: $0.session.guests,
                        present: $0.present, absent: $0.absent, excused: $0.excused)
        }
        return try APIResponse.whole(json)
    }

    @Sendable func recordSession(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let body = try await request.decode(as: SessionBody.self, context: context)
        var marks: [Int64: AttendanceStatus] = [:]
        for mark in body.attendance ?? [] {
            guard let status = AttendanceStatus(rawValue: mark.status) else { throw DomainError.invalid(["attendance": "present, absent hoặc excused"]) }
            marks[mark.personId] = status
        }
        let input = ClubStore.SessionInput(date: body.date, topic: body.topic, place: body.place, guests: body.guests ?? 0, attendance: marks)
        let session = try await database.write { try ClubStore.recordSession($0, clubId: id, input, by: principal) }
        return try APIResponse.json(SessionJSON(id: session.id!, date: session.date.iso, topic: session.topic, place: session.place, guests: session.guests,
                                                present: marks.values.filter { $0 == .present }.count, absent: marks.values.filter { $0 == .absent }.count,
                                                excused: marks.values.filter { $0 == .excused }.count), status: .created)
    }
}
