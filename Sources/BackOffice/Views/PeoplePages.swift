import Clubs
import Composition
import Foundation
import GRDB
import Honours
import Hummingbird
import Socialization
import Store
import Vietnamese

/// What the pages of `PeopleController` show: one view model each, its fields one a line.
extension PeopleController {
    struct Row {
        let id: Int64
        let fullName: String
        let gender: String
        let birthYear: String
        let village: String
        let phone: String
    }

    struct ListPage {
        let q: String
        /// `<option>`s and table rows written by `HTMLText`: the list is the most visited page, and interpreting
        /// ~450 row tokens through Mustache was half of its cost.
        let villageOptions: String
        let rowsHTML: String
        let empty: Bool
        let pager: Pager
        let canCreate: Bool
        /// "?village=3" or "": the downloads take the page's village.
        let villageQuery: String
    }

    struct ConsentRow { let id: Int64; let channel: String; let purpose: String; let givenOn: String; let method: String
                        let guardian: String
                        let withdrawnOn: String?
                        let active: Bool
                        let withdrawHref: String
                        /// The consent as the person read it on a sign-up page ("" otherwise).
                        let wording: String }

    struct ClubLine {
        let href: String
        let name: String
        let role: String
        let since: String
        let left: String
    }

    struct DetailPage {
        let id: Int64
        let fullName: String
        let gender: String
        let birth: String
        let ethnicity: String
        /// Messages' language when not Vietnamese ("Tiếng Xơ Đăng"), else "".
        let language: String
        let villageId: Int64?
        let village: String
        let householdId: Int64?
        let household: String
        let relation: String
        let phone: String
        let phoneOriginal: String
        let zalo: String
        let email: String
        let notes: String
        let consents: [ConsentRow]
        let hasConsents: Bool
        let channels: [Option]
        let methods: [Option]
        let today: String
        let canEdit: Bool
        let canCreateHousehold: Bool
        /// Socialization: the person's sponsor and volunteer records, or links to make them one.
        let sponsorId: Int64?
        let volunteerId: Int64?
        let canRecord: Bool
        /// Honours in force, and (for commune roles only) discipline or investigation flags.
        let honours: [HonourLine]
        /// Clubs (current first), what the person gave, and this year's approved volunteer hours.
        let clubs: [ClubLine]
        let hasClubs: Bool
        let gifts: String
        let volunteerHours: String
        let flags: [String]
        let canFlag: Bool
        let csrf: String
        let errors: [String: String]
    }

    struct FormPage {
        let action: String
        let isNew: Bool
        let fullName: String
        let sortName: String
        let genders: [Option]
        let birthDate: String
        let birthYear: String
        let ethnicity: String
        let languages: [Option]
        let villages: [Option]
        let phone: String
        let zalo: String
        let email: String
        let notes: String
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
        /// The record's version when the form was opened: a save over someone else's newer save is refused.
        let version: String
        /// Residents this new one may be: shown before anything is saved, with a box to confirm it is someone else.
        let duplicates: [DuplicateRow]
        let hasDuplicates: Bool
    }

    struct DuplicateRow {
        let id: Int64
        let name: String
        let village: String
        let birthYear: String
        let reasons: String
    }
}

extension PeopleController.Row {
    /// A resident's line of the list: name, gender, birth year, village and phone as shown.
    init(_ item: PersonListItem, english: Bool) {
        id = item.id
        fullName = item.fullName
        gender = item.gender.label(english: english)
        birthYear = item.birthYear.map(String.init) ?? ""
        village = item.villageName ?? ""
        phone = item.phone.flatMap { try? PhoneNumber.parse($0).get().display } ?? ""
    }
}

extension PeopleController.ListPage {
    /// A page of the register: the search, the village menu, the rows written as HTML and the pager. `text` gives a
    /// string of the page's language by its key.
    init(query: PersonQuery, result: Page<PersonListItem>, villages: [(id: Int64, name: String)], canCreate: Bool,
         english: Bool, text: (String) -> String) {
        let rows = result.items.map { PeopleController.Row($0, english: english) }
        let total = VND.grouped(Int64(result.total))
        let totalText = text(result.totalIsLowerBound ? "people_totalMore" : "people_total").replacingOccurrences(of: "%@", with: total)
        let labels = ["people_gender", "people_birthYear", "people_village", "phone"].map { text($0) }
        q = query.text
        villageOptions = HTMLText.options(villages.map { Option(id: $0.id, label: $0.name, selected: $0.id == query.villageId) })
        rowsHTML = PeopleController.rowsHTML(rows, labels: labels)
        empty = rows.isEmpty
        pager = Pager(result, basePath: "/people", query: ["q": query.text, "village": query.villageId.map(String.init) ?? ""],
                      totalText: totalText)
        self.canCreate = canCreate
        villageQuery = query.villageId.map { "?village=\($0)" } ?? ""
    }
}

extension PeopleController.ConsentRow {
    /// A consent of the person: channel, purpose, when and how it was given, and its withdrawal.
    init(_ consent: Consent, personId: Int64, english: Bool) {
        id = consent.id!
        channel = consent.channel.label(english: english)
        purpose = consent.purpose
        givenOn = consent.givenOn.display
        method = consent.method.label(english: english)
        guardian = consent.guardianName ?? ""
        withdrawnOn = consent.withdrawnOn?.display
        active = consent.isActive
        withdrawHref = "/people/\(personId)/consents/\(consent.id!)/withdraw"
        wording = consent.wording ?? ""
    }
}

