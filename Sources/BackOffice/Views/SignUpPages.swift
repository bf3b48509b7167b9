import Foundation
import SignUp
import Store
import Vietnamese

/// What the sign-up pages show: the organisers' list, a page's queue, the form that opens a page, the public form.
enum SignUpPages {
    struct ListRow {
        let id: Int64
        let title: String
        let kind: String
        let unit: String
        let code: String
        let open: Bool
        let pending: Int
        let waiting: Int
        let approved: Int
    }

    struct List {
        let rows: [ListRow]
        let none: Bool
    }

    struct CandidateRow {
        let id: Int64
        let name: String
        let details: String
        let reasons: String
    }

    struct QueueRow {
        let id: Int64
        let name: String
        let details: String
        let consents: String
        let received: String
        let status: String
        let waiting: Bool
        let open: Bool
        let personId: Int64?
        let personName: String
        let rejectReason: String
        let candidates: [CandidateRow]
        /// "" when none (Mustache would show a 0).
        let hiddenCandidates: String
        let needsVillage: Bool
    }

    struct Detail {
        /// Named apart from the rows' `id`, which Mustache would find first inside a row.
        let formId: Int64
        let title: String
        let kind: String
        let unit: String
        let link: String
        let code: String
        let open: Bool
        let closesOn: String
        let capacity: String
        let asks: String
        let channels: String
        let purpose: String
        let role: String
        let rows: [QueueRow]
        let none: Bool
        let canReview: Bool
        let villages: [Option]
        let confirmHref: String
        /// "" when none.
        let unconfirmed: String
        let csrf: String
    }

    struct OpenForm {
        let kind: String
        let kindLabel: String
        let targetId: Int64
        let title: String
        let purpose: String
        let isVolunteer: Bool
        let channels: [Option]
        let errors: [String: String]
        let csrf: String
    }

    struct PublicForm {
        let code: String
        let title: String
        let kind: String
        let when: String
        let place: String
        let closesOn: String
        let open: Bool
        let full: Bool
        let askBirthYear: Bool
        let askVillage: Bool
        let askPhone: Bool
        let askGuardian: Bool
        let villages: [Option]
        let consents: [ConsentBox]
        let hasConsents: Bool
        let values: [String: String]
        let errors: [String: String]
        let problem: String
        let csrf: String
    }

    struct ConsentBox {
        let channel: String
        let text: String
        let checked: Bool
    }

    struct Poster {
        let title: String
        let commune: String
        let when: String
        let place: String
        let link: String
        let qr: String
        let closesOn: String
    }
}

// MARK: Built from the store's values

extension SignUpPages.ListRow {
    /// A sign-up page in the organisers' list: open or not today, and how many sign-ups wait, are on the waiting list
    /// or were approved.
    init(_ item: SignUpForms.ListItem, today: CivilDate, english: Bool) {
        id = item.form.id!
        title = item.form.title
        kind = item.form.kind.label(english: english)
        unit = item.unit
        code = item.form.code
        open = item.form.isOpen(on: today)
        pending = item.count(.pending)
        waiting = item.count(.waitlisted)
        approved = item.count(.approved)
    }
}

extension SignUpPages.List {
    /// The organisers' list of sign-up pages.
    init(_ items: [SignUpForms.ListItem], today: CivilDate, english: Bool) {
        let rows = items.map { SignUpPages.ListRow($0, today: today, english: english) }
        self.rows = rows
        none = rows.isEmpty
    }
}

extension SignUpPages.OpenForm {
    /// The form that opens a sign-up page for an activity, a club or a call for volunteers (every offered channel
    /// ticked at first).
    init(kind: SignUpKind, targetId: Int64, target: (unitId: Int64, title: String, purpose: String), english: Bool, errors: [String: String],
         csrf: String) {
        self.kind = kind.rawValue
        kindLabel = kind.label(english: english)
        self.targetId = targetId
        title = target.title
        purpose = target.purpose
        isVolunteer = kind == .volunteer
        channels = SignUpForms.offeredChannels.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: true) }
        self.errors = errors
        self.csrf = csrf
    }
}

