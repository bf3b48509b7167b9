import Composition
import Foundation
import GRDB
import Hummingbird
import Recognition
import Store
import Vietnamese

/// The yearly report: assembled from the data, the sections staff write, finalising, and the printable report,
/// Markdown appendix and indicators CSV.
struct AnnualReportController {
    let env: ControllerEnvironment
    var document: AnnualReportDocument { AnnualReportDocument(documents: env.documents, sets: env.criteriaSets, programme: env.programme, forms: env.honourForms) }

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/recognition/report", use: page)
        router.post("/recognition/report/text", use: saveText)
        router.post("/recognition/report/final", use: setFinal)
        router.get("/recognition/report/print", use: printable)
        router.get("/recognition/report/appendix.md", use: appendix)
        router.list("/recognition/report/indicators", RecognitionLists.indicators, env: env) { [env] request, _ in
            ListQuery(year: (try request.queryYear()) ?? env.clock.today().year)
        }
        // The report's tables, a sheet per section.
        router.list("/recognition/report/report", RecognitionLists.annualReport, env: env) { [env] request, _ in
            ListQuery(year: (try request.queryYear()) ?? env.clock.today().year)
        }
        router.get("/recognition/report/report.docx", use: word)
    }

    @Sendable func page(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let thisYear = env.clock.today().year
        let year = (try request.queryYear()) ?? thisYear
        let document = self.document
        let (report, html, reminder) = try await env.database.read { db in
            let report = try document.report(db, year: year)
            return (report, try document.html(db, report: report), try AnnualReport.reminder(db))
        }
        let page = Page(year: year, thisYear: thisYear, report: report, html: html,
                        reminder: reminder.map { DashboardReminder.text($0, views: env.views, language: context.language) } ?? "",
                        canEdit: principal.canWriteCommuneWide, csrf: context.csrfToken,
                        text: { env.views.text($0, context.language) })
        return env.views.render("recognition-report", titleKey: "report_title", page: page, context: context,
                                flash: env.flash(request, context))
    }

    @Sendable func saveText(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let f = context.form
        guard let year = f.year("year") else { throw DomainError.invalid(["year": "Chọn năm"]) }
        try await env.database.write { db in
            for section in AnnualReport.sections where f[section] != nil {
                try AnnualReport.saveText(db, year: year, section: section, text: f[section] ?? "", by: principal)
            }
        }
        return .redirect(to: "/recognition/report?year=\(year)&msg=saved", type: .found)
    }

    @Sendable func setFinal(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let f = context.form
        guard let year = f.year("year") else { throw DomainError.invalid(["year": "Chọn năm"]) }
        try await env.database.write { try AnnualReport.setFinal($0, year: year, final: f["final"] == "yes", by: principal) }
        return .redirect(to: "/recognition/report?year=\(year)&msg=saved", type: .found)
    }

    @Sendable func printable(_ request: Request, context: SignedInContext) async throws -> Response {
        let year = (try request.queryYear()) ?? env.clock.today().year
        let document = self.document
        let html = try await env.database.read { db in try document.html(db, report: try document.report(db, year: year)) }
        return env.views.render("honours-document", titleKey: "report_title", page: Views.Fragment(html: html), context: context,
                                section: "recognition")
    }

    @Sendable func appendix(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let year = (try request.queryYear()) ?? env.clock.today().year
        let document = self.document
        let text = try await env.database.write { db -> String in
            try Audit.record(db, by: principal, .export, entity: "report", id: Int64(year), after: ["to": "appendix.md"])
            return try document.report(db, year: year).markdown
        }
        return Views.attachment(text, type: "text/markdown; charset=utf-8", fileName: "phu-luc-\(year).md")
    }

    /// The report as a Word document to finish and sign, with its tables; logged.
    @Sendable func word(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let year = (try request.queryYear()) ?? env.clock.today().year
        let document = self.document
        let today = env.clock.today()
        let model = try await env.database.read { db in try AnnualReportDocument.model(db, report: try document.report(db, year: year), today: today) }
        return try await env.wordDownload(AnnualReportDocument.word(model), fileName: "bao-cao-\(year).docx", entity: "report", id: Int64(year), by: principal)
    }



}
