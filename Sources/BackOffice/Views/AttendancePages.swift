/// What an activity's attendance page shows: who is present by name, the members of the organisation running it to
/// tick, residents found by a search, and how many of each organisation's members came.
enum AttendancePages {
    struct Person {
        let id: Int64
        let name: String
        let detail: String
        let present: Bool
    }

    struct OrganisationCount {
        let organisation: String
        let members: Int
    }

    struct Page {
        let activityId: Int64
        let campaignId: Int64
        let campaign: String
        let title: String
        let when: String
        let place: String
        let presentCount: Int
        let present: [Person]
        let hasPresent: Bool
        /// People present whom this account may not read (another village's residents): counted, not named.
        let hidden: String
        let byOrganisation: [OrganisationCount]
        let hasByOrganisation: Bool
        /// The organisation running the activity, whose members the page lists to tick ("" when none).
        let organisation: String
        let members: [Person]
        let hasMembers: Bool
        /// Residents whose public sign-up for the activity was approved, to tick at the door.
        let registered: [Person]
        let hasRegistered: Bool
        let branches: [Option]
        let q: String
        let searched: Bool
        let candidates: [Person]
        let canRecord: Bool
        let csrf: String
    }
}
