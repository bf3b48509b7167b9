import Campaigns
import Foundation
import Hummingbird
import Store

/// `/calendar/all.ics` and `/calendar/campaigns/{id}.ics`: subscribable feeds. Phone calendars cannot sign in, so the
/// feed is private through a calendar token in the URL (`?token=cal_…`, from the calendar page or
/// `densach users token LOGIN --calendar`): it reads the feeds and nothing else, and is revoked like an API token.
struct ICalendarController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/calendar/all.ics", use: all)
        router.get("/calendar/campaigns/:file", use: campaign)
    }

    private func authorize(_ request: Request) async throws {
        guard let token = request.query("token"),
              try await database.read({ try AccountStore.principal($0, bearerToken: token, scope: .calendar) }) != nil else {
            throw DomainError(.unauthorized, "Cần mã lịch trong địa chỉ lịch (?token=cal_…): tạo ở trang Lịch.",
                              english: "A calendar token is required in the calendar address (?token=cal_…): make one on the Calendar page.")
        }
    }

    @Sendable func all(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await authorize(request)
        let (activities, titles) = try await database.read { db in
            (try CampaignStore.allActivities(db),
             Dictionary(uniqueKeysWithValues: try CampaignStore.list(db).map { ($0.campaign.id!, $0.campaign.title) }))
        }
        return Self.response(ICalendar.document(name: "Đèn Sách — hoạt động chiến dịch", events: ICalendar.events(activities, campaignTitles: titles, host: "densach")))
    }

    @Sendable func campaign(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await authorize(request)
        guard let file = context.parameters.get("file"), file.hasSuffix(".ics"), let id = Int64(file.dropLast(4)) else { throw HTTPError(.notFound) }
        let (campaign, activities) = try await database.read { db in (try CampaignStore.get(db, id: id), try CampaignStore.activities(db, campaignId: id)) }
        return Self.response(ICalendar.document(name: campaign.title, events: ICalendar.events(activities, campaignTitles: [id: campaign.title], host: "densach")))
    }

    static func response(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
