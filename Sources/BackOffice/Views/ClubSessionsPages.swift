import Clubs
import Composition
import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// What the pages of `ClubSessionsController` show: one view model each, its fields one a line.
extension ClubSessionsController {
    struct Mark {
        let personId: Int64
        let name: String
        let role: String
        let present: Bool
        let absent: Bool
        let excused: Bool
    }

    struct AttendancePage {
        let action: String
        let clubId: Int64
        let clubName: String
        let date: String
        let topic: String
        let place: String
        let guests: String
        let marks: [Mark]
        let hasMembers: Bool
        /// Members marked present / all members, shown under the list and kept current by web/static/attendance.js.
        let presentCount: Int
        let memberCount: Int
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
    }

    struct PrintRow {
        let number: Int
        let name: String
        let village: String
        let birthYear: String
        let role: String
        let joined: String
        let phone: String
    }

    struct PrintPage {
        let clubName: String
        let unit: String
        let commune: String
        let today: String
        let rows: [PrintRow]
        let columns: [String]
        let sheet: Bool
    }
}

// MARK: Built from the store's values

extension ClubSessionsController.Mark {
    /// A member's line on the attendance page: what was typed again, else what was recorded, else present.
    init(_ member: ClubStore.MemberItem, input: ClubStore.SessionInput?, recorded: [Attendance], english: Bool) {
        let chosen = input?.attendance[member.member.personId] ?? recorded.first { $0.personId == member.member.personId }?.status ?? .present
        personId = member.member.personId
        name = member.fullName
        role = member.member.role == .member ? "" : member.member.role.label(english: english)
        present = chosen == .present
        absent = chosen == .absent
        excused = chosen == .excused
    }
}

extension ClubSessionsController.AttendancePage {
    /// Taking attendance at a session (new or recorded): the date, topic, place (where the club meets, by default)
    /// and guests, and a line per member on `date`.
    init(club: Club, session: ClubSession?, input: ClubStore.SessionInput?, date: CivilDate, members: [ClubStore.MemberItem],
         recorded: [Attendance], host: String?, english: Bool, errors: [String: String], csrf: String) {
        let marks = members.map { ClubSessionsController.Mark($0, input: input, recorded: recorded, english: english) }
        action = session.map { "/clubs/sessions/\($0.id!)" } ?? "/clubs/\(club.id!)/sessions"
        clubId = club.id!
        clubName = club.name
        self.date = input?.date ?? date.display
        topic = input?.topic ?? session?.topic ?? ""
        place = input?.place ?? session?.place ?? host ?? ""  // where the club meets, not its schedule
        guests = String(input?.guests ?? session?.guests ?? 0)
        self.marks = marks
        hasMembers = !marks.isEmpty
        presentCount = marks.filter(\.present).count
        memberCount = marks.count
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.csrf = csrf
    }
}

extension ClubSessionsController.PrintRow {
    /// A numbered member on the printed list or sheet; the phone only for who may write the club.
    init(number: Int, _ member: ClubStore.MemberItem, birthYear: Int?, showPhone: Bool, english: Bool) {
        self.number = number
        name = member.fullName
        village = member.village ?? ""
        self.birthYear = birthYear.map(String.init) ?? ""
        role = member.member.role.label(english: english)
        joined = member.member.joinedOn.display
        phone = showPhone ? (member.phone.flatMap { try? PhoneNumber.parse($0).get().display } ?? "") : ""
    }
}

extension ClubSessionsController.PrintPage {
    /// The printable member list, or the attendance sheet (eight blank columns to tick), of the members on `today`.
    init(club: Club, unit: String, commune: String, today: CivilDate, members: [ClubStore.MemberItem], birthYears: [Int64: Int?],
         showPhones: Bool, sheet: Bool, english: Bool) {
        clubName = club.name
        self.unit = unit
        self.commune = commune
        self.today = today.documentForm(english: english)
        rows = members.enumerated().map { index, member in
            ClubSessionsController.PrintRow(number: index + 1, member, birthYear: birthYears[member.member.personId] ?? nil,
                                            showPhone: showPhones, english: english)
        }
        columns = sheet ? (1...8).map { _ in "" } : []
        self.sheet = sheet
    }
}
