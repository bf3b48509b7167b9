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
