import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// `/api/v1/people`: list (`q`, `village`, `page`, `perPage`), get, create, update — same permission checks as pages.
struct PeopleAPI {
    let database: AppDatabase

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/people", use: list)
        router.get("/people/:id", use: get)
        router.post("/people", use: create)
        router.put("/people/:id", use: update)
    }

    struct PersonJSON: Encodable {
        let id: Int64
        let fullName: String
        let gender: String
        let birthYear: Int?
        let birthDate: String?
        let village: String?
        let villageId: Int64?
        let phone: String?
        let ethnicity: String?
        let householdId: Int64?
    }

    /// What a client sends; every field but `fullName` is optional.
    struct PersonBody: Decodable {
        let fullName: String
        let gender: String?
        let birthYear: Int?
        let birthDate: String?
        let villageId: Int64?
        let village: String?
        let phone: String?
        let ethnicity: String?
        let zalo: String?
        let email: String?
        let notes: String?
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.signedIn()
        let query = PersonQuery(text: request.query("q") ?? "", villageId: request.queryInt64("village"),
                                page: request.queryInt("page") ?? 1, perPage: request.queryInt("perPage") ?? 50)
        let result = try await database.read { try PersonStore.search($0, query, for: principal) }
        let items = result.items.map {
            PersonJSON(id: $0.id, fullName: $0.fullName, gender: $0.gender.rawValue, birthYear: $0.birthYear, birthDate: nil,
                       village: $0.villageName, villageId: $0.villageId, phone: $0.phone, ethnicity: nil, householdId: nil)
        }
        return try APIResponse.json(APIResponse.List(items: items, total: result.total, page: result.page, perPage: result.perPage))
    }

    private func json(_ db: Database, _ person: Person) throws -> PersonJSON {
        let village = try person.villageId.flatMap { try OrgUnit.fetchOne(db, key: $0) }
        return PersonJSON(id: person.id!, fullName: person.fullName, gender: person.gender.rawValue, birthYear: person.birthYear,
                          birthDate: person.birthDate?.iso, village: village?.name, villageId: person.villageId, phone: person.phone,
                          ethnicity: person.ethnicity, householdId: person.householdId)
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.signedIn()
        let id = try context.id()
        return try APIResponse.json(try await database.read { db in try json(db, try PersonStore.get(db, id: id, for: principal)) })
    }

    private func input(_ db: Database, _ body: PersonBody, existing: Person?) throws -> PersonInput {
        var villageId = body.villageId
        if villageId == nil, let name = body.village {
            guard let village = try UnitStore.find(db, name: name, kind: .village) else {
                throw DomainError.invalid(["village": "Không có thôn \"\(name)\""])
            }
            villageId = village.id
        }
        return PersonInput(fullName: body.fullName, gender: body.gender, birthDate: body.birthDate, birthYear: body.birthYear.map(String.init),
                           ethnicity: body.ethnicity, villageId: villageId, householdId: existing?.householdId,
                           relationToHead: existing?.relationToHead, phone: body.phone, zalo: body.zalo, email: body.email, notes: body.notes)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.signedIn()
        let body = try await request.decode(as: PersonBody.self, context: context)
        let created = try await database.write { db in
            try json(db, try PersonStore.create(db, try input(db, body, existing: nil), by: principal))
        }
        return try APIResponse.json(created, status: .created)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.signedIn()
        let id = try context.id()
        let body = try await request.decode(as: PersonBody.self, context: context)
        let updated = try await database.write { db in
            let existing = try PersonStore.get(db, id: id, for: principal)
            return try json(db, try PersonStore.update(db, id: id, try input(db, body, existing: existing), by: principal))
        }
        return try APIResponse.json(updated)
    }
}