extension PeopleController.ClubLine {
    /// A club the person belongs (or belonged) to, with the role and the dates.
    init(_ membership: ClubStore.Membership, english: Bool) {
        href = "/clubs/\(membership.member.clubId)"
        name = membership.clubName
        role = membership.member.role.label(english: english)
        since = membership.member.joinedOn.display
        left = membership.member.leftOn?.display ?? ""
    }
}

extension PeopleController.DetailPage {
    /// A resident's page: identity, contacts, consents, clubs, honours, gifts, volunteer hours of `today`'s year and
    /// (for commune roles, who alone are given `flags`) discipline flags. `text` gives a string of the page's language.
    init(person: Person, village: OrgUnit?, household: Household?, consents: [Consent], clubs: [ClubStore.Membership],
         sponsor: SponsorStore.Item?, volunteer: (id: Int64, minutes: Int)?, honours: [HonourLine],
         flags: [DisciplineFlag], today: CivilDate, principal: Principal, english: Bool, csrf: String, errors: [String: String],
         text: (String) -> String) {
        let id = person.id!
        let phone = person.phone.flatMap { try? PhoneNumber.parse($0).get() }
        self.id = id
        fullName = person.fullName
        gender = person.gender.label(english: english)
        birth = person.birthDate?.display ?? person.birthYear.map(String.init) ?? ""
        ethnicity = person.ethnicity ?? ""
        language = person.language.flatMap(MessageLanguage.init(rawValue:))?.label(english: english) ?? ""
        villageId = village?.id
        self.village = village?.name ?? ""
        householdId = household?.id
        self.household = household?.name ?? ""
        relation = person.relationToHead ?? ""
        self.phone = phone?.display ?? ""
        phoneOriginal = person.phoneOriginal != phone?.display ? (person.phoneOriginal ?? "") : ""
        zalo = person.zalo ?? ""
        email = person.email ?? ""
        notes = person.notes ?? ""
        self.consents = consents.map { PeopleController.ConsentRow($0, personId: id, english: english) }
        hasConsents = !consents.isEmpty
        channels = ConsentChannel.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == .sms) }
        methods = ConsentMethod.allCases.filter { $0 != .imported && $0 != .selfSignUp }
            .map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == .paperForm) }
        self.today = today.display
        canEdit = principal.canWrite(unitId: person.villageId)
        canCreateHousehold = household == nil && principal.canWrite(unitId: person.villageId)
        sponsorId = sponsor?.sponsor.id
        volunteerId = volunteer?.id
        canRecord = principal.role != .viewer
        self.honours = honours
        self.clubs = clubs.map { PeopleController.ClubLine($0, english: english) }
        hasClubs = !clubs.isEmpty
        gifts = sponsor.flatMap { item -> String? in item.donations == 0 ? nil : "\(item.donations) · \(VND.format(item.total))" } ?? ""
        volunteerHours = volunteer.flatMap { volunteer -> String? in
            volunteer.minutes == 0 ? nil : HoursText.display(volunteer.minutes) + " h (\(today.year))"
        } ?? ""
        self.flags = flags.map {
            "\(text("honours_flag_\($0.kind)")): \($0.since.display)–\($0.until?.display ?? "…")\($0.note.map { " (\($0))" } ?? "")"
        }
        canFlag = principal.canWriteCommuneWide
        self.csrf = csrf
        self.errors = errors
    }
}

extension PeopleController.DuplicateRow {
    /// A resident the new record may duplicate, with why it may be the same person.
    init(_ candidate: DuplicateFinder.Candidate, villageNames: [Int64: String], english: Bool) {
        id = candidate.id
        name = candidate.fullName
        village = candidate.villageId.flatMap { villageNames[$0] } ?? ""
        birthYear = candidate.birthYear.map(String.init) ?? ""
        reasons = candidate.reasons.map { $0.label(english: english) }.joined(separator: ", ")
    }
}

extension PeopleController.FormPage {
    /// The form of a new resident (`id` nil) or of an existing one, offering the villages the account may write in,
    /// with the residents a new one may duplicate (`villageNames` names their villages).
    init(id: Int64?, input: PersonInput, villages: [OrgUnit], duplicates: [DuplicateFinder.Candidate], villageNames: [Int64: String],
         version: String, english: Bool, csrf: String, errors: [String: String]) {
        let selectedGender = Gender(lenient: input.gender ?? "") ?? .unknown
        action = id.map { "/people/\($0)" } ?? "/people"
        isNew = id == nil
        fullName = input.fullName
        sortName = input.sortName ?? ""
        genders = Gender.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == selectedGender) }
        birthDate = input.birthDate ?? ""
        birthYear = input.birthYear ?? ""
        ethnicity = input.ethnicity ?? ""
        languages = MessageLanguage.allCases.map {
            Option(value: $0.rawValue, label: $0.label(english: english),
                   selected: $0 == (MessageLanguage(text: input.language ?? "") ?? .vietnamese))
        }
        self.villages = villages.options(selected: input.villageId)
        phone = input.phone ?? ""
        zalo = input.zalo ?? ""
        email = input.email ?? ""
        notes = input.notes ?? ""
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.csrf = csrf
        self.version = version
        self.duplicates = duplicates.map { PeopleController.DuplicateRow($0, villageNames: villageNames, english: english) }
        hasDuplicates = !duplicates.isEmpty
    }
}
