import Composition
import Foundation
import GRDB
import Hummingbird
import Store
import Training
import Vietnamese

/// Staff training (plan III.3): the year's courses with totals per unit, a course with its participants, new and
/// corrected courses, participation and self-study. Shown under Recognition, whose yearly report they feed.
struct TrainingController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/training", use: year)
        router.list("/training", TrainingLists.courses, env: env) { request, _ in ListQuery(year: try request.queryYear()) }
        router.list("/training/participants", TrainingLists.participants, env: env) { request, _ in ListQuery(year: try request.queryYear()) }
        router.get("/training/new", use: newForm)
        router.post("/training", use: create)
        router.post("/training/self-study", use: addSelfStudy)
        router.get("/training/:id", use: course)
        router.get("/training/:id/edit", use: editForm)
        router.post("/training/:id", use: update)
        router.post("/training/:id/participants", use: saveParticipant)
        router.post("/training/:id/participants/:personId/remove", use: removeParticipant)
    }

    // MARK: The year

    static func dates(_ course: TrainingCourse) -> String {
        course.startDate == course.endDate ? course.startDate.display : "\(course.startDate.display) – \(course.endDate.display)"
    }

    /// Units a participant or a self-studier may serve in, within the account's reach.
    static func serviceUnits(_ db: Database, for principal: Principal) throws -> [OrgUnit] {
        try UnitStore.active(db).filter { ![.village, .business, .other].contains($0.kind) && principal.canWrite(unitId: $0.id) }
    }

    @Sendable func year(_ request: Request, context: SignedInContext) async throws -> Response {
        try await yearPage(request, context: context)
    }

    private func yearPage(_ request: Request, context: SignedInContext, input: TrainingStore.SelfStudyInput? = nil,
                          errors: [String: String] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = context.principal
        let english = context.english
        let today = env.clock.today()
        let year = (try request.queryYear()) ?? context.form.year("year") ?? today.year
        let q = request.query("q") ?? ""
        let t = { (key: String) in env.views.text(key, context.language) }
        let (items, totals, study, candidates, units) = try await env.database.read { db in
            (try TrainingStore.courses(db, year: year), try TrainingTotals.year(db, year), try TrainingStore.selfStudy(db, year: year, for: principal),
             try PersonPicker.candidates(db, query: q, preset: input?.personId, for: principal), try Self.serviceUnits(db, for: principal))
        }
        let visibleTotals = totals.byUnit.filter { principal.canRead(unitId: $0.unitId) }
        let page = YearPage(year: year, today: today, courses: items, totals: visibleTotals, total: totals.total, study: study,
                            canCreate: principal.canWriteCommuneWide, canRecordStudy: principal.role != .viewer && !units.isEmpty,
                            english: english, text: t,
                            studyForm: StudyForm(q: q, candidates: candidates, units: units, input: input, today: today, english: english,
                                                 errors: errors, csrf: context.csrfToken))
        return env.views.render("training", titleKey: "training_title", page: page, context: context, status: status,
                                flash: env.flash(request, context), section: "recognition")
    }

    @Sendable func addSelfStudy(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let f = context.form
        let input = TrainingStore.SelfStudyInput(personId: f.int64("personId"), unitId: f.int64("unitId"), date: f["date"] ?? "", hours: f["hours"] ?? "",
                                                 topic: f["topic"] ?? "", description: f["description"] ?? "")
        let today = env.clock.today()
        return try await env.write(orShow: { try await yearPage(request, context: context, input: input, errors: $0, status: .unprocessableContent) }) { db in
            let record = try TrainingStore.addSelfStudy(db, input, by: principal, today: today)
            return "/training?year=\(record.date.year)&msg=saved"
        }
    }

    // MARK: A course

    @Sendable func course(_ request: Request, context: SignedInContext) async throws -> Response {
        try await coursePage(request, context: context)
    }

    private func coursePage(_ request: Request, context: SignedInContext, errors: [String: String] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let english = context.english
        let q = request.query("q") ?? ""
        let (course, participants, candidates, units) = try await env.database.read { db in
            (try TrainingStore.get(db, id: id), try TrainingStore.participants(db, courseId: id, for: principal),
             try PersonPicker.candidates(db, query: q, preset: nil, for: principal), try Self.serviceUnits(db, for: principal))
        }
        let rows = participants.map { p in
            ParticipantRow(p, english: english, canEdit: principal.canWriteCommuneWide || principal.canWrite(unitId: p.participant.unitId))
        }
        let page = CoursePage(id: id, course: course, participants: rows, canEdit: principal.canWriteCommuneWide,
                              canAdd: principal.role != .viewer && !units.isEmpty,
                              q: q, candidates: candidates, units: units, english: english, errors: errors, csrf: context.csrfToken)
        return env.views.render("training-course", titleKey: "", title: course.title, page: page, context: context, status: status,
                                flash: env.flash(request, context), section: "recognition")
    }

    @Sendable func saveParticipant(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let f = context.form
        let input = TrainingStore.ParticipantInput(personId: f.int64("personId"), unitId: f.int64("unitId"), role: f["role"] ?? "staff",
                                                   attended: f["attended"] != "0", certificate: f.text("certificate"))
        return try await env.write(orShow: { try await coursePage(request, context: context, errors: $0, status: .unprocessableContent) }) { db in
            _ = try TrainingStore.saveParticipant(db, courseId: id, input, by: principal)
            return "/training/\(id)?msg=saved"
        }
    }

    @Sendable func removeParticipant(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        guard let personId = context.parameters.get("personId").flatMap({ Int64($0) }) else { throw HTTPError(.notFound) }
        try await env.database.write { try TrainingStore.removeParticipant($0, courseId: id, personId: personId, by: principal) }
        return .redirect(to: "/training/\(id)?msg=saved", type: .found)
    }

    // MARK: New and corrected courses

    private func form(_ context: SignedInContext, id: Int64?, input: TrainingStore.CourseInput, errors: [String: String] = [:],
                      status: HTTPResponse.Status = .ok) throws -> Response {
        let principal = context.principal
        try principal.require(principal.canWriteCommuneWide)
        let english = context.english
        let page = FormPage(id: id, input: input, english: english, errors: errors, csrf: context.csrfToken)
        return env.views.render("training-course-form", titleKey: id == nil ? "training_new" : "training_edit", page: page, context: context,
                                status: status, section: "recognition")
    }

    static func input(_ f: FormData) -> TrainingStore.CourseInput {
        TrainingStore.CourseInput(title: f["title"] ?? "", organiser: f["organiser"] ?? "", level: f["level"] ?? "", topic: f["topic"] ?? "",
                                  startDate: f["startDate"] ?? "", endDate: f["endDate"] ?? "", hours: f["hours"] ?? "", place: f.text("place"), notes: f.text("notes"))
    }

    @Sendable func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        try form(context, id: nil, input: .init(title: "", organiser: env.settings.value(Settings.committeeName), level: "commune", topic: "digital",
                                                startDate: env.clock.today().display, endDate: "", hours: ""))
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let input = Self.input(context.form)
        return try await env.write(orShow: { try form(context, id: nil, input: input, errors: $0, status: .unprocessableContent) }) {
            "/training/\(try TrainingStore.create($0, input, by: principal).id!)?msg=created"
        }
    }

    @Sendable func editForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.id()
        let c = try await env.database.read { try TrainingStore.get($0, id: id) }
        return try form(context, id: id, input: .init(title: c.title, organiser: c.organiser, level: c.level.rawValue, topic: c.topic.rawValue,
                                                      startDate: c.startDate.display, endDate: c.endDate.display, hours: HoursText.display(c.minutes),
                                                      place: c.place, notes: c.notes))
    }

    @Sendable func update(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let input = Self.input(context.form)
        return try await env.write(orShow: { try form(context, id: id, input: input, errors: $0, status: .unprocessableContent) }) {
            _ = try TrainingStore.update($0, id: id, input, by: principal)
            return "/training/\(id)?msg=saved"
        }
    }
}
