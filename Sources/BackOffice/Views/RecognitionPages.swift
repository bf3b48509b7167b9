import Composition
import Foundation
import GRDB
import Honours
import Hummingbird
import Recognition
import Store
import Vietnamese

/// What the pages of `RecognitionController` show: one view model each, its fields one a line.
extension RecognitionController {
    /// Counts as text with the thousands dot ("1.707"); the share also as a number for its progress bar.
    struct ProgressRow {
        let set: String
        let title: String
        let population: String
        let registered: String
        let assessed: String
        let recognised: String
        let share: String
        let shareValue: String
        let target: String
        let targetValue: String
        let reached: Bool
    }

    struct VillageRow {
        let name: String
        let households: Int
        let recognised: Int
        let share: String
    }

    struct OverviewPage {
        let year: Int
        let years: [Option]
        let rows: [ProgressRow]
        let villages: [VillageRow]
        let reminder: String
    }

    struct CriterionRow {
        let text: String
        let points: Int
        let computed: Bool
        let level: Int
    }

    struct GroupRow {
        let name: String
        let criteria: [CriterionRow]
    }

    struct SetRow {
        let key: String
        let title: String
        let subject: String
        let version: String
        let years: String
        let scoring: String
        let maximum: Int
        let thresholds: String
        let groups: [GroupRow]
        let source: String
        let validity: String
        let byLevels: Bool
    }

    struct RegistrationRow {
        let id: Int64
        let subject: String
        let place: String
        let set: String
        let status: String
        let score: String
        let result: String
        /// The last year an approved recognition holds ("2027"), with "đã hết hiệu lực" once past; empty otherwise.
        let validUntil: String
    }

    struct RegistrationsPage {
        let year: Int
        let setOptions: [Option]
        let rows: [RegistrationRow]
        let empty: Bool
        let subjects: [Option]
        let chosenSet: String
        let isPerson: Bool
        let q: String
        let canRegister: Bool
        let csrf: String
        let errors: [String: String]
        /// The set's recognitions expire: the list shows until when each holds.
        let hasValidity: Bool
        /// For an empty year: the latest earlier year that has registrations for the set, to go and look at.
        let earlierYear: Int?
    }

    struct ScoreRow {
        let key: String
        let text: String
        let max: Int
        let points: String
        let passed: Bool
        let computed: Bool
        let evidence: String
        let error: String
    }

    struct ScoreGroup {
        let name: String
        let rows: [ScoreRow]
    }

    struct AssessmentPage {
        let id: Int64
        let subject: String
        let place: String
        let set: String
        let year: Int
        let usesPoints: Bool
        let maximum: Int
        let thresholds: String
        let source: String
        let validity: String
        let validUntil: Int?
        let expired: Bool
        let groups: [ScoreGroup]
        let status: String
        let score: String
        let result: String
        let nominationId: Int64?
        let canAssess: Bool
        let canDecide: Bool
        let csrf: String
        let hasErrors: Bool
        let reasonError: String
    }
}

extension RecognitionController.ProgressRow {
    /// A title's counts for the year against its national target.
    init(_ progress: RecognitionStore.Progress) {
        self.set = progress.set
        title = progress.title
        population = VND.grouped(Int64(progress.population))
        registered = VND.grouped(Int64(progress.registered))
        assessed = VND.grouped(Int64(progress.assessed))
        recognised = VND.grouped(Int64(progress.recognised))
        share = DecimalText.percent(progress.share)
        shareValue = String(format: "%.1f", min(progress.share, 100))
        target = progress.target.map { "\($0)%" } ?? ""
        targetValue = progress.target.map(String.init) ?? ""
        reached = progress.target.map { Double($0) <= progress.share } ?? false
    }
}

extension RecognitionController.VillageRow {
    /// A village's households and how many hold the title, from the village's household progress.
    init(name: String, progress: [RecognitionStore.Progress]) {
        let households = progress.first?.population ?? 0, recognised = progress.first?.recognised ?? 0
        self.name = name
        self.households = households
        self.recognised = recognised
        share = households == 0 ? "—" : DecimalText.percent(Double(recognised) * 100 / Double(households))
    }
}

extension RecognitionController.OverviewPage {
    /// Every title's progress in a year, the villages' households, and the yearly report's reminder.
    init(year: Int, thisYear: Int, progress: [RecognitionStore.Progress], villages: [RecognitionController.VillageRow], reminder: String) {
        self.year = year
        years = Option.years(thisYear - 4...thisYear, selected: year)
        rows = progress.map { RecognitionController.ProgressRow($0) }
        self.villages = villages
        self.reminder = reminder
    }
}

extension RecognitionController.CriterionRow {
    /// A criterion of a set: its text, points, level, and whether Đèn Sách computes it.
    init(_ criterion: CriteriaSet.Criterion) {
        text = criterion.text
        points = criterion.points
        computed = criterion.computed != nil
        level = criterion.level
    }
}

