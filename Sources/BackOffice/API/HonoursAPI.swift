import Foundation
import Honours
import Hummingbird
import Store
import Vietnamese

/// `/api/v1/nominations`, `/api/v1/decisions`, `/api/v1/honours?year=` — the same rules as the pages.
struct HonoursAPI {
    let database: AppDatabase
    let forms: HonourForms

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/nominations", use: nominations)
        router.post("/nominations", use: createNomination)
        router.get("/nominations/:id", use: nomination)
        router.get("/decisions", use: decisions)
        router.get("/decisions/:id", use: decision)
        router.get("/honours", use: honours)
    }

    struct NominationJSON: Encodable {
        let id: Int64; let year: Int; let recipientKind: String; let recipientId: Int64; let recipient: String; let place: String; let formKey: String
        let form: String; let commendationType: String; let achievement: String; let proposingUnitId: Int64; let status: String
        let votesFor: Int?; let votesAgainst: Int?; let rejectReason: String?; let award: Int64; let decisionId: Int64?; let decisionNumber: String?
    }

    static func json(_ item: NominationStore.Item) -> NominationJSON {
        let n = item.nomination
        return NominationJSON(id: n.id!, year: n.year, recipientKind: n.recipientKind.rawValue,
                              recipientId: n.personId ?? n.householdId ?? n.clanId ?? n.clubId ?? n.unitId ?? 0, recipient: item.recipient, place: item.place,
                              formKey: n.formKey, form: item.formName, commendationType: n.commendationType.rawValue, achievement: n.achievement,
                              proposingUnitId: n.proposingUnitId, status: n.status.rawValue, votesFor: n.votesFor, votesAgainst: n.votesAgainst,
                              rejectReason: n.rejectReason, award: n.award, decisionId: n.decisionId, decisionNumber: item.decisionNumber)
    }

    @Sendable func nominations(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let filter = NominationStore.Filter(year: (try request.queryYear()), status: (try request.queryChoice("status", as: NominationStatus.self)),
                                            formKey: request.query("form"))
        let forms = self.forms
        let items = try await database.read { try NominationStore.list($0, filter, forms: forms, for: principal) }
        return try APIResponse.whole(items.map(Self.json))
    }

    @Sendable func nomination(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let forms = self.forms
        return try APIResponse.json(Self.json(try await database.read { try NominationStore.get($0, id: id, forms: forms, for: principal) }))
    }

    @Sendable func createNomination(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let input = try await request.decode(as: NominationStore.Input.self, context: context)
        let forms = self.forms
        let item = try await database.write { db in
            try NominationStore.get(db, id: try NominationStore.create(db, input, forms: forms, by: principal).id!, forms: forms, for: principal)
        }
        return try APIResponse.json(Self.json(item), status: .created)
    }

    struct DecisionJSON: Encodable {
        let id: Int64; let year: Int; let number: String?; let date: String?; let level: String; let formKey: String; let subject: String; let kind: String
        let correctsId: Int64?; let correctedById: Int64?; let status: String; let signerName: String; let signerTitle: String; let recipients: [NominationJSON]?
    }

    static func json(_ d: Decision, correctedBy: Int64?, recipients: [NominationStore.Item]?) -> DecisionJSON {
        DecisionJSON(id: d.id!, year: d.year, number: d.number, date: d.date?.iso, level: d.level, formKey: d.formKey, subject: d.subject, kind: d.kind.rawValue,
                     correctsId: d.correctsId, correctedById: correctedBy, status: d.status, signerName: d.signerName, signerTitle: d.signerTitle,
                     recipients: recipients?.map(json))
    }

    @Sendable func decisions(_ request: Request, context: SignedInContext) async throws -> Response {
        let year = (try request.queryYear())
        let items = try await database.read { db in
            try DecisionStore.list(db, year: year).map { Self.json($0, correctedBy: try DecisionStore.correction(db, of: $0.id!)?.id, recipients: nil) }
        }
        return try APIResponse.whole(items)
    }

    @Sendable func decision(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.id()
        let forms = self.forms
        let json = try await database.read { db in
            Self.json(try DecisionStore.get(db, id: id), correctedBy: try DecisionStore.correction(db, of: id)?.id,
                      recipients: try NominationStore.list(db, .init(decisionId: id), forms: forms, for: .system))
        }
        return try APIResponse.json(json)
    }

    struct HonourJSON: Encodable {
        let year: Int; let recipientKind: String; let name: String; let place: String; let formKey: String; let form: String; let achievement: String
        let decisionId: Int64; let decisionNumber: String; let decisionDate: String
    }

    /// The honour roll as data: the same public fields as the page.
    @Sendable func honours(_ request: Request, context: SignedInContext) async throws -> Response {
        let year = (try request.queryYear())
        let forms = self.forms
        let entries = try await database.read { try HonourRoll.entries($0, .init(year: year), forms: forms) }
        return try APIResponse.whole(entries.map {
            HonourJSON(year: $0.year, recipientKind: $0.recipientKind.rawValue, name: $0.name, place: $0.place, formKey: $0.formKey, form: $0.formName,
                       achievement: $0.achievement, decisionId: $0.decisionId, decisionNumber: $0.decisionNumber, decisionDate: $0.decisionDate.iso)
        })
    }
}
