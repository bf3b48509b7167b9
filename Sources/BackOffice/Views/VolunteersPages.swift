import Campaigns
import Clubs
import Composition
import Foundation
import GRDB
import Hummingbird
import Socialization
import Store
import Vietnamese

/// What the pages of `VolunteersController` show: one view model each, its fields one a line.
extension VolunteersController {
    struct ListRow {
        let id: Int64
        let personId: Int64
        let name: String
        let village: String
        let unit: String
        let skills: String
        let availability: String
        let hours: String
        let pending: String
    }

    struct ListPage {
        let skills: [Option]
        let rows: [ListRow]
        let empty: Bool
        let year: Int
        let canCreate: Bool
    }

    struct FormPage {
        let q: String
        let searched: Bool
        let candidates: [PersonPicker.Candidate]
        let units: [Option]
        let skills: [Option]
        let availability: String
        let since: String
        let notes: String
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
    }

    struct HoursRow {
        let id: Int64
        let volunteerId: Int64
        let date: String
        let hours: String
        let what: String
        let description: String
        let status: String
        let pending: Bool
        let enteredBy: String
        let reviewedBy: String
        let reason: String
    }

    struct RoleRow {
        let role: String
        let what: String
        let date: String
    }

    struct DetailPage {
        let id: Int64
        let personId: Int64
        let name: String
        let village: String
        let unit: String
        let skills: String
        let availability: String
        let since: String
        let year: Int
        let approved: String
        let pending: String
        let roles: [RoleRow]
        let hasRoles: Bool
        let hours: [HoursRow]
        let hasHours: Bool
        let activities: [Option]
        let sessions: [Option]
        let today: String
        let canEdit: Bool
        let csrf: String
        let errors: [String: String]
        /// The volunteer's personal links; a new one's address is shown once, with a message ready to send.
        let links: [LinkRow]
        let hasLinks: Bool
        let newLink: String
        let newLinkMessage: String
    }

    struct LinkRow {
        let id: Int64
        let volunteerId: Int64
        let created: String
        let expires: String
        let active: Bool
    }

    struct Total {
        let label: String
        let hours: String
        let people: Int
    }

    struct HoursPage {
        let year: Int
        let years: [Option]
        let pending: [HoursRowWithName]
        let hasPending: Bool
        let total: String
        let byUnit: [Total]
        let byPerson: [Total]
        let hasTotals: Bool
        let chart: String
        let csrf: String
    }

    struct HoursRowWithName {
        let name: String
        let volunteerId: Int64
        let unit: String
        let row: HoursRow
    }
}

extension VolunteersController.ListRow {
    /// A volunteer's line of the list: unit, skills, availability and the year's approved and pending hours.
    init(_ item: VolunteerStore.Item, english: Bool) {
        id = item.volunteer.id!
        personId = item.volunteer.personId
        name = item.fullName
        village = item.village ?? ""
        unit = item.unit
        skills = item.volunteer.skillList.map { $0.label(english: english) }.joined(separator: ", ")
        availability = item.volunteer.availability ?? ""
        hours = HoursText.display(item.approvedMinutes)
        pending = item.pendingMinutes > 0 ? HoursText.display(item.pendingMinutes) : ""
    }
}

extension VolunteersController.ListPage {
    /// The volunteers of `year`, filtered by `skill` when one is chosen.
    init(items: [VolunteerStore.Item], skill: VolunteerSkill?, year: Int, canCreate: Bool, english: Bool) {
        let rows = items.map { VolunteersController.ListRow($0, english: english) }
        skills = VolunteerSkill.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == skill) }
        self.rows = rows
        empty = rows.isEmpty
        self.year = year
        self.canCreate = canCreate
    }
}

extension VolunteersController.FormPage {
    /// The form of a new volunteer: the resident found by `q`, the units the account may write in, skills and dates
    /// (`today` when no date was given).
    init(q: String, candidates: [PersonPicker.Candidate], units: [OrgUnit], input: VolunteerStore.Input, today: CivilDate,
         english: Bool, csrf: String, errors: [String: String]) {
        self.q = q
        searched = !candidates.isEmpty || !q.isEmpty
        self.candidates = candidates
        self.units = units.options(selected: input.unitId)
        skills = VolunteerSkill.allCases.map {
            Option(value: $0.rawValue, label: $0.label(english: english), selected: input.skills.contains($0.rawValue))
        }
        availability = input.availability ?? ""
        since = input.since ?? today.display
        notes = input.notes ?? ""
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.csrf = csrf
    }
}

extension VolunteersController.HoursRow {
    /// Hours entered for a volunteer, with their review; `pending` only when `principal` may approve them — someone
    /// else than who entered them, with rights on the unit.
    init(_ item: VolunteerStore.HoursItem, principal: Principal, english: Bool) {
        let h = item.hours
        id = h.id!
        volunteerId = h.volunteerId
        date = h.date.display
        hours = HoursText.display(h.minutes)
        what = item.what ?? ""
        description = h.description ?? ""
        status = h.status.label(english: english)
        pending = h.status == .pending && principal.canWrite(unitId: item.unitId) && h.enteredBy != principal.login
        enteredBy = h.enteredBy
        reviewedBy = h.reviewedBy ?? ""
        reason = h.rejectReason ?? ""
    }
}

