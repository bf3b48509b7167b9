import Composition
import Foundation
import GRDB
import Honours
import Hummingbird
import Recognition
import Store
import Vietnamese

/// Learning-model titles: progress against the national targets, the criteria sets, registrations and the
/// assessment form (computed criteria pre-filled, always overridable), and the commune's approval.
struct RecognitionController {
    let env: ControllerEnvironment
    var sets: CriteriaSets { env.criteriaSets }

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/recognition", use: overview)
        router.get("/recognition/sets", use: criteriaSets)
        router.get("/recognition/registrations", use: registrations)
        router.list("/recognition/registrations", RecognitionLists.assessments, env: env) { request, _ in
            ListQuery(year: try request.queryYear(), kind: request.query("set"))
        }
        router.post("/recognition/registrations", use: register)
        router.get("/recognition/registrations/:id", use: assessment)
        router.post("/recognition/registrations/:id/assess", use: assess)
        router.post("/recognition/registrations/:id/decide", use: decide)
    }

    @Sendable func overview(_ request: Request, context: SignedInContext) async throws -> Response {
        let thisYear = env.clock.today().year
        let year = (try request.queryYear()) ?? thisYear - 1
        let sets = self.sets
        let (progress, villages, reminder) = try await env.database.read { db in
            (try RecognitionStore.progress(db, year: year, sets: sets),
             try UnitStore.villages(db, for: .system).map { village -> VillageRow in
                let p = try RecognitionStore.progress(db, year: year, sets: CriteriaSets(sets: sets.sets.filter { $0.subject == .household }), villageId: village.id)
                return VillageRow(name: village.name, progress: p)
             },
             try AnnualReport.reminder(db))
        }
        let page = OverviewPage(year: year, thisYear: thisYear, progress: progress, villages: villages,
                                reminder: reminder.map { DashboardReminder.text($0, views: env.views, language: context.language) } ?? "")
        return env.views.render("recognition", titleKey: "recognition_title", page: page, context: context,
                                flash: env.flash(request, context))
    }

    /// "3 năm, hết hạn phải đánh giá công nhận lại", or that the set names no time limit.
    static func validityText(_ set: CriteriaSet, text: (String) -> String) -> String {
        set.validityYears.map { text("sets_validityYears").replacingOccurrences(of: "%@", with: String($0)) }
            ?? text("sets_noExpiry")
    }

    @Sendable func criteriaSets(_ request: Request, context: SignedInContext) async throws -> Response {
        let english = context.english
        let t = { (key: String) in env.views.text(key, context.language) }
        let rows = sets.sets.map { SetRow($0, english: english, text: t) }
        return env.views.render("recognition-sets", titleKey: "sets_title", page: ["sets": rows], context: context)
    }

    // MARK: Registrations

    @Sendable func registrations(_ request: Request, context: SignedInContext) async throws -> Response {
        try await registrationsPage(request, context: context)
    }

    private func registrationsPage(_ request: Request, context: SignedInContext, errors: [String: String] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = context.principal
        let year = (try request.queryYear()) ?? context.form.year("year") ?? env.clock.today().year
        let setKey = request.query("set") ?? context.form.text("setKey") ?? sets.sets.first?.key ?? ""
        let sets = self.sets
        let set = sets.set(setKey)
        let views = env.views, language = context.language
        let q = request.query("q") ?? ""
        let today = env.clock.today()
        let (items, subjects, earlier) = try await env.database.read { db -> ([RecognitionStore.Item], [Option], Int?) in
            let items = try RecognitionStore.list(db, year: year, setKey: setKey, for: principal)
            return (items, try Self.subjects(db, set: set, query: q, for: principal),
                    items.isEmpty ? try RecognitionStore.latestYear(db, setKey: setKey, before: year) : nil)
        }
        let page = RegistrationsPage(year: year, sets: sets.sets, set: set, setKey: setKey, items: items, subjects: subjects, q: q,
                                     writer: principal.role != .viewer, earlierYear: earlier, today: today, csrf: context.csrfToken,
                                     errors: errors, text: { views.text($0, language) })
        return env.views.render("recognition-registrations", titleKey: "registrations_title", page: page, context: context, status: status,
                                flash: env.flash(request, context))
    }

    static func validUntil(_ registration: Registration, set: CriteriaSet?, today: CivilDate, text: (String) -> String) -> String {
        guard registration.status == "approved", registration.result != nil,
              let last = set?.lastValidYear(recognisedIn: registration.year) else { return "" }
        return last < today.year ? "\(last) — \(text("registrations_expired"))" : String(last)
    }

    /// What may be registered for a set, within the account's reach.
    static func subjects(_ db: Database, set: CriteriaSet?, query: String, for principal: Principal) throws -> [Option] {
        guard let set else { return [] }
        func options(_ rows: [Choice]) -> [Option] { rows.map { Option(id: $0.id, label: $0.label, selected: false) } }
        switch set.subject {
        case .household:
            return try HouseholdStore.list(db, villageId: nil, for: principal, perPage: 5000).items.filter { principal.canWrite(unitId: $0.household.villageId) }
                .map { Option(id: $0.household.id, label: "\($0.household.name) · \($0.villageName ?? "")", selected: false) }
        case .clan:
            return try HonoursRegister.clans(db).filter { principal.canWrite(unitId: $0.villageId) }.options()
        case .village:
            return try UnitStore.villages(db, for: principal).filter { principal.canWrite(unitId: $0.id) }.options()
        case .commune:
            return try UnitStore.all(db, kinds: [.communeCommittee]).filter { principal.canWrite(unitId: $0.id) }
                .options()
        case .unit:
            return try UnitStore.active(db)
                .filter { ![.village, .communeCommittee].contains($0.kind) && principal.canWrite(unitId: $0.id) }
                .options()
        case .person:
            // Citizens are found by a search, like everywhere people are chosen.
            return try PersonPicker.candidates(db, query: query, preset: nil, for: principal)
                .map { Option(id: $0.id, label: "\($0.name) · \($0.village) \($0.birthYear)", selected: false) }
        }
    }

    @Sendable func register(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let f = context.form
        guard let set = sets.set(f["setKey"] ?? "") else { throw DomainError.invalid(["setKey": "Chọn bộ tiêu chí"]) }
        let year = f.year("year") ?? env.clock.today().year
        let ids = f.all("subjectId").compactMap { Int64($0) }
        guard !ids.isEmpty else { return try await registrationsPage(request, context: context, errors: ["subjectId": "Chọn ít nhất một"], status: .unprocessableContent) }
        return try await env.write(orShow: { try await registrationsPage(request, context: context, errors: $0, status: .unprocessableContent) }) { db in
            for id in ids { _ = try RecognitionStore.register(db, year: year, set: set, subjectId: id, by: principal) }
            return "/recognition/registrations?year=\(year)&set=\(set.key)&msg=saved"
        }
    }

    // MARK: Assessment

    @Sendable func assessment(_ request: Request, context: SignedInContext) async throws -> Response {
        try await assessmentPage(request, context: context)
    }

    private func assessmentPage(_ request: Request, context: SignedInContext, errors: [String: String] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let sets = self.sets
        let views = env.views, language = context.language
        let today = env.clock.today()
        let page = try await env.database.read { db -> AssessmentPage in
            let item = try RecognitionStore.get(db, id: id, for: principal)
            let r = item.registration
            guard let set = sets.set(r.setKey) else { throw DomainError.notFound("bộ tiêu chí", english: "Criteria set") }
            let scores = try RecognitionStore.prefill(db, registration: r, set: set)
            return AssessmentPage(id: id, item: item, set: set, scores: scores, today: today, english: language == .en,
                                  mayAssess: principal.canWriteCommuneWide || principal.canWrite(unitId: item.scopeUnitId),
                                  communeWide: principal.canWriteCommuneWide, csrf: context.csrfToken, errors: errors,
                                  text: { views.text($0, language) })
        }
        return env.views.render("recognition-assessment", titleKey: "", title: "\(page.set): \(page.subject)", page: page, context: context, status: status,
                                flash: env.flash(request, context))
    }

    @Sendable func assess(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let f = context.form
        let sets = self.sets
        return try await env.write(orShow: { try await assessmentPage(request, context: context, errors: $0, status: .unprocessableContent) }) { db in
            let item = try RecognitionStore.get(db, id: id, for: principal)
            guard let set = sets.set(item.registration.setKey) else { throw DomainError.notFound("bộ tiêu chí", english: "Criteria set") }
            var scores: [String: RecognitionStore.ScoreInput] = [:]
            for c in set.criteria {
                scores[c.key] = .init(points: f.count("p.\(c.key)", limit: 1000), passed: f.bool("ok.\(c.key)"),
                                      computed: f.bool("computed.\(c.key)"), evidence: f.text("e.\(c.key)"))
            }
            _ = try RecognitionStore.assess(db, id: id, set: set, scores: scores, by: principal)
            return "/recognition/registrations/\(id)?msg=saved"
        }
    }

    @Sendable func decide(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let approve = context.form["decision"] == "approve"
        let reason = context.form.text("reason")
        let sets = self.sets, forms = env.honourForms
        return try await env.write(orShow: { try await assessmentPage(request, context: context, errors: $0, status: .unprocessableContent) }) { db in
            let item = try RecognitionStore.get(db, id: id, for: principal)
            guard let set = sets.set(item.registration.setKey) else { throw DomainError.notFound("bộ tiêu chí", english: "Criteria set") }
            _ = try RecognitionStore.decide(db, id: id, approve: approve, reason: reason, set: set, forms: forms, by: principal)
            return "/recognition/registrations/\(id)?msg=saved"
        }
    }
}

/// The dashboard's and the report page's reminder of the yearly report's deadline.
enum DashboardReminder {
    static func text(_ reminder: (deadline: CivilDate, daysLeft: Int), views: Views, language: Language) -> String {
        reminder.daysLeft >= 0
            ? views.text("report_dueIn", language) + " \(reminder.daysLeft) " + views.text("report_days", language) + " (\(reminder.deadline.display))"
            : views.text("report_overdue", language) + " \(reminder.deadline.display)"
    }
}
