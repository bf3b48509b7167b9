import Campaigns
import GRDB
import Organisations
import Store

/// Who came to an activity by name, as the account may see them, and the members of each organisation among them
/// (memberships held on the day): what the attendance page and the API both answer.
package struct ActivityPresence: Sendable {
    package let activity: Activity
    package let campaign: Campaign
    /// Those present whom the account may read, by given name.
    package let shown: [ActivityAttendance.Attendee]
    /// Present, in villages the account cannot read: counted, not named.
    package let hidden: Int
    package let byOrganisation: [(organisationId: Int64, organisation: String, members: Int)]

    package var present: Int { shown.count + hidden }

    package static func of(_ db: Database, activityId: Int64, for principal: Principal) throws -> ActivityPresence {
        let activity = try CampaignStore.activity(db, id: activityId)
        let campaign = try CampaignStore.get(db, id: activity.campaignId)
        let (shown, hidden) = try ActivityAttendance.attendees(db, activityId: activityId, for: principal)
        let day = activity.startDate ?? campaign.startDate
        return ActivityPresence(activity: activity, campaign: campaign, shown: shown, hidden: hidden,
                                byOrganisation: try MemberParticipation.byOrganisation(db, people: ActivityAttendance.peopleSQL(activityId: activityId),
                                                                                        from: day, to: day))
    }
}
