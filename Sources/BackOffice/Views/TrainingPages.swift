import Composition
import Foundation
import GRDB
import Hummingbird
import Store
import Training
import Vietnamese

/// What the pages of `TrainingController` show: one view model each, its fields one a line.
extension TrainingController {
    struct CourseRow {
        let id: Int64
        let title: String
        let organiser: String
        let level: String
        let topic: String
        let dates: String
        let hours: String
        let attended: Int
        let certificates: Int
    }

    struct TotalRow {
        let unit: String
        let trained: Int
        let courseHours: String
        let certificates: Int
        let selfStudied: Int
        let selfStudyHours: String
        let digital: Int
    }

    struct StudyRow {
        let date: String
        let name: String
        let unit: String
        let hours: String
        let topic: String
        let description: String
    }

    struct YearPage {
        let year: Int
        let years: [Option]
        let courses: [CourseRow]
        let empty: Bool
        let totals: [TotalRow]
        let total: TotalRow
        let study: [StudyRow]
        let hasStudy: Bool
        let canCreate: Bool
        let canRecordStudy: Bool
        let studyForm: StudyForm
    }

    struct StudyForm {
        let q: String
        let searched: Bool
        let candidates: [PersonPicker.Candidate]
        let units: [Option]
        let topics: [Option]
        let date: String
        let hours: String
        let description: String
        let errors: [String: String]
        let open: Bool
        let csrf: String
    }

    struct ParticipantRow {
        let personId: Int64
        let name: String
        let unit: String
        let role: String
        let attended: Bool
        let certificate: String
        let canEdit: Bool
    }

    struct CoursePage {
        let id: Int64
        let title: String
        let organiser: String
        let level: String
        let topic: String
        let dates: String
        let hours: String
        let place: String
        let notes: String
        let year: Int
        let participants: [ParticipantRow]
        let empty: Bool
        let canEdit: Bool
        let canAdd: Bool
        let q: String
        let searched: Bool
        let candidates: [PersonPicker.Candidate]
        let units: [Option]
        let roles: [Option]
        let errors: [String: String]
        let csrf: String
    }

    struct FormPage {
        let action: String
        let isNew: Bool
        let title: String
        let organiser: String
        let levels: [Option]
        let topics: [Option]
        let startDate: String
        let endDate: String
        let hours: String
        let place: String
        let notes: String
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
    }
}

extension TrainingController.CourseRow {
    /// A course of the year with its counts.
    init(_ item: TrainingStore.CourseItem, english: Bool) {
        let course = item.course
        id = course.id!
        title = course.title
        organiser = course.organiser
        level = course.level.label(english: english)
        topic = course.topic.label(english: english)
        dates = TrainingController.dates(course)
        hours = HoursText.display(course.minutes)
        attended = item.attended
        certificates = item.certificates
    }
}

extension TrainingController.TotalRow {
    /// A unit's (or the commune's) training in the year; `label` names a line without a unit.
    init(_ line: TrainingTotals.Line, label: String) {
        unit = line.unit.isEmpty ? label : line.unit
        trained = line.trained
        courseHours = HoursText.display(line.courseMinutes)
        certificates = line.certificates
        selfStudied = line.selfStudied
        selfStudyHours = HoursText.display(line.selfStudyMinutes)
        digital = line.digitalTrained
    }
}

extension TrainingController.StudyRow {
    /// A record of self-study.
    init(_ item: TrainingStore.SelfStudyItem, english: Bool) {
        date = item.record.date.display
        name = item.name
        unit = item.unit
        hours = HoursText.display(item.record.minutes)
        topic = item.record.topic.label(english: english)
        self.description = item.record.description
    }
}

