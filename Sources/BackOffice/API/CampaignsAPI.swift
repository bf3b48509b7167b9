import Campaigns
import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// `/api/v1/campaigns` and `/api/v1/campaigns/{id}/activities`, with the same rules as the pages.
struct CampaignsAPI {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/campaigns", use: list)
        router.post("/campaigns", use: create)
        router.get("/campaigns/:id", use: get)
        Self.record.addRoutes(to: router, path: "/campaigns/:id") { try await write($0, context: $1, mode: $2) }
        router.get("/campaigns/:id/activities", use: activities)
        router.get("/activities/:id", use: activity)
        Self.activityRecord.addRoutes(to: router, path: "/activities/:id") { try await writeActivity($0, context: $1, mode: $2) }
        router.post("/campaigns/:id/activities", use: addActivity)
    }

    struct CampaignJSON: Encodable {
        let id: Int64; let title: String; let theme: String?; let observanceKey: String?; let year: Int; let startDate: String; let endDate: String
        let goals: String?; let leadUnitId: Int64; let status: String
        /// Only on `GET /campaigns/{id}` and its writes (the list leaves it out).
        var coordinatingUnitIds: [Int64]?
        init(_ c: Campaign, coordinating: [Int64]? = nil) {
            id = c.id!; title = c.title; theme = c.theme; observanceKey = c.observanceKey; year = c.year; startDate = c.startDate.iso
            endDate = c.endDate.iso; goals = c.goals; leadUnitId = c.leadUnitId; status = c.status.rawValue; coordinatingUnitIds = coordinating
        }
    }

    static let record = RecordWrite(writable: ["title", "theme", "observanceKey", "year", "startDate", "endDate", "goals", "leadUnitId",
                                               "coordinatingUnitIds"], readOnly: ["id", "status"])

    static func detail(_ db: Database, _ campaign: Campaign) throws -> CampaignJSON {
        CampaignJSON(campaign, coordinating: try CampaignStore.coordinatingUnits(db, campaignId: campaign.id!).map { $0.id! })
    }

    struct ActivityJSON: Encodable {
        let id: Int64; let campaignId: Int64; let kind: String; let title: String; let startsAt: String; let endsAt: String; let place: String?
        let unitId: Int64; let channels: [String]; let expectedParticipants: Int?; let outcomes: ActivityOutcomes; let notes: String?
        let expectedBooksLent: Int?; let expectedPosts: Int?; let expectedReach: Int?
        init(_ a: Activity) {
            id = a.id!; campaignId = a.campaignId; kind = a.kind.rawValue; title = a.title; startsAt = a.startsAt; endsAt = a.endsAt; place = a.place
            unitId = a.unitId; channels = a.channelList; expectedParticipants = a.expectedParticipants; outcomes = a.outcomes; notes = a.notes
            expectedBooksLent = a.expectedBooksLent; expectedPosts = a.expectedPosts; expectedReach = a.expectedReach
        }
    }

    /// The plan of an activity; outcomes are recorded on their own (the outcomes page), never overwritten by a PUT.
    static let activityRecord = RecordWrite(
        writable: ["kind", "title", "startsAt", "endsAt", "place", "unitId", "channels", "expectedParticipants", "expectedBooksLent",
                   "expectedPosts", "expectedReach", "notes"], readOnly: ["id", "campaignId", "outcomes"])

    @Sendable func activity(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.id()
        let activity = try await env.database.read { try CampaignStore.activity($0, id: id) }
        return try Self.activityRecord.response(ActivityJSON(activity), version: RecordVersion.of(activity))
    }

    private func writeActivity(_ request: Request, context: SignedInContext, mode: RecordWrite.Mode) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let body = try await Self.activityRecord.body(request, context: context, mode: mode)
        let activity = try await env.database.write { db in
            let existing = try CampaignStore.activity(db, id: id)
            _ = try CampaignStore.editable(db, id: existing.campaignId, by: principal)
            let input = try Self.activityRecord.merged(ActivityJSON(existing), with: body, as: ActivityInput.self)
            return try CampaignStore.saveActivity(db, campaignId: existing.campaignId, activityId: id, input, version: body.ifMatch, by: principal)
        }
        return try Self.activityRecord.response(ActivityJSON(activity), version: RecordVersion.of(activity))
    }

    var catalogue: ObservanceCatalogue? { try? ObservanceCatalogue(path: env.configuration.campaignsDirectory + "/observances.yaml") }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let filter = CampaignStore.Filter(year: (try request.queryYear()), status: (try request.queryChoice("status", as: CampaignStatus.self)),
                                          unitId: (try request.queryId("unit")), observanceKey: request.query("observance"))
        let items = try await env.database.read { try CampaignStore.list($0, filter) }.map { CampaignJSON($0.campaign) }
        return try APIResponse.whole(items)
    }

    @Sendable func get(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.id()
        let (campaign, json) = try await env.database.read { db in
            let campaign = try CampaignStore.get(db, id: id)
            return (campaign, try Self.detail(db, campaign))
        }
        return try Self.record.response(json, version: RecordVersion.of(campaign))
    }

    /// PUT or PATCH (see `RecordWrite`); the status moves only through its workflow, never by a write.
    private func write(_ request: Request, context: SignedInContext, mode: RecordWrite.Mode) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let body = try await Self.record.body(request, context: context, mode: mode)
        let catalogue = catalogue
        let (campaign, json) = try await env.database.write { db in
            let existing = try CampaignStore.editable(db, id: id, by: principal)
            let input = try Self.record.merged(try Self.detail(db, existing), with: body, as: CampaignInput.self)
            let campaign = try CampaignStore.update(db, id: id, input, catalogue: catalogue, version: body.ifMatch, by: principal)
            return (campaign, try Self.detail(db, campaign))
        }
        return try Self.record.response(json, version: RecordVersion.of(campaign))
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let input = try await request.decode(as: CampaignInput.self, context: context)
        let catalogue = catalogue
        let campaign = try await env.database.write { try CampaignStore.create($0, input, catalogue: catalogue, by: principal) }
        return try APIResponse.json(CampaignJSON(campaign), status: .created)
    }

    @Sendable func activities(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.id()
        let items = try await env.database.read { db in
            _ = try CampaignStore.get(db, id: id)
            return try CampaignStore.activities(db, campaignId: id)
        }.map(ActivityJSON.init)
        return try APIResponse.whole(items)
    }

    @Sendable func addActivity(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let input = try await request.decode(as: ActivityInput.self, context: context)
        let activity = try await env.database.write { try CampaignStore.saveActivity($0, campaignId: id, input, by: principal) }
        return try APIResponse.json(ActivityJSON(activity), status: .created)
    }
}
