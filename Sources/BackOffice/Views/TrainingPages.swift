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
