import Clubs
import Foundation
import GRDB
import Honours
import Hummingbird
import Store
import Vietnamese

/// What the pages of `NominationsController` show: one view model each, its fields one a line.
extension NominationsController {
    struct ListRow {
        let id: Int64
        let recipient: String
        let kind: String
        let place: String
        let form: String
        let proposer: String
        let status: String
        let decision: String
    }

    struct CountRow {
        let label: String
        let count: Int
    }

    struct OverviewPage {
        let year: Int
        let years: [Option]
        let statuses: [Option]
        let formOptions: [Option]
        let rows: [ListRow]
        let empty: Bool
        let counts: [CountRow]
        let total: Int
        let individuals: Int
        let collectives: Int
        let women: Int
        let men: Int
        let award: String
        let meetings: [String]
        let canPropose: Bool
        let canReview: Bool
        let today: String
        let csrf: String
    }

    struct FormPage {
        let year: String
        let kinds: [Option]
        let q: String
        let searched: Bool
        let candidates: [PersonPicker.Candidate]
        let households: [Option]
        let clans: [Option]
        let clubs: [Option]
        let units: [Option]
        let formOptions: [Option]
        let types: [Option]
        let proposers: [Option]
        let achievement: String
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
    }

    struct EvidenceRow {
        let kind: String
        let href: String
        let label: String
        let note: String
    }

    struct DetailPage {
        let id: Int64
        let recipient: String
        let recipientHref: String
        let kind: String
        let place: String
        let year: Int
        let form: String
        let type: String
        let proposer: String
        let achievement: String
        let status: String
        let meeting: String
        let votes: String
        let rejectReason: String
        let award: String
        let decision: String
        let decisionId: Int64?
        let flagged: String
        let evidence: [EvidenceRow]
        let hasEvidence: Bool
        let evidenceKinds: [Option]
        let canSubmit: Bool
        let canReview: Bool
        let canDecide: Bool
        let canAddEvidence: Bool
        let meetings: [Option]
        let errors: [String: String]
        let csrf: String
    }
}

extension NominationsController.ListRow {
    /// A nomination of the year: recipient, form, proposer, where it stands and its decision's number.
    init(_ item: NominationStore.Item, english: Bool) {
        id = item.nomination.id!
        recipient = item.recipient
        kind = item.nomination.recipientKind.label(english: english)
        place = item.place
        form = item.formName
        proposer = item.proposingUnit
        status = item.nomination.status.label(english: english)
        decision = item.decisionNumber ?? ""
    }
}

extension NominationsController.OverviewPage {
    /// A year's nominations (of `status` and `formKey` when chosen), the honour roll's counts and the latest meetings.
    init(
        year: Int,
        thisYear: Int,
        status: NominationStatus?,
        formKey: String?,
        forms: HonourForms,
        items: [NominationStore.Item],
        counts: HonourRoll.Counts,
        meetings: [CouncilMeeting],
        canPropose: Bool,
        canReview: Bool,
        today: CivilDate,
        english: Bool,
        csrf: String
    ) {
        self.year = year
        years = Option.years(thisYear - 4...thisYear, selected: year)
        statuses = NominationStatus.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == status) }
        formOptions = forms.forms.map { Option(value: $0.key, label: $0.name, selected: $0.key == formKey) }
        rows = items.map { NominationsController.ListRow($0, english: english) }
        empty = items.isEmpty
        self.counts = counts.byForm.sorted { $0.key < $1.key }.map { NominationsController.CountRow(label: $0.key, count: $0.value) }
        total = counts.total
        individuals = counts.individuals
        collectives = counts.collectives
        women = counts.women
        men = counts.men
        award = VND.format(counts.award)
        self.meetings = meetings.prefix(5).map { "\($0.date.display) — \($0.minutesRef) (\($0.members))" }
        self.canPropose = canPropose
        self.canReview = canReview
        self.today = today.display
        self.csrf = csrf
    }
}