extension VolunteersController.RoleRow {
    /// A task the volunteer took on: the role, on which activity or club session, when.
    init(_ item: VolunteerStore.RoleItem) {
        role = item.role.role
        what = item.what
        date = item.date
    }
}

extension VolunteersController.LinkRow {
    /// A personal link of the volunteer: made when, valid until when, and whether it still opens the page `today`.
    init(_ link: VolunteerLinks.Link, volunteerId: Int64, today: CivilDate) {
        id = link.id
        self.volunteerId = volunteerId
        created = CivilDate.today(now: link.createdAt).display
        expires = link.expiresOn.display
        active = !link.revoked && link.expiresOn >= today
    }
}

extension VolunteersController.DetailPage {
    /// A volunteer's page: skills, the hours of `today`'s year, roles, the hours entered, the activities and club
    /// sessions hours may be logged on, personal links, and a new link's address (`newLink`, "" when none) with an
    /// SMS ready to send.
    init(item: VolunteerStore.Item, hours: [VolunteerStore.HoursItem], roles: [VolunteerStore.RoleItem], activities: [Choice],
         sessions: [Choice], links: [VolunteerLinks.Link], today: CivilDate, newLink: String, principal: Principal, english: Bool,
         csrf: String, errors: [String: String]) {
        let id = item.volunteer.id!
        self.id = id
        personId = item.volunteer.personId
        name = item.fullName
        village = item.village ?? ""
        unit = item.unit
        skills = item.volunteer.skillList.map { $0.label(english: english) }.joined(separator: ", ")
        availability = item.volunteer.availability ?? ""
        since = item.volunteer.since.display
        year = today.year
        approved = HoursText.display(item.approvedMinutes)
        pending = HoursText.display(item.pendingMinutes)
        self.roles = roles.map { VolunteersController.RoleRow($0) }
        hasRoles = !roles.isEmpty
        self.hours = hours.map { VolunteersController.HoursRow($0, principal: principal, english: english) }
        hasHours = !hours.isEmpty
        self.activities = Choice.options(activities, selected: nil)
        self.sessions = Choice.options(sessions, selected: nil)
        self.today = today.display
        canEdit = principal.canWrite(unitId: item.volunteer.unitId)
        self.csrf = csrf
        self.errors = errors
        self.links = links.map { VolunteersController.LinkRow($0, volunteerId: id, today: today) }
        hasLinks = !links.isEmpty
        self.newLink = newLink
        newLinkMessage = newLink.isEmpty
            ? ""
            : "Chao \(VietnameseText.searchKey(item.fullName).split(separator: " ").last.map(String.init) ?? ""), "
                + "day la trang tinh nguyen vien cua ban: \(newLink)"
    }
}

extension VolunteersController.Total {
    /// Approved hours of a unit or a person, with how many volunteers gave them.
    init(_ total: VolunteerStore.HoursTotal) {
        label = total.label
        hours = HoursText.display(total.minutes)
        people = total.people
    }
}

extension VolunteersController.HoursRowWithName {
    /// Hours waiting for approval, with the volunteer's name and unit.
    init(_ item: VolunteerStore.HoursItem, principal: Principal, english: Bool) {
        name = item.fullName
        volunteerId = item.hours.volunteerId
        unit = item.unit
        row = VolunteersController.HoursRow(item, principal: principal, english: english)
    }
}

extension VolunteersController.HoursPage {
    /// The hours waiting for approval and the approved hours of `year` by unit (with a chart titled `byUnitTitle` and
    /// the year) and by person (the first twenty); the year menu runs from three years before `thisYear`.
    init(year: Int, thisYear: Int, pending: [VolunteerStore.HoursItem],
         totals: (byUnit: [VolunteerStore.HoursTotal], byPerson: [VolunteerStore.HoursTotal], minutes: Int), byUnitTitle: String,
         principal: Principal, english: Bool, csrf: String) {
        self.year = year
        years = Option.years(thisYear - 3...thisYear, selected: year)
        self.pending = pending.map { VolunteersController.HoursRowWithName($0, principal: principal, english: english) }
        hasPending = !pending.isEmpty
        total = HoursText.display(totals.minutes)
        byUnit = totals.byUnit.map { VolunteersController.Total($0) }
        byPerson = totals.byPerson.prefix(20).map { VolunteersController.Total($0) }
        hasTotals = totals.minutes > 0
        chart = BarChart.svg(totals.byUnit.map { ($0.label, Int64($0.minutes)) }, title: byUnitTitle + " \(year)",
                             format: { HoursText.display(Int($0)) + " h" })
        self.csrf = csrf
    }
}
