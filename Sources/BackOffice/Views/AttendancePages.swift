import Campaigns
import Composition
import Foundation
import Organisations
import Store

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

// MARK: Built from the store's values

extension AttendancePages.Person {
    /// Someone marked present by name, with their village and year of birth.
    init(_ attendee: ActivityAttendance.Attendee) {
        id = attendee.personId
        name = attendee.fullName
        detail = [attendee.village ?? "", attendee.birthYear.map(String.init) ?? ""].filter { !$0.isEmpty }.joined(separator: " · ")
        present = true
    }

    /// A member of the organisation running the activity, with their branch (else village).
    init(_ line: MembershipStore.Line, present: Bool) {
        id = line.member.personId
        name = line.fullName
        detail = line.branch ?? line.village ?? ""
        self.present = present
    }

    /// A resident whose public sign-up was approved, with their year of birth.
    init(_ person: Store.Person, present: Bool) {
        id = person.id!
        name = person.fullName
        detail = person.birthYear.map(String.init) ?? ""
        self.present = present
    }

    /// A resident found by the search, with their village and year of birth.
    init(_ candidate: PersonPicker.Candidate, present: Bool) {
        id = candidate.id
        name = candidate.name
        detail = [candidate.village, candidate.birthYear].filter { !$0.isEmpty }.joined(separator: " · ")
        self.present = present
    }
}

extension AttendancePages.Page {
    /// An activity's attendance page: who is present, the organisation's members to tick, the residents registered
    /// and those found by a search, each ticked when present. `hiddenText` says how many are hidden ("%@").
    init(_ presence: ActivityPresence, organisation: OrgUnit?, members: [MembershipStore.Line], registered: [Store.Person],
         candidates: [PersonPicker.Candidate], villages: [(id: Int64, name: String)], branch: Int64?, q: String, hiddenText: String,
         canRecord: Bool, csrf: String) {
        let (activity, campaign, present) = (presence.activity, presence.campaign, presence.shown)
        let presentIds = Set(present.map(\.personId))
        let memberRows = members.map { AttendancePages.Person($0, present: presentIds.contains($0.member.personId)) }
        let registeredRows = registered.sorted { ($0.sortKey, $0.id ?? 0) < ($1.sortKey, $1.id ?? 0) }
            .map { AttendancePages.Person($0, present: presentIds.contains($0.id!)) }
        activityId = activity.id!
        campaignId = campaign.id!
        self.campaign = campaign.title
        title = activity.title
        when = DateTimeText.display(activity.startsAt)
        place = activity.place ?? ""
        presentCount = presence.present
        self.present = present.map { AttendancePages.Person($0) }
        hasPresent = !present.isEmpty
        hidden = presence.hidden == 0 ? "" : hiddenText.replacingOccurrences(of: "%@", with: String(presence.hidden))
        byOrganisation = presence.byOrganisation.map { AttendancePages.OrganisationCount(organisation: $0.organisation, members: $0.members) }
        hasByOrganisation = !presence.byOrganisation.isEmpty
        self.organisation = organisation?.name ?? ""
        self.members = memberRows
        hasMembers = !memberRows.isEmpty
        self.registered = registeredRows
        hasRegistered = !registeredRows.isEmpty
        branches = villages.map { Option(id: $0.id, label: $0.name, selected: $0.id == branch) }
        self.q = q
        searched = !q.isEmpty
        self.candidates = candidates.map { AttendancePages.Person($0, present: presentIds.contains($0.id)) }
        self.canRecord = canRecord
        self.csrf = csrf
    }
}