extension NominationsController.FormPage {
    /// The form of a new nomination, its recipient menus with the one in `input` chosen; `proposers` are the units
    /// the account may propose for.
    init(
        input: NominationStore.Input,
        q: String,
        candidates: [PersonPicker.Candidate],
        households: [HouseholdListItem],
        clans: [Clan],
        clubs: [Choice],
        units: [OrgUnit],
        forms: HonourForms,
        proposers: [OrgUnit],
        english: Bool,
        errors: [String: String],
        csrf: String
    ) {
        let kind = RecipientKind(rawValue: input.recipientKind)
        let selected = input.recipientId
        year = input.year.map(String.init) ?? ""
        kinds = RecipientKind.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == kind) }
        self.q = q
        searched = !q.isEmpty || (kind == .individual && selected != nil)
        self.candidates = candidates
        self.households = households.map {
            Option(id: $0.household.id, label: "\($0.household.name) · \($0.villageName ?? "")",
                   selected: kind == .household && $0.household.id == selected)
        }
        self.clans = clans.map { Option(id: $0.id, label: $0.name, selected: kind == .clan && $0.id == selected) }
        self.clubs = Choice.options(clubs, selected: kind == .club ? selected : nil)
        self.units = units.map { Option(id: $0.id, label: $0.name, selected: kind == .unit && $0.id == selected) }
        formOptions = forms.forms.map { Option(value: $0.key, label: $0.name, selected: $0.key == input.formKey) }
        types = CommendationType.allCases.map {
            Option(value: $0.rawValue, label: $0.label(english: english), selected: $0.rawValue == (input.commendationType ?? "regular"))
        }
        self.proposers = proposers.options(selected: input.proposingUnitId)
        achievement = input.achievement
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.csrf = csrf
    }
}

extension NominationsController.EvidenceRow {
    /// A piece of evidence: its kind, and a link to the record or web address it names.
    init(_ evidence: NominationEvidence, text: (String) -> String) {
        let paths = ["campaign": "/campaigns/", "donation": "/donations/", "club": "/clubs/", "volunteer": "/volunteers/"]
        kind = text("evidence_\(evidence.kind)")
        href = evidence.link.flatMap { SafeLink.isWebAddress($0) ? $0 : nil }
            ?? (paths[evidence.kind].map { $0 + String(evidence.refId ?? 0) } ?? "")
        label = evidence.link ?? evidence.refId.map { "#\($0)" } ?? ""
        note = evidence.note ?? ""
    }
}

extension NominationsController.DetailPage {
    /// A nomination with its path so far, evidence and the steps the account may take (`proposerWriter`: it writes
    /// for the proposing unit; `communeWide`: it writes commune-wide). `flag` only for commune roles.
    init(
        id: Int64,
        item: NominationStore.Item,
        meeting: CouncilMeeting?,
        flag: DisciplineFlag?,
        evidence: [NominationEvidence],
        meetings: [CouncilMeeting],
        proposerWriter: Bool,
        communeWide: Bool,
        english: Bool,
        errors: [String: String],
        csrf: String,
        text: (String) -> String
    ) {
        let n = item.nomination
        self.id = id
        recipient = item.recipient
        switch n.recipientKind {
        case .individual: recipientHref = "/people/\(n.personId!)"
        case .household: recipientHref = "/households/\(n.householdId!)"
        case .club: recipientHref = "/clubs/\(n.clubId!)"
        case .unit: recipientHref = "/units/\(n.unitId!)"
        case .clan: recipientHref = ""
        }
        kind = n.recipientKind.label(english: english)
        place = item.place
        year = n.year
        form = item.formName
        self.type = n.commendationType.label(english: english)
        proposer = item.proposingUnit
        achievement = n.achievement
        status = n.status.label(english: english)
        self.meeting = meeting.map { "\($0.date.display) — \($0.minutesRef)" } ?? ""
        votes = n.votesFor.map { "\($0) / \(n.votesAgainst ?? 0)" } ?? ""
        rejectReason = n.rejectReason ?? ""
        award = n.status == .approved ? VND.format(n.award) : ""
        decision = item.decisionNumber ?? ""
        decisionId = n.decisionId
        flagged = flag.map { "\(text("honours_flag_\($0.kind)")) (\($0.since.display))" } ?? ""
        self.evidence = evidence.map { NominationsController.EvidenceRow($0, text: text) }
        hasEvidence = !evidence.isEmpty
        evidenceKinds = NominationsController.evidenceKinds.map { Option(value: $0, label: text("evidence_\($0)"), selected: false) }
        canSubmit = n.status == .draft && proposerWriter
        canReview = n.status == .submitted && communeWide
        canDecide = n.status == .reviewed && communeWide
        canAddEvidence = [.draft, .submitted].contains(n.status) && (proposerWriter || communeWide)
        self.meetings = meetings.map { Option(id: $0.id, label: "\($0.date.display) — \($0.minutesRef)", selected: false) }
        self.errors = errors
        self.csrf = csrf
    }
}