extension TrainingController.StudyForm {
    /// The form to record self-study, filled again with what was typed when it failed.
    init(
        q: String,
        candidates: [PersonPicker.Candidate],
        units: [OrgUnit],
        input: TrainingStore.SelfStudyInput?,
        today: CivilDate,
        english: Bool,
        errors: [String: String],
        csrf: String
    ) {
        self.q = q
        searched = !q.isEmpty
        self.candidates = candidates
        self.units = units.options(selected: input?.unitId)
        topics = TrainingTopic.allCases.map {
            Option(value: $0.rawValue, label: $0.label(english: english), selected: $0.rawValue == (input?.topic ?? "digital"))
        }
        date = input?.date ?? today.display
        hours = input?.hours ?? ""
        self.description = input?.description ?? ""
        self.errors = errors
        self.open = !q.isEmpty || !errors.isEmpty
        self.csrf = csrf
    }
}

extension TrainingController.YearPage {
    /// A year of training: its courses, the totals per unit and for the commune, self-study and its form.
    init(
        year: Int,
        today: CivilDate,
        courses: [TrainingStore.CourseItem],
        totals: [TrainingTotals.Line],
        total: TrainingTotals.Line,
        study: [TrainingStore.SelfStudyItem],
        canCreate: Bool,
        canRecordStudy: Bool,
        english: Bool,
        text: (String) -> String,
        studyForm: TrainingController.StudyForm
    ) {
        self.year = year
        years = Option.years(today.year - 4...today.year, selected: year)
        self.courses = courses.map { TrainingController.CourseRow($0, english: english) }
        empty = courses.isEmpty
        self.totals = totals.map { TrainingController.TotalRow($0, label: text("training_noUnit")) }
        self.total = TrainingController.TotalRow(total, label: text("training_total"))
        self.study = study.map { TrainingController.StudyRow($0, english: english) }
        hasStudy = !study.isEmpty
        self.canCreate = canCreate
        self.canRecordStudy = canRecordStudy
        self.studyForm = studyForm
    }
}

extension TrainingController.ParticipantRow {
    /// A participant of a course; `canEdit` when the account may correct or remove them.
    init(_ item: TrainingStore.ParticipantItem, english: Bool, canEdit: Bool) {
        personId = item.participant.personId
        name = item.name
        unit = item.unit
        role = item.participant.role.label(english: english)
        attended = item.participant.attended
        certificate = item.participant.certificate ?? ""
        self.canEdit = canEdit
    }
}

extension TrainingController.CoursePage {
    /// A course with its participants and the form to add one.
    init(
        id: Int64,
        course: TrainingCourse,
        participants: [TrainingController.ParticipantRow],
        canEdit: Bool,
        canAdd: Bool,
        q: String,
        candidates: [PersonPicker.Candidate],
        units: [OrgUnit],
        english: Bool,
        errors: [String: String],
        csrf: String
    ) {
        self.id = id
        title = course.title
        organiser = course.organiser
        level = course.level.label(english: english)
        topic = course.topic.label(english: english)
        dates = TrainingController.dates(course)
        hours = HoursText.display(course.minutes)
        place = course.place ?? ""
        notes = course.notes ?? ""
        year = course.startDate.year
        self.participants = participants
        empty = participants.isEmpty
        self.canEdit = canEdit
        self.canAdd = canAdd
        self.q = q
        searched = !q.isEmpty
        self.candidates = candidates
        self.units = units.options()
        roles = ParticipantRole.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == .staff) }
        self.errors = errors
        self.csrf = csrf
    }
}

extension TrainingController.FormPage {
    /// The form for a new course (no `id`) or a correction, from what it holds or was typed.
    init(id: Int64?, input: TrainingStore.CourseInput, english: Bool, errors: [String: String], csrf: String) {
        action = id.map { "/training/\($0)" } ?? "/training"
        isNew = id == nil
        title = input.title
        organiser = input.organiser
        levels = TrainingLevel.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0.rawValue == input.level) }
        topics = TrainingTopic.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0.rawValue == input.topic) }
        startDate = input.startDate
        endDate = input.endDate
        hours = input.hours
        place = input.place ?? ""
        notes = input.notes ?? ""
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.csrf = csrf
    }
}
