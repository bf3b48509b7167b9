import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// `/api/v1/people`: list (`q`, `village`, `page`, `perPage`), get, create, update — same permission checks as pages.
struct PeopleAPI {
    let database: AppDatabase

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/people", use: list)
        router.get("/people/:id", use: get)
        router.post("/people", use: create)
        Self.record.addRoutes(to: router, path: "/people/:id") { try await write($0, context: $1, mode: $2) }
    }

    static let record = RecordWrite(
        writable: ["fullName", "gender", "birthYear", "birthDate", "villageId", "village", "phone", "ethnicity", "zalo", "email", "notes", "language", "sortName"],
        readOnly: ["id", "householdId"], alternatives: ["village"])

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
        var zalo: String? = nil
        var email: String? = nil
        var notes: String? = nil
        /// ISO 639-3 code of the messages' language ("vie", "sed", "bdq").
        var language = MessageLanguage.vietnamese.rawValue
        /// The words compared when sorting, for names whose last word is not the given name; null: the name itself.
        var sortName: String? = nil

        enum CodingKeys: String, CodingKey {
            case id, fullName, gender, birthYear, birthDate, village, villageId, phone, ethnicity, householdId, zalo, email, notes, language, sortName
        }

        /// Empty fields as null, not left out: the schema lists every field, and a client that writes back what it
        /// read must find them all.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(fullName, forKey: .fullName); try c.encode(gender, forKey: .gender)
            try c.encode(birthYear, forKey: .birthYear); try c.encode(birthDate, forKey: .birthDate); try c.encode(village, forKey: .village)
            try c.encode(villageId, forKey: .villageId); try c.encode(phone, forKey: .phone); try c.encode(ethnicity, forKey: .ethnicity)
            try c.encode(householdId, forKey: .householdId); try c.encode(zalo, forKey: .zalo); try c.encode(email, forKey: .email)
            try c.encode(notes, forKey: .notes); try c.encode(language, forKey: .language)
            try c.encode(sortName, forKey: .sortName)
        }
    }

    /// A search hit: what the list index holds (`GET /people/{id}` gives the whole record).
    struct PersonSummaryJSON: Encodable {
        let id: Int64
        let fullName: String
        let gender: String
        let birthYear: Int?
        let village: String?
        let villageId: Int64?
        let phone: String?

        enum CodingKeys: String, CodingKey { case id, fullName, gender, birthYear, village, villageId, phone }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(fullName, forKey: .fullName); try c.encode(gender, forKey: .gender)
            try c.encode(birthYear, forKey: .birthYear); try c.encode(village, forKey: .village); try c.encode(villageId, forKey: .villageId)
            try c.encode(phone, forKey: .phone)
        }
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
        let language: String?
        let sortName: String?
        /// POST only: the client has seen the possible duplicates and this is someone else.
        let confirmNew: Bool?
    }

    /// 409 when a new person may already be on the register: nothing saved, the candidates named.
    struct DuplicatesBody: Encodable {
        struct Candidate: Encodable { let id: Int64; let fullName: String; let birthYear: Int?; let villageId: Int64?; let reasons: [String] }
        let error: APIResponse.ErrorBody.Detail
        let duplicates: [Candidate]
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let query = PersonQuery(text: request.query("q") ?? "", villageId: (try request.queryId("village")),
                                page: (try request.queryPage()), perPage: try request.queryPerPage(default: 50))
        let result = try await database.read { try PersonStore.search($0, query, for: principal) }
        let items = result.items.map {
            PersonSummaryJSON(id: $0.id, fullName: $0.fullName, gender: $0.gender.rawValue, birthYear: $0.birthYear,
                              village: $0.villageName, villageId: $0.villageId, phone: $0.phone)
        }
        return try APIResponse.json(APIResponse.List(items: items, total: result.total, page: result.page, perPage: result.perPage))
    }

    private func json(_ db: Database, _ person: Person) throws -> PersonJSON {
        let village = try UnitStore.find(db, id: person.villageId)
        return PersonJSON(id: person.id!, fullName: person.fullName, gender: person.gender.rawValue, birthYear: person.birthYear,
                          birthDate: person.birthDate?.iso, village: village?.name, villageId: person.villageId, phone: person.phone,
                          ethnicity: person.ethnicity, householdId: person.householdId, zalo: person.zalo, email: person.email,
                          notes: person.notes, language: person.language ?? MessageLanguage.vietnamese.rawValue, sortName: person.sortName)
    }

    @Sendable func get(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let (person, representation) = try await database.read { db in
            let person = try PersonStore.get(db, id: id, for: principal)
            return (person, try json(db, person))
        }
        return try Self.record.response(representation, version: RecordVersion.of(person))
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
                           relationToHead: existing?.relationToHead, phone: body.phone, zalo: body.zalo, email: body.email, notes: body.notes,
                           language: body.language, sortName: body.sortName)
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let body = try await request.decode(as: PersonBody.self, context: context)
        do {
            let (person, created) = try await database.write { db in
                let person = try PersonStore.create(db, try input(db, body, existing: nil), by: principal, checkDuplicates: true,
                                                    confirmedNew: body.confirmNew ?? false)
                return (person, try json(db, person))
            }
            return try Self.record.response(created, version: RecordVersion.of(person), status: .created)
        } catch let found as PersonStore.PossibleDuplicates {
            let message = "Có thể người này đã có trong danh sách; gửi lại với \"confirmNew\": true nếu đây là người khác."
            return try APIResponse.json(DuplicatesBody(error: .init(message: message, fields: nil), duplicates: found.candidates.map {
                .init(id: $0.id, fullName: $0.fullName, birthYear: $0.birthYear, villageId: $0.villageId, reasons: $0.reasons.map(\.rawValue))
            }), status: .conflict)
        }
    }

    private func write(_ request: Request, context: SignedInContext, mode: RecordWrite.Mode) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        var body = try await Self.record.body(request, context: context, mode: mode)
        // A village given by name replaces the one held by id.
        if body.fields["village"] != nil && body.fields["villageId"] == nil { body.fields["villageId"] = .null }
        let sent = body
        let (person, representation) = try await database.write { db in
            let existing = try PersonStore.get(db, id: id, for: principal)
            try principal.require(principal.canWrite(unitId: existing.villageId))  // a refusal before any field talk
            let merged = try Self.record.merged(try json(db, existing), with: sent, as: PersonBody.self)
            let person = try PersonStore.update(db, id: id, try input(db, merged, existing: existing), version: sent.ifMatch, by: principal)
            return (person, try json(db, person))
        }
        return try Self.record.response(representation, version: RecordVersion.of(person))
    }
}
