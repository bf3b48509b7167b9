import Campaigns
import Composition
import Foundation
import GRDB
import Hummingbird
import Organisations
import Store
import Vietnamese

/// `/api/v1/activities/{id}/attendance` — who was present at an activity by name, marked by the rules of its page;
/// `/api/v1/organisations/{id}/participation` — how many of an organisation's members took part and were reached.
struct AttendanceAPI {
    let database: AppDatabase
    let clock: WallClock

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/activities/:id/attendance", use: attendance)
        router.post("/activities/:id/attendance", use: mark)
        router.get("/organisations/:id/participation", use: participation)
    }

    struct AttendeeJSON: Encodable { let personId: Int64; let fullName: String; let village: String? }
    struct OrganisationCountJSON: Encodable { let organisationId: Int64; let organisation: String; let members: Int }
    struct AttendanceJSON: Encodable {
        let activityId: Int64; let present: Int; let attendees: [AttendeeJSON]; let hidden: Int; let members: [OrganisationCountJSON]
    }
    struct MarkBody: Decodable { let present: [Int64]?; let absent: [Int64]? }
    struct ParticipationJSON: Encodable {
        let organisationId: Int64; let year: Int; let members: Int; let joined: Int; let membersDuringYear: Int; let tookPart: Int; let reachedByMessages: Int
    }

    static func json(_ db: Database, activityId: Int64, for principal: Principal) throws -> AttendanceJSON {
        let presence = try ActivityPresence.of(db, activityId: activityId, for: principal)
        return AttendanceJSON(activityId: activityId, present: presence.present,
                              attendees: presence.shown.map { AttendeeJSON(personId: $0.personId, fullName: $0.fullName, village: $0.village) },
                              hidden: presence.hidden,
                              members: presence.byOrganisation.map {
                                  OrganisationCountJSON(organisationId: $0.organisationId, organisation: $0.organisation, members: $0.members)
                              })
    }

    @Sendable func attendance(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        return try APIResponse.json(try await database.read { try Self.json($0, activityId: id, for: principal) })
    }

    /// Marks `present` and unmarks `absent` (ids of residents the account may read), in one transaction.
    @Sendable func mark(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let body = try await request.decode(as: MarkBody.self, context: context)
        let present = body.present ?? [], absent = body.absent ?? []
        guard Set(present).isDisjoint(with: absent) else { throw DomainError.invalid(["absent": "Một người không thể vừa có mặt vừa vắng"]) }
        let answer = try await database.write { db in
            try ActivityAttendance.set(db, activityId: id, shown: absent, present: Set(present), by: principal)
            return try Self.json(db, activityId: id, for: principal)
        }
        return try APIResponse.json(answer)
    }

    @Sendable func participation(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let year = try request.queryYear("year") ?? clock.today().year
        let answer = try await database.read { db -> ParticipationJSON in
            let unit = try UnitStore.get(db, id: id, for: principal)
            guard MembershipStore.isOrganisation(unit) else { throw DomainError.notFound("tổ chức đoàn thể", english: "Organisation") }
            let figures = try OrganisationYear.figures(db, year: year)[id] ?? .none
            return ParticipationJSON(organisationId: id, year: year, members: figures.members, joined: figures.joined,
                                     membersDuringYear: figures.during, tookPart: figures.tookPart, reachedByMessages: figures.reached)
        }
        return try APIResponse.json(answer)
    }
}
