import Foundation
import GRDB
import Hummingbird
import Store

/// `/api/v1/units`: list (`q`, `kind`), get, create, update.
struct UnitsAPI {
    let database: AppDatabase

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/units", use: list)
        router.get("/units/:id", use: get)
        router.post("/units", use: create)
        router.put("/units/:id", use: update)
    }

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

        init(_ unit: OrgUnit) {
            id = unit.id!; name = unit.name; kind = unit.kind.rawValue; parentId = unit.parentId; address = unit.address
            phone = unit.phone; email = unit.email; contactName = unit.contactName; isActive = unit.isActive
        }
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.signedIn()
        let kind = request.query("kind").flatMap(UnitKind.init(rawValue:))
        let text = request.query("q") ?? ""
        let page = max(1, request.queryInt("page") ?? 1)
        let perPage = min(max(1, request.queryInt("perPage") ?? 100), 500)
        let all = try await database.read { try UnitStore.list($0, for: principal, text: text, kind: kind) }
        let items = all.dropFirst((page - 1) * perPage).prefix(perPage).map { UnitJSON($0.unit) }
        return try APIResponse.json(APIResponse.List(items: Array(items), total: all.count, page: page, perPage: perPage))
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.signedIn()
        let id = try context.id()
        return try APIResponse.json(UnitJSON(try await database.read { try UnitStore.get($0, id: id, for: principal) }))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.signedIn()
        let input = try await request.decode(as: UnitInput.self, context: context)
        let unit = try await database.write { try UnitStore.create($0, input, by: principal) }
        return try APIResponse.json(UnitJSON(unit), status: .created)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.signedIn()
        let id = try context.id()
        let input = try await request.decode(as: UnitInput.self, context: context)
        let unit = try await database.write { try UnitStore.update($0, id: id, input, by: principal) }
        return try APIResponse.json(UnitJSON(unit))
    }
}
