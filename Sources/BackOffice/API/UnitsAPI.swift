import Foundation
import GRDB
import Hummingbird
import Store

/// `/api/v1/units`: list (`q`, `kind`), get, create, update.
struct UnitsAPI {
    let database: AppDatabase

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/units", use: list)
        router.get("/units/:id", use: get)
        router.post("/units", use: create)
        Self.record.addRoutes(to: router, path: "/units/:id") { try await write($0, context: $1, mode: $2) }
    }

    static let record = RecordWrite(writable: ["name", "kind", "parentId", "address", "phone", "email", "contactName", "isActive", "notes"],
                                    readOnly: ["id"])

    struct UnitJSON: Encodable {
        let id: Int64
        let name: String
        let kind: String
        let parentId: Int64?
        let address: String?
        let phone: String?
        let email: String?
        let contactName: String?
        let isActive: Bool
        let notes: String?

        init(_ unit: OrgUnit) {
            id = unit.id!; name = unit.name; kind = unit.kind.rawValue; parentId = unit.parentId; address = unit.address
            phone = unit.phone; email = unit.email; contactName = unit.contactName; isActive = unit.isActive; notes = unit.notes
        }

        enum CodingKeys: String, CodingKey { case id, name, kind, parentId, address, phone, email, contactName, isActive, notes }

        /// Empty fields as null, not left out (see `PeopleAPI.PersonJSON`).
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(kind, forKey: .kind)
            try c.encode(parentId, forKey: .parentId); try c.encode(address, forKey: .address); try c.encode(phone, forKey: .phone)
            try c.encode(email, forKey: .email); try c.encode(contactName, forKey: .contactName); try c.encode(isActive, forKey: .isActive)
            try c.encode(notes, forKey: .notes)
        }
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let kind = (try request.queryChoice("kind", as: UnitKind.self))
        let text = request.query("q") ?? ""
        let page = try request.queryPage()
        let perPage = try request.queryPerPage(default: 100)
        let all = try await database.read { try UnitStore.list($0, for: principal, text: text, kind: kind) }
        let items = all.dropFirst((page - 1) * perPage).prefix(perPage).map { UnitJSON($0.unit) }
        return try APIResponse.json(APIResponse.List(items: Array(items), total: all.count, page: page, perPage: perPage))
    }

    @Sendable func get(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let unit = try await database.read { try UnitStore.get($0, id: id, for: principal) }
        return try Self.record.response(UnitJSON(unit), version: RecordVersion.of(unit))
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let input = try await request.decode(as: UnitInput.self, context: context)
        let unit = try await database.write { try UnitStore.create($0, input, by: principal) }
        return try Self.record.response(UnitJSON(unit), version: RecordVersion.of(unit), status: .created)
    }

    private func write(_ request: Request, context: SignedInContext, mode: RecordWrite.Mode) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let body = try await Self.record.body(request, context: context, mode: mode)
        let unit = try await database.write { db in
            let existing = try UnitStore.get(db, id: id, for: principal)
            try principal.require(principal.canWrite(unitId: id))  // a refusal before any field talk
            let input = try Self.record.merged(UnitJSON(existing), with: body, as: UnitInput.self)
            return try UnitStore.update(db, id: id, input, version: body.ifMatch, by: principal)
        }
        return try Self.record.response(UnitJSON(unit), version: RecordVersion.of(unit))
    }
}
