import Foundation
import Hummingbird
import Recognition
import Store
import Vietnamese

/// `/api/v1/criteria-sets`, `/api/v1/assessments?year=`, `/api/v1/indicators?year=`.
struct RecognitionAPI {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/criteria-sets", use: criteriaSets)
        router.get("/assessments", use: assessments)
        router.get("/indicators", use: indicators)
    }

    struct CriterionJSON: Encodable { let key: String; let text: String; let points: Int; let computed: String?; let level: Int }
    struct GroupJSON: Encodable { let name: String; let criteria: [CriterionJSON] }
    struct ThresholdJSON: Encodable { let label: String; let min: Int; let minEach: Int?; let level: Int? }
    struct SetJSON: Encodable {
        let key: String; let title: String; let subject: String; let version: String; let fromYear: Int; let toYear: Int; let scoring: String; let maximum: Int
        let thresholds: [ThresholdJSON]; let groups: [GroupJSON]; let honourForm: String?
        let source: String; let sourceYear: Int; let validityYears: Int?
    }

    @Sendable func criteriaSets(_ request: Request, context: SignedInContext) async throws -> Response {
        return try APIResponse.whole(env.criteriaSets.sets.map { set in
            SetJSON(key: set.key, title: set.title, subject: set.subject.rawValue, version: set.version, fromYear: set.years.lowerBound, toYear: set.years.upperBound,
                    scoring: set.scoring.rawValue, maximum: set.maximum,
                    thresholds: set.thresholds.map { ThresholdJSON(label: $0.label, min: $0.min, minEach: $0.minEach, level: $0.level) },
                    groups: set.groups.map {
                        GroupJSON(name: $0.name, criteria: $0.criteria.map {
                            CriterionJSON(key: $0.key, text: $0.text, points: $0.points, computed: $0.computed, level: $0.level)
                        })
                    },
                    honourForm: set.honourForm, source: set.source, sourceYear: set.sourceYear, validityYears: set.validityYears)
        })
    }

    struct AssessmentJSON: Encodable {
        let id: Int64; let year: Int; let setKey: String; let subjectKind: String; let subjectId: Int64; let subject: String; let place: String
        let status: String; let score: Int?; let result: String?; let assessedOn: String?; let nominationId: Int64?
    }

    @Sendable func assessments(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let year = (try request.queryYear()), set = request.query("set")
        let items = try await env.database.read { try RecognitionStore.list($0, year: year, setKey: set, for: principal) }
        return try APIResponse.whole(items.map {
            let r = $0.registration
            return AssessmentJSON(id: r.id!, year: r.year, setKey: r.setKey, subjectKind: r.subjectKind.rawValue, subjectId: r.subjectId, subject: $0.subject,
                                  place: $0.place, status: r.status, score: r.score, result: r.result, assessedOn: r.assessedOn?.iso, nominationId: r.nominationId)
        })
    }

    struct IndicatorJSON: Encodable {
        let key: String; let name: String; let unit: String; let kind: String; let computed: Bool; let year: Int; let value: Double?; let expected: Double
        let onTrack: Bool?; let compoundGrowth: Double?; let note: String; let baselineYear: Int; let baseline: Double; let target2025: Double; let target2030: Double
    }

    @Sendable func indicators(_ request: Request, context: SignedInContext) async throws -> Response {
        let year = (try request.queryYear()) ?? env.clock.today().year
        let programme = env.programme
        let items = try await env.database.read { db in
            try programme.indicators.map { indicator -> IndicatorJSON in
                let value = try Indicators.value(db, indicator, year: year)
                return IndicatorJSON(key: indicator.key, name: indicator.name, unit: indicator.unit, kind: indicator.kind.rawValue, computed: value.computed,
                                     year: year, value: value.value, expected: indicator.trajectory(year), onTrack: value.value.map { indicator.onTrack($0, in: year) },
                                     compoundGrowth: value.value.flatMap { indicator.compoundGrowth(to: $0, in: year) }, note: value.note,
                                     baselineYear: indicator.baselineYear, baseline: indicator.baseline, target2025: indicator.target2025, target2030: indicator.target2030)
            }
        }
        return try APIResponse.whole(items)
    }
}
