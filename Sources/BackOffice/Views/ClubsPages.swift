import Clubs
import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// What the pages of `ClubsController` show: one view model each, its fields one a line.
extension ClubsController {
    struct Row {
        let id: Int64
        let name: String
        let unit: String
        let kind: String
        let field: String
        let ages: String
        let status: String
        let members: Int
        let lastSession: String
        let active: Bool
    }

    struct ListPage {
        let units: [Option]
        let kinds: [Option]
        let fields: [Option]
        let statuses: [Option]
        let rows: [Row]
        let empty: Bool
        let canCreate: Bool
    }

    struct FormPage {
        let action: String
        let isNew: Bool
        let name: String
        let units: [Option]
        let kinds: [Option]
        let fields: [Option]
        let ages: [Option]
        let leaders: [Option]
        let schedule: String
        let foundedOn: String
        let notes: String
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
        /// The record's version when the form was opened (a save over a newer one is refused).
        var version = ""
    }

    struct MemberRow {
        let leaveHref: String
        let personId: Int64
        let name: String
        let village: String
        let role: String
        let joined: String
        let left: String
        let current: Bool
        let rate: String
    }

    struct SessionRow {
        let id: Int64
        let date: String
        let topic: String
        let present: Int
        let absent: Int
        let excused: Int
        let guests: Int
    }

    struct MonthCell {
        let label: String
        let held: Bool
        let title: String
    }

    struct StatusRow {
        let status: String
        let since: String
        let note: String
    }

    struct DetailPage {
        let id: Int64
        let clubId: Int64
        let name: String
        let unitId: Int64
        let unit: String
        let kind: String
        let field: String
        let ages: String
        let leader: String
        let schedule: String
        let founded: String
        let status: String
        let statusSince: String
        let notes: String
        let regularlyActive: Bool
        let ruleMonths: Int
        let strip: [MonthCell]
        let members: [MemberRow]
        let hasMembers: Bool
        let sessions: [SessionRow]
        let hasSessions: Bool
        let history: [StatusRow]
        let statuses: [Option]
        let roles: [Option]
        let q: String
        let candidates: [PersonPicker.Candidate]
        let searched: Bool
        let today: String
        let canEdit: Bool
        let csrf: String
    }
}

// MARK: Built from the store's values

extension ClubsController.Row {
    /// A club in the list: its unit, kind, field, ages, status, members and last session; `active` when regularly so.
    init(_ item: ClubStore.ListItem, active: Bool, english: Bool) {
        id = item.club.id!
        name = item.club.name
        unit = item.unitName
        kind = item.club.kind.label(english: english)
        field = item.club.field.label(english: english)
        ages = item.club.ageGroupList.map { $0.label(english: english) }.joined(separator: ", ")
        status = item.club.status.label(english: english)
        members = item.members
        lastSession = item.lastSession?.display ?? ""
        self.active = active
    }
}

extension ClubsController.ListPage {
    /// The club list with its filters; `active` holds the clubs regularly active under the plan's rule.
    init(_ items: [ClubStore.ListItem], filter: ClubStore.Filter, hosts: [OrgUnit], active: Set<Int64>, english: Bool, canCreate: Bool) {
        let rows = items.map { ClubsController.Row($0, active: active.contains($0.club.id!), english: english) }
        units = hosts.options(selected: filter.unitId)
        kinds = ClubKind.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == filter.kind) }
        fields = ClubField.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == filter.field) }
        statuses = ClubStatus.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == filter.status) }
        self.rows = rows
        empty = rows.isEmpty
        self.canCreate = canCreate
    }
}

