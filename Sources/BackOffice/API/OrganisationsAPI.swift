import Foundation
import Hummingbird
import Organisations
import Store
import Vietnamese

/// `/api/v1/organisations/{id}/members` — an organisation's members, added and ended by the same rules as its page.
struct OrganisationsAPI {
    let database: AppDatabase
    let clock: WallClock

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/organisations/:id/members", use: members)
        router.post("/organisations/:id/members", use: add)
        router.post("/organisations/:id/members/:memberId/end", use: end)
    }

    struct MemberJSON: Encodable {
        let id: Int64; let personId: Int64; let fullName: String; let branchId: Int64?; let branch: String?; let role: String
        let number: String?; let joinedOn: String; let leftOn: String?
    }

    struct MemberBody: Decodable { let personId: Int64; let branchId: Int64?; let role: String?; let number: String?; let joinedOn: String? }
    struct EndBody: Decodable { let leftOn: String? }

    @Sendable func members(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let former = request.query("former") == "true"
        let lines = try await database.read { try MembershipStore.members($0, orgId: id, includeFormer: former, for: principal) }
        return try APIResponse.whole(lines.map { Self.json($0.member, name: $0.fullName, branch: $0.branch) })
    }

    static func json(_ member: OrgMember, name: String, branch: String?) -> MemberJSON {
        MemberJSON(id: member.id!, personId: member.personId, fullName: name, branchId: member.branchId, branch: branch, role: member.role.rawValue,
                   number: member.number, joinedOn: member.joinedOn.iso, leftOn: member.leftOn?.iso)
    }

    @Sendable func add(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let body = try await request.decode(as: MemberBody.self, context: context)
        guard let role = OrgRole(rawValue: body.role ?? "member") else { throw DomainError.invalid(["role": "head, deputy hoặc member"]) }
        guard let joined = body.joinedOn.map({ CivilDate(parsing: $0) }) ?? clock.today() else {
            throw DomainError.invalid(["joinedOn": "Ngày dạng yyyy-MM-dd hoặc dd/MM/yyyy"])
        }
        let input = MembershipStore.Input(personId: body.personId, branchId: body.branchId, role: role, number: body.number, joinedOn: joined)
        let (member, name) = try await database.write { db in
            let member = try MembershipStore.add(db, orgId: id, input, by: principal)
            return (member, try PersonStore.get(db, id: member.personId, for: principal).fullName)
        }
        return try APIResponse.json(Self.json(member, name: name, branch: nil), status: .created)
    }

    @Sendable func end(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id(), memberId = try context.id("memberId")
        let body = try await request.decode(as: EndBody.self, context: context)
        guard let on = body.leftOn.map({ CivilDate(parsing: $0) }) ?? clock.today() else {
            throw DomainError.invalid(["leftOn": "Ngày dạng yyyy-MM-dd hoặc dd/MM/yyyy"])
        }
        let line = try await database.write { db -> MembershipStore.Line? in
            guard try MembershipStore.organisationId(db, memberId: memberId) == id else { throw DomainError.notFound("hội viên", english: "Member") }
            try MembershipStore.end(db, memberId: memberId, on: on, by: principal)
            return try MembershipStore.members(db, orgId: id, includeFormer: true, for: principal).first { $0.member.id == memberId }
        }
        guard let line else { throw DomainError.notFound("hội viên", english: "Member") }
        return try APIResponse.json(Self.json(line.member, name: line.fullName, branch: line.branch))
    }
}
