import Foundation
import Hummingbird
import Socialization
import Store
import Vietnamese

/// `/api/v1/sponsors`, `/api/v1/donations`, `/api/v1/pledges`, `/api/v1/volunteer-hours` — the same rules as the pages.
struct SocializationAPI {
    let database: AppDatabase
    let clock: WallClock

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/sponsors", use: sponsors)
        router.post("/sponsors", use: createSponsor)
        router.get("/sponsors/:id", use: sponsor)
        Self.sponsorRecord.addRoutes(to: router, path: "/sponsors/:id") { try await writeSponsor($0, context: $1, mode: $2) }
        router.get("/donations", use: donations)
        router.post("/donations", use: createDonation)
        router.get("/donations/:id", use: donation)
        router.post("/donations/:id/void", use: voidDonation)
        router.get("/pledges", use: pledges)
        router.post("/pledges", use: createPledge)
        router.get("/volunteer-hours", use: hours)
        router.post("/volunteer-hours", use: logHours)
        router.post("/volunteer-hours/:id/review", use: reviewHours)
    }

    struct SponsorJSON: Encodable {
        let id: Int64; let name: String; let kind: String; let personId: Int64?; let unitId: Int64?; let tags: [String]; let phone: String?
        let donations: Int; let total: Int64; let lastDonation: String?; let notes: String?
    }

    /// What a PUT or PATCH may change; the name and contacts belong to the person's or unit's own record.
    struct SponsorWrite: Decodable { let kind: String; let tags: [String]?; let notes: String? }
    static let sponsorRecord = RecordWrite(writable: ["kind", "tags", "notes"],
                                           readOnly: ["id", "name", "personId", "unitId", "phone", "donations", "total", "lastDonation"])

    static func json(_ item: SponsorStore.Item) -> SponsorJSON {
        SponsorJSON(id: item.sponsor.id!, name: item.name, kind: item.sponsor.kind.rawValue, personId: item.sponsor.personId, unitId: item.sponsor.unitId,
                    tags: item.sponsor.tagList, phone: item.phone, donations: item.donations, total: item.total, lastDonation: item.lastDonation?.iso,
                    notes: item.sponsor.notes)
    }

    @Sendable func sponsors(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let items = try await database.read {
            try SponsorStore.list($0, text: request.query("q") ?? "", kind: (try request.queryChoice("kind", as: SponsorKind.self)), tag: request.query("tag"), for: principal)
        }
        return try APIResponse.whole(items.map(Self.json))
    }

    @Sendable func sponsor(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let item = try await database.read { try SponsorStore.get($0, id: id, for: principal) }
        return try Self.sponsorRecord.response(Self.json(item), version: RecordVersion.of(item.sponsor))
    }

    /// PUT or PATCH of a sponsor's kind, tags and notes (see `RecordWrite`).
    private func writeSponsor(_ request: Request, context: SignedInContext, mode: RecordWrite.Mode) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let body = try await Self.sponsorRecord.body(request, context: context, mode: mode)
        let item = try await database.write { db in
            let existing = try SponsorStore.get(db, id: id, for: principal)
            try principal.require(principal.canWriteCommuneWide)
            let input = try Self.sponsorRecord.merged(Self.json(existing), with: body, as: SponsorWrite.self)
            try SponsorStore.update(db, id: id, kind: input.kind, tags: input.tags?.joined(separator: ","), notes: input.notes,
                                    version: body.ifMatch, by: principal)
            return try SponsorStore.get(db, id: id, for: principal)
        }
        return try Self.sponsorRecord.response(Self.json(item), version: RecordVersion.of(item.sponsor))
    }

    @Sendable func createSponsor(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let input = try await request.decode(as: SponsorStore.Input.self, context: context)
        let item = try await database.write { db in try SponsorStore.get(db, id: try SponsorStore.create(db, input, by: principal).id!, for: principal) }
        return try APIResponse.json(Self.json(item), status: .created)
    }

    struct ItemJSON: Encodable {
        let description: String
        let quantity: Int
        let unitOfMeasure: String
        let estimatedValue: Int64
        let isBook: Bool
        let author: String?
        let isbn: String?
    }
    struct DonationJSON: Encodable {
        let id: Int64; let receipt: String; let date: String; let sponsorId: Int64?; let sponsor: String?; let kind: String; let amount: Int64?; let channel: String?
        let estimatedValue: Int64; let items: [ItemJSON]?; let purpose: String; let campaignId: Int64?; let recipientUnitId: Int64; let receivedBy: String
        let publishAnonymous: Bool; let voided: Bool; let voidReason: String?; let voidedBy: String?; let voidedAt: Date?; let letterSentOn: String?
    }

    static func json(_ item: DonationStore.Item, items: [DonationItem]? = nil) -> DonationJSON {
        let d = item.donation
        return DonationJSON(
            id: d.id!, receipt: d.receiptNumber, date: d.date.iso, sponsorId: d.sponsorId, sponsor: item.sponsorName, kind: d.kind.rawValue, amount: d.amount,
            channel: d.channel?.rawValue, estimatedValue: d.estimatedValue,
            items: items?.map { ItemJSON(description: $0.description, quantity: $0.quantity, unitOfMeasure: $0.unitOfMeasure, estimatedValue: $0.estimatedValue,
                                         isBook: $0.isBook, author: $0.author, isbn: $0.isbn) },
            purpose: d.purpose, campaignId: d.campaignId, recipientUnitId: d.recipientUnitId, receivedBy: d.receivedBy, publishAnonymous: d.publishAnonymous,
            voided: d.isVoided, voidReason: d.voidReason, voidedBy: d.voidedBy, voidedAt: d.voidedAt, letterSentOn: d.letterSentOn?.iso)
    }

    @Sendable func donations(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let filter = DonationStore.Filter(year: (try request.queryYear()), campaignId: (try request.queryId("campaign")), sponsorId: (try request.queryId("sponsor")),
                                          kind: (try request.queryChoice("kind", as: DonationKind.self)))
        let items = try await database.read { try DonationStore.list($0, filter, for: principal) }
        return try APIResponse.whole(items.map { Self.json($0) })
    }

    @Sendable func donation(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let (item, items) = try await database.read { db in (try DonationStore.get(db, id: id, for: principal), try DonationStore.items(db, donationId: id)) }
        return try APIResponse.json(Self.json(item, items: items))
    }

    @Sendable func createDonation(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let input = try await request.decode(as: DonationInput.self, context: context)
        let (item, items) = try await database.write { db in
            let donation = try DonationStore.create(db, input, by: principal)
            return (try DonationStore.get(db, id: donation.id!, for: principal), try DonationStore.items(db, donationId: donation.id!))
        }
        return try APIResponse.json(Self.json(item, items: items), status: .created)
    }

    struct VoidBody: Decodable { let reason: String }

    @Sendable func voidDonation(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let body = try await request.decode(as: VoidBody.self, context: context)
        let item = try await database.write { db in
            try DonationStore.void(db, id: id, reason: body.reason, by: principal)
            return try DonationStore.get(db, id: id, for: principal)
        }
        return try APIResponse.json(Self.json(item))
    }

    struct PledgeJSON: Encodable {
        let id: Int64; let sponsorId: Int64; let sponsor: String; let date: String; let value: Int64; let items: String?; let dueOn: String; let purpose: String
        let recipientUnitId: Int64; let fulfilled: Int64; let remaining: Int64; let status: String
    }

    static func json(_ item: PledgeStore.Item, today: CivilDate) -> PledgeJSON {
        PledgeJSON(id: item.pledge.id!, sponsorId: item.pledge.sponsorId, sponsor: item.sponsorName, date: item.pledge.date.iso, value: item.pledge.value,
                   items: item.pledge.items, dueOn: item.pledge.dueOn.iso, purpose: item.pledge.purpose, recipientUnitId: item.pledge.recipientUnitId,
                   fulfilled: item.fulfilled, remaining: item.remaining, status: item.status(on: today).rawValue)
    }

    @Sendable func pledges(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let today = clock.today()
        let overdue = request.query("overdue") != nil
        let items = try await database.read { try PledgeStore.list($0, overdueOnly: overdue, on: today, for: principal) }
        return try APIResponse.whole(items.map { Self.json($0, today: today) })
    }

    @Sendable func createPledge(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let input = try await request.decode(as: PledgeStore.Input.self, context: context)
        let item = try await database.write { db in try PledgeStore.get(db, id: try PledgeStore.create(db, input, by: principal).id!, for: principal) }
        return try APIResponse.json(Self.json(item, today: clock.today()), status: .created)
    }

    struct HoursJSON: Encodable {
        let id: Int64; let volunteerId: Int64; let volunteer: String; let unitId: Int64; let date: String; let minutes: Int; let hours: String
        let activityId: Int64?; let clubSessionId: Int64?; let description: String?; let status: String; let enteredBy: String; let reviewedBy: String?
    }

    static func json(_ item: VolunteerStore.HoursItem) -> HoursJSON {
        let h = item.hours
        return HoursJSON(id: h.id!, volunteerId: h.volunteerId, volunteer: item.fullName, unitId: item.unitId, date: h.date.iso, minutes: h.minutes,
                         hours: HoursText.display(h.minutes), activityId: h.activityId, clubSessionId: h.clubSessionId, description: h.description,
                         status: h.status.rawValue, enteredBy: h.enteredBy, reviewedBy: h.reviewedBy)
    }

    @Sendable func hours(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let items = try await database.read {
            try VolunteerStore.hours($0, volunteerId: (try request.queryId("volunteer")), status: (try request.queryChoice("status", as: HoursStatus.self)),
                                     year: (try request.queryYear()), for: principal)
        }
        return try APIResponse.whole(items.map(Self.json))
    }

    struct HoursBody: Decodable { let volunteerId: Int64; let date: String; let hours: String; let activityId: Int64?; let clubSessionId: Int64?; let description: String? }

    @Sendable func logHours(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let body = try await request.decode(as: HoursBody.self, context: context)
        let item = try await database.write { db -> VolunteerStore.HoursItem in
            let record = try VolunteerStore.logHours(db, volunteerId: body.volunteerId, .init(date: body.date, hours: body.hours, activityId: body.activityId,
                                                                                              clubSessionId: body.clubSessionId, description: body.description), by: principal)
            return try VolunteerStore.hours(db, volunteerId: body.volunteerId, for: principal).first { $0.hours.id == record.id }!
        }
        return try APIResponse.json(Self.json(item), status: .created)
    }

    struct ReviewBody: Decodable { let approve: Bool; let reason: String? }

    @Sendable func reviewHours(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let body = try await request.decode(as: ReviewBody.self, context: context)
        let item = try await database.write { db -> VolunteerStore.HoursItem? in
            try VolunteerStore.review(db, hoursId: id, approve: body.approve, reason: body.reason, by: principal)
            return try VolunteerStore.hours(db, for: principal).first { $0.hours.id == id }
        }
        guard let item else { throw DomainError.notFound("giờ tình nguyện", english: "Volunteer hours") }
        return try APIResponse.json(Self.json(item))
    }
}
