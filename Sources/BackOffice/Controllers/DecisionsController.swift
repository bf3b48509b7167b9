import Composition
import Foundation
import GRDB
import Honours
import Hummingbird
import Store
import Vietnamese

/// Decisions: drafts gathered from approved nominations, issuing (the number comes then), the printed decision and
/// certificates (Giấy khen, A4 landscape), and corrections by a new decision that amends or revokes.
struct DecisionsController {
    let env: ControllerEnvironment
    var forms: HonourForms { env.honourForms }

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/honours/decisions", use: list)
        router.get("/honours/decisions/new", use: newForm)
        router.post("/honours/decisions", use: create)
        router.get("/honours/decisions/:id", use: show)
        // The roll itself is public; its spreadsheet is a signed-in, logged export.
        router.list("/honours/roll", HonourLists.roll, env: env) { request, _ in ListQuery(year: try request.queryYear()) }
        router.list("/honours/decisions/:id/recipients", HonourLists.recipients, env: env) { _, context in ListQuery(id: try context.id()) }
        router.post("/honours/decisions/:id/issue", use: issue)
        router.post("/honours/decisions/:id/delete", use: deleteDraft)
        router.post("/honours/decisions/:id/correct", use: correct)
        router.post("/honours/decisions/:id/recipients/:nomination/remove", use: removeRecipient)
        router.post("/honours/decisions/:id/recipients/:nomination", use: editRecipient)
        router.get("/honours/decisions/:id/print", use: printDecision)
        router.get("/honours/decisions/:id/decision.docx", use: wordDecision)
        router.get("/honours/decisions/:id/certificates.docx", use: wordCertificates)
        router.get("/honours/decisions/:id/certificates", use: certificates)
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let rows = try await env.database.read { db in
            try DecisionStore.list(db, year: (try request.queryYear())).map { d in
                Row(d, correction: try DecisionStore.correction(db, of: d.id!), count: try DecisionStore.recipientCount(db, decisionId: d.id!),
                    english: english)
            }
        }
        return env.views.render("honours-decisions", titleKey: "decisions_title",
                                page: ListPage(rows: rows, canCreate: principal.canWriteCommuneWide),
                                context: context, flash: env.flash(request, context))
    }

    private func form(_ request: Request, context: SignedInContext, input: DecisionStore.Input, errors: [String: String] = [:],
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.canWriteCommuneWide)
        let forms = self.forms
        let candidates = try await env.database.read { db in
            try NominationStore.list(db, .init(status: .approved, formKey: input.formKey), forms: forms, for: principal).filter { $0.nomination.decisionId == nil }
        }
        let page = FormPage(forms: forms, input: input, candidates: candidates, errors: errors, csrf: context.csrfToken)
        return env.views.render("honours-decision-form", titleKey: "decisions_new", page: page, context: context, status: status)
    }

    @Sendable func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let formKey = request.query("form") ?? "giay-khen-xa"
        let year = (try request.queryYear()) ?? env.clock.today().year - 1
        let name = forms.form(formKey)?.name ?? ""
        return try await form(request, context: context, input: .init(formKey: formKey, year: year,
                                                                      subject: "Về việc tặng \(name) năm \(year)", nominationIds: []))
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let f = context.form
        let input = DecisionStore.Input(formKey: f["formKey"] ?? "", year: f.year("year"), subject: f["subject"] ?? "",
                                        legalGrounds: f.text("legalGrounds"), nominationIds: f.all("nomination").compactMap { Int64($0) })
        let forms = self.forms
        return try await env.write(orShow: { try await form(request, context: context, input: input, errors: $0, status: .unprocessableContent) }) {
            "/honours/decisions/\(try DecisionStore.createDraft($0, input, forms: forms, by: principal).id!)?msg=created"
        }
    }

    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        try await detail(request, context: context)
    }

    private func detail(_ request: Request, context: SignedInContext, errors: [String: String] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let id = try context.id()
        let forms = self.forms
        let page = try await env.database.read { db -> DetailPage in
            let d = try DecisionStore.get(db, id: id)
            let recipients = try NominationStore.list(db, .init(decisionId: id), forms: forms, for: .system)
            let original = try DecisionStore.find(db, id: d.correctsId)
            let correction = try DecisionStore.correction(db, of: id)
            let form = forms.form(d.formKey)
            return DetailPage(id: id, decision: d, form: form, recipients: recipients, original: original, correction: correction,
                              communeWide: principal.canWriteCommuneWide, today: env.clock.today(), english: english, errors: errors,
                              csrf: context.csrfToken)
        }
        return env.views.render("honours-decision", titleKey: "",
                                title: page.number.isEmpty ? page.subject
                                    : env.views.text("decisions_numbered", context.language) + " " + page.number,
                                page: page, context: context, status: status, flash: env.flash(request, context))
    }

    private func act(_ request: Request, context: SignedInContext, _ work: @escaping @Sendable (Database, Principal, Int64) throws -> Int64) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        return try await env.write(orShow: { try await detail(request, context: context, errors: $0, status: .unprocessableContent) }) {
            "/honours/decisions/\(try work($0, principal, id))?msg=saved"
        }
    }

    @Sendable func issue(_ request: Request, context: SignedInContext) async throws -> Response {
        let f = context.form
        let date = f["date"] ?? "", number = f.text("number")
        return try await act(request, context: context) { db, principal, id in try DecisionStore.issue(db, id: id, date: date, number: number, by: principal).id! }
    }

    @Sendable func deleteDraft(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        try await env.database.write { try DecisionStore.deleteDraft($0, id: id, by: principal) }
        return .redirect(to: "/honours/decisions?msg=saved", type: .found)
    }

    @Sendable func correct(_ request: Request, context: SignedInContext) async throws -> Response {
        let kind = DecisionKind(rawValue: context.form["kind"] ?? "") ?? .original
        let reason = context.form["reason"] ?? ""
        return try await act(request, context: context) { db, principal, id in
            try DecisionStore.draftCorrection(db, of: id, kind: kind, reason: reason, by: principal).id!
        }
    }

    @Sendable func removeRecipient(_ request: Request, context: SignedInContext) async throws -> Response {
        let nomination = try context.id("nomination")
        return try await act(request, context: context) { db, principal, id in
            try DecisionStore.removeRecipient(db, decisionId: id, nominationId: nomination, by: principal)
            return id
        }
    }

    @Sendable func editRecipient(_ request: Request, context: SignedInContext) async throws -> Response {
        let nomination = try context.id("nomination")
        let achievement = context.form["achievement"] ?? ""
        guard let award = context.form.text("award").flatMap(VND.parse) else { throw DomainError.invalid(["award": "Tiền thưởng là số đồng"]) }
        return try await act(request, context: context) { db, principal, id in
            try DecisionStore.editRecipient(db, nominationId: nomination, achievement: achievement, award: award, by: principal)
            return id
        }
    }

    // MARK: Printed

    /// The decision as printed and as downloaded for Word: one model for both.
    private func documentModel(id: Int64) async throws -> DecisionModel {
        let forms = self.forms
        let commune = env.settings.value(Settings.communeName)
        return try await env.database.read { db -> DecisionModel in
            let d = try DecisionStore.get(db, id: id)
            let recipients = try NominationStore.list(db, .init(decisionId: id), forms: forms, for: .system)
            let original = try DecisionStore.find(db, id: d.correctsId)
            return DecisionModel(decision: d, recipients: recipients, original: original, forms: forms, commune: commune)
        }
    }

    @Sendable func printDecision(_ request: Request, context: SignedInContext) async throws -> Response {
        let model = try await documentModel(id: try context.id())
        return env.views.render("honours-document", titleKey: "", title: "Quyết định \(model.number)",
                                page: Views.Fragment(html: env.documents.render("decision", model)), context: context)
    }

    /// The decision as a Word document to edit and sign (NĐ 30 layout), logged as an export.
    @Sendable func wordDecision(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        return try await env.wordDownload(DecisionWord.document(try await documentModel(id: id)), fileName: "quyet-dinh-\(id).docx",
                                          entity: "decision", id: id, by: principal)
    }

    /// One certificate per recipient of an issued decision (or only `nomination`), for print and for Word.
    private func certificateModels(id: Int64, only: Int64?) async throws -> [CertificateModel] {
        let forms = self.forms
        let commune = env.settings.value(Settings.communeName)
        return try await env.database.read { db -> [CertificateModel] in
            let d = try DecisionStore.get(db, id: id)
            guard d.isIssued, d.kind != .revoke else {
                throw DomainError(.conflict, "Chỉ in giấy khen của quyết định đã ban hành.", english: "Only issued decisions have certificates.")
            }
            let form = forms.form(d.formKey)
            return try NominationStore.list(db, .init(decisionId: id), forms: forms, for: .system).filter { only == nil || $0.nomination.id == only }
                .enumerated().map { index, item in
                    CertificateModel(decision: d, form: form, item: item, index: index, commune: commune)
                }
        }
    }

    @Sendable func certificates(_ request: Request, context: SignedInContext) async throws -> Response {
        let models = try await certificateModels(id: try context.id(), only: try request.queryId("nomination"))
        let html = models.map { env.documents.render("certificate", $0) }.joined(separator: "\n")
        return env.views.render("honours-document", titleKey: "", title: env.views.text("decisions_certificates", context.language),
                                page: Views.Fragment(html: "<div class=\"certificates\">" + html + "</div>"), context: context)
    }

    /// The certificates as one Word document, one A4 landscape page each, to print on the commune's own paper.
    @Sendable func wordCertificates(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let models = try await certificateModels(id: id, only: try request.queryId("nomination"))
        return try await env.wordDownload(CertificateWord.document(models), fileName: "giay-khen-\(id).docx", entity: "decision", id: id,
                                          by: principal, details: ["rows": String(models.count)])
    }
}