extension RecognitionController.GroupRow {
    /// A group of a set's criteria.
    init(_ group: CriteriaSet.Group) {
        name = group.name
        criteria = group.criteria.map { RecognitionController.CriterionRow($0) }
    }
}

extension RecognitionController.SetRow {
    /// A criteria set as the catalogue shows it, its groups and criteria below.
    init(_ set: CriteriaSet, english: Bool, text: (String) -> String) {
        key = set.key
        title = set.title
        subject = set.subject.label(english: english)
        version = set.version
        years = "\(set.years.lowerBound)–\(set.years.upperBound)"
        scoring = text("sets_\(set.scoring.rawValue)")
        maximum = set.maximum
        thresholds = set.thresholdsText(english: english)
        groups = set.groups.map { RecognitionController.GroupRow($0) }
        source = set.source
        validity = RecognitionController.validityText(set, text: text)
        byLevels = set.scoring == .levels
    }
}

extension RecognitionController.RegistrationRow {
    /// A registration of the year: its subject and place, status, score, and until when the title holds.
    init(_ item: RecognitionStore.Item, set: CriteriaSet?, today: CivilDate, text: (String) -> String) {
        id = item.registration.id!
        subject = item.subject
        place = item.place
        self.set = set?.title ?? item.registration.setKey
        status = text("registration_\(item.registration.status)")
        score = item.registration.score.map { "\($0)/\(set?.maximum ?? 0)" } ?? ""
        result = item.registration.result ?? ""
        validUntil = RecognitionController.validUntil(item.registration, set: set, today: today, text: text)
    }
}

extension RecognitionController.RegistrationsPage {
    /// A year's registrations for a set, and what may be registered next.
    init(
        year: Int,
        sets: [CriteriaSet],
        set: CriteriaSet?,
        setKey: String,
        items: [RecognitionStore.Item],
        subjects: [Option],
        q: String,
        writer: Bool,
        earlierYear: Int?,
        today: CivilDate,
        csrf: String,
        errors: [String: String],
        text: (String) -> String
    ) {
        self.year = year
        setOptions = sets.map { Option(value: $0.key, label: $0.title, selected: $0.key == setKey) }
        rows = items.map { RecognitionController.RegistrationRow($0, set: set, today: today, text: text) }
        empty = items.isEmpty
        self.subjects = subjects
        chosenSet = setKey
        isPerson = set?.subject == .person
        self.q = q
        canRegister = writer && set != nil
        self.csrf = csrf
        self.errors = errors
        hasValidity = set?.validityYears != nil
        self.earlierYear = earlierYear
    }
}

extension RecognitionController.ScoreRow {
    /// A criterion on the assessment form with its saved or computed score.
    init(_ criterion: CriteriaSet.Criterion, score: AssessmentScore?, error: String) {
        key = criterion.key
        text = criterion.text
        max = criterion.points
        points = score.map { String($0.points) } ?? ""
        passed = score?.passed ?? false
        computed = score?.computed ?? false
        evidence = score?.evidence ?? ""
        self.error = error
    }
}

extension RecognitionController.ScoreGroup {
    /// A group of criteria on the assessment form.
    init(_ group: CriteriaSet.Group, scores: [String: AssessmentScore], errors: [String: String]) {
        name = group.name
        rows = group.criteria.map { RecognitionController.ScoreRow($0, score: scores[$0.key], error: errors[$0.key] ?? "") }
    }
}

extension RecognitionController.AssessmentPage {
    /// The assessment of a registration: the set's criteria with their scores, the result, and what may be done next.
    init(
        id: Int64,
        item: RecognitionStore.Item,
        set: CriteriaSet,
        scores: [String: AssessmentScore],
        today: CivilDate,
        english: Bool,
        mayAssess: Bool,
        communeWide: Bool,
        csrf: String,
        errors: [String: String],
        text: (String) -> String
    ) {
        let r = item.registration
        let editable = ["registered", "assessed"].contains(r.status)
        self.id = id
        subject = item.subject
        place = item.place
        self.set = set.title
        year = r.year
        usesPoints = set.usesPoints
        maximum = set.maximum
        thresholds = set.thresholdsText(english: english)
        source = set.source
        validity = RecognitionController.validityText(set, text: text)
        validUntil = r.status == "approved" && r.result != nil ? set.lastValidYear(recognisedIn: r.year) : nil
        expired = r.status == "approved" && r.result != nil && (set.lastValidYear(recognisedIn: r.year).map { $0 < today.year } ?? false)
        groups = set.groups.map { RecognitionController.ScoreGroup($0, scores: scores, errors: errors) }
        status = text("registration_\(r.status)")
        score = r.score.map { "\($0)/\(set.maximum)" } ?? ""
        result = r.result ?? ""
        nominationId = r.nominationId
        canAssess = editable && mayAssess
        canDecide = r.status == "assessed" && communeWide
        self.csrf = csrf
        hasErrors = !errors.isEmpty
        reasonError = errors["reason"] ?? ""
    }
}
