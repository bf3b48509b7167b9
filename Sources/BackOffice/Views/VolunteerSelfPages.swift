import Composition
import Foundation
import Hummingbird
import SignUp
import Socialization
import Store
import Vietnamese

/// What the pages of `VolunteerSelfController` show: one view model each, its fields one a line.
extension VolunteerSelfController {
    struct HoursRow {
        let date: String
        let hours: String
        let status: String
        let what: String
    }

    /// A task the volunteer took on: the role, on which activity or club session, when.
    /// The same line as on the volunteer's back-office page.
    typealias RoleRow = VolunteersController.RoleRow

    /// An open call for volunteers of the volunteer's unit, signed up for on its public page.
    struct Call {
        let code: String
        let title: String
        let when: String
        let role: String
    }

    struct Page {
        let token: String
        let name: String
        let unit: String
        let skills: String
        let since: String
        let year: Int
        let approved: String
        let pending: String
        let hours: [HoursRow]
        let hasHours: Bool
        let years: [Option]
        let today: String
        let errors: [String: String]
        let csrf: String
        let calls: [Call]
        let hasCalls: Bool
        let roles: [RoleRow]
        let hasRoles: Bool
    }
}

/// What the documents of `VolunteerCertificate` show: one view model each, its fields one a line.
extension VolunteerCertificate {
    struct Line {
        let date: String
        let hours: String
        let what: String
    }

    struct Model {
        let committee: String
        let commune: String
        let dateLong: String
        let name: String
        let unit: String
        let year: Int
        let hours: String
        let entries: Int
        let lines: [Line]
        let signature: [String]
        let signerName: String
    }
}

extension VolunteerSelfController.HoursRow {
    /// Hours of the volunteer, with their state and on what they were given.
    init(_ item: VolunteerStore.HoursItem, english: Bool) {
        date = item.hours.date.display
        hours = HoursText.display(item.hours.minutes)
        status = item.hours.status.label(english: english)
        what = item.what ?? item.hours.description ?? ""
    }
}

extension VolunteerSelfController.Call {
    /// An open call for volunteers, with when it takes place (`when`, from its activity or club).
    init(_ form: SignUpForm, when: String) {
        code = form.code
        title = form.title
        self.when = when
        role = form.role ?? ""
    }
}

extension VolunteerSelfController.Page {
    /// The volunteer's own page (opened by `token`): their unit, skills, hours of `today`'s year, open calls and roles,
    /// with the years a certificate may be printed for (the last five, from the year they started).
    init(token: String, volunteer: Volunteer, item: VolunteerStore.Item, hours: [VolunteerStore.HoursItem], calls: [VolunteerSelfController.Call],
         roles: [VolunteerStore.RoleItem], today: CivilDate, english: Bool, csrf: String, errors: [String: String]) {
        self.token = token
        name = item.fullName
        unit = item.unit
        skills = volunteer.skillList.map { $0.label(english: english) }.joined(separator: ", ")
        since = volunteer.since.display
        year = today.year
        approved = HoursText.display(item.approvedMinutes)
        pending = HoursText.display(item.pendingMinutes)
        self.hours = hours.map { VolunteerSelfController.HoursRow($0, english: english) }
        hasHours = !hours.isEmpty
        years = Option.years(max(volunteer.since.year, today.year - 4)...today.year, selected: today.year)
        self.today = today.display
        self.errors = errors
        self.csrf = csrf
        self.calls = calls
        hasCalls = !calls.isEmpty
        self.roles = roles.map { VolunteerSelfController.RoleRow($0) }
        hasRoles = !roles.isEmpty
    }
}

extension VolunteerCertificate.Line {
    /// Approved hours on the certificate: date, hours and on what.
    init(_ item: VolunteerStore.HoursItem) {
        date = item.hours.date.display
        hours = HoursText.display(item.hours.minutes)
        what = item.what ?? item.hours.description ?? ""
    }
}

extension VolunteerCertificate.Model {
    /// The certificate of the volunteer's approved `hours` of `year`, dated `today`, signed for the committee; the
    /// names and the signer come from the settings.
    init(item: VolunteerStore.Item, hours: [VolunteerStore.HoursItem], year: Int, today: CivilDate, committee: String, commune: String,
         signerTitle: String, signerName: String) {
        self.committee = committee
        self.commune = commune
        dateLong = today.documentForm
        name = item.fullName
        unit = item.unit
        self.year = year
        self.hours = HoursText.display(item.approvedMinutes)
        entries = hours.count
        lines = hours.reversed().map { VolunteerCertificate.Line($0) }
        signature = Signing.lines(.committee, title: signerTitle)
        self.signerName = signerName
    }
}