extension SignUpPages.CandidateRow {
    /// A resident the sign-up may be, with why.
    init(_ candidate: DuplicateFinder.Candidate, english: Bool) {
        id = candidate.id
        name = candidate.fullName
        details = [candidate.birthYear.map(String.init), candidate.phone.map { PhoneNumber.display(stored: $0) }]
            .compactMap { $0 }.joined(separator: " · ")
        reasons = candidate.reasons.map { $0.label(english: english) }.joined(separator: ", ")
    }
}

extension SignUpPages.QueueRow {
    /// A sign-up in the review queue: what the person typed, the consent given, and the residents they may be.
    init(_ item: SignUpReview.QueueItem, english: Bool) {
        let entry = item.entry
        id = entry.id!
        name = entry.fullName
        details = [entry.birthYear.map(String.init), item.village, entry.phone.map { PhoneNumber.display(stored: $0) },
                   entry.guardianName.map { (english ? "guardian: " : "người giám hộ: ") + $0 }].compactMap { $0 }.joined(separator: " · ")
        consents = entry.consentChannelList.map { $0.label(english: english) }.joined(separator: ", ")
        received = VietnamTime.display(entry.createdAt)
        status = entry.status.label(english: english)
        waiting = entry.status == .waitlisted
        open = entry.status == .pending || entry.status == .waitlisted
        personId = entry.personId
        personName = item.personName ?? ""
        rejectReason = entry.rejectReason ?? ""
        candidates = item.candidates.map { SignUpPages.CandidateRow($0, english: english) }
        hiddenCandidates = item.hiddenCandidates > 0 ? String(item.hiddenCandidates) : ""
        needsVillage = entry.villageId == nil
    }
}

extension SignUpPages.Detail {
    /// A sign-up page's own page: what it asks, its public link, and the review queue. `text` gives a label's words in
    /// the page's language.
    init(_ form: SignUpForm, queue: [SignUpReview.QueueItem], unit: String, link: String, villages: [(id: Int64, name: String)],
         unconfirmed: Int, canReview: Bool, today: CivilDate, english: Bool, text: (String) -> String, csrf: String) {
        let formId = form.id!
        let rows = queue.map { SignUpPages.QueueRow($0, english: english) }
        let asks = [form.askBirthYear ? "signups_askBirthYear" : nil, form.askVillage ? "signups_askVillage" : nil,
                    form.askPhone ? "signups_askPhone" : nil].compactMap { $0 }.map { text($0) }
        self.formId = formId
        title = form.title
        kind = form.kind.label(english: english)
        self.unit = unit
        self.link = link
        code = form.code
        open = form.isOpen(on: today)
        closesOn = form.closesOn?.display ?? ""
        capacity = form.capacity.map(String.init) ?? ""
        self.asks = ([text("signups_askName")] + asks).joined(separator: ", ")
        channels = form.channelList.map { $0.label(english: english) }.joined(separator: ", ")
        purpose = form.purpose
        role = form.role ?? ""
        self.rows = rows
        none = rows.isEmpty
        self.canReview = canReview
        self.villages = villages.map { Option(id: $0.id, label: $0.name, selected: false) }
        confirmHref = "/messages?template=sms-signup-confirmation&audience="
            + "signups:form=\(formId)".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        self.unconfirmed = unconfirmed > 0 ? String(unconfirmed) : ""
        self.csrf = csrf
    }
}

extension SignUpPages.Poster {
    /// The QR poster of a sign-up page: what and when, where, the link and its QR code (an SVG).
    init(_ form: SignUpForm, occasion: SignUpForms.Occasion, commune: String, link: String, qr: String) {
        title = form.title
        self.commune = commune
        when = occasion.when
        place = occasion.place
        self.link = link
        self.qr = qr
        closesOn = form.closesOn?.display ?? ""
    }
}