extension ClubsController.FormPage {
    /// The club form: what was typed (or the club as stored), the host units this account may write and the people
    /// who may lead it (the current leader first, then the members).
    init(id: Int64?, input: ClubInput, hosts: [OrgUnit], leaders: [(Int64, String)], english: Bool, errors: [String: String], csrf: String,
         version: String) {
        action = id.map { "/clubs/\($0)" } ?? "/clubs"
        isNew = id == nil
        name = input.name
        units = hosts.options(selected: input.unitId)
        kinds = ClubKind.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0.rawValue == input.kind) }
        fields = ClubField.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0.rawValue == input.field) }
        ages = AgeGroup.allCases.map {
            Option(value: $0.rawValue, label: $0.label(english: english), selected: input.ageGroups.contains($0.rawValue))
        }
        self.leaders = leaders.map { Option(value: String($0.0), label: $0.1, selected: $0.0 == input.leaderId) }
        schedule = input.schedule ?? ""
        foundedOn = input.foundedOn ?? ""
        notes = input.notes ?? ""
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.csrf = csrf
        self.version = version
    }
}

extension ClubsController.MemberRow {
    /// A member of the club (current or former), with their role, dates and attendance rate.
    init(_ item: ClubStore.MemberItem, clubId: Int64, english: Bool) {
        leaveHref = "/clubs/\(clubId)/members/\(item.member.id!)/leave"
        personId = item.member.personId
        name = item.fullName
        village = item.village ?? ""
        role = item.member.role.label(english: english)
        joined = item.member.joinedOn.display
        left = item.member.leftOn?.display ?? ""
        current = item.member.leftOn == nil
        rate = item.attendanceRate.map { "\($0)%" } ?? "—"
    }
}

extension ClubsController.SessionRow {
    /// A session held, with how many were present, absent and excused, and the guests.
    init(_ item: ClubStore.SessionItem) {
        id = item.session.id!
        date = item.session.date.display
        topic = item.session.topic ?? ""
        present = item.present
        absent = item.absent
        excused = item.excused
        guests = item.session.guests
    }
}

extension ClubsController.MonthCell {
    /// A month of the activity strip ("03/2026: held"), marked when a session was held.
    init(year: Int, month: Int, held: Bool, words: (held: String, notHeld: String)) {
        label = String(month)
        self.held = held
        title = "\(month < 10 ? "0" : "")\(month)/\(year): \(held ? words.held : words.notHeld)"
    }
}

extension ClubsController.StatusRow {
    /// A change of the club's status, from when, and why.
    init(_ change: ClubStatusChange, english: Bool) {
        status = change.status.label(english: english)
        since = change.since.display
        note = change.note ?? ""
    }
}

extension ClubsController.DetailPage {
    /// The club page: what it is, whether it is regularly active, the 12-month strip, members with attendance rates,
    /// sessions, status history, and the forms this account may use. `words` name a month held and not held.
    init(_ club: Club, unit: OrgUnit?, leader: Person?, rule: ActivityRule, active: Bool, months: Set<String>,
         members: [ClubStore.MemberItem], sessions: [ClubStore.SessionItem], history: [ClubStatusChange], q: String,
         candidates: [PersonPicker.Candidate], today: CivilDate, words: (held: String, notHeld: String), canEdit: Bool, english: Bool,
         csrf: String) {
        let clubId = club.id!
        id = clubId
        self.clubId = clubId
        name = club.name
        unitId = club.unitId
        self.unit = unit?.name ?? ""
        kind = club.kind.label(english: english)
        field = club.field.label(english: english)
        ages = club.ageGroupList.map { $0.label(english: english) }.joined(separator: ", ")
        self.leader = leader?.fullName ?? ""
        schedule = club.schedule ?? ""
        founded = club.foundedOn?.display ?? ""
        status = club.status.label(english: english)
        statusSince = club.statusSince?.display ?? ""
        notes = club.notes ?? ""
        regularlyActive = active
        ruleMonths = rule.months
        strip = ClubsController.strip(months: months, endingBefore: today, words: words)
        self.members = members.map { ClubsController.MemberRow($0, clubId: clubId, english: english) }
        hasMembers = !members.isEmpty
        self.sessions = sessions.map { ClubsController.SessionRow($0) }
        hasSessions = !sessions.isEmpty
        self.history = history.map { ClubsController.StatusRow($0, english: english) }
        statuses = ClubStatus.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == club.status) }
        roles = MemberRole.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == .member) }
        self.q = q
        self.candidates = candidates
        searched = !q.isEmpty
        self.today = today.display
        self.canEdit = canEdit
        self.csrf = csrf
    }
}
