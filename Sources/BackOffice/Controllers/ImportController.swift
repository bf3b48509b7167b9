import Composition
import Foundation
import Hummingbird
import Office
import Socialization
import Store

/// The import pages (`/import/units`, `/import/people`, `/import/donations`): a CSV or Excel file uploaded, checked
/// or imported all or nothing by the same importers as `densach import`, its problems listed with sheet, row and
/// column. Works without JavaScript: a plain form with a file input.
struct ImportController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/import/:kind", use: page)
        router.post("/import/:kind", use: upload)
    }

    static func kind(_ context: SignedInContext) throws -> ImportKind {
        guard let kind = context.parameters.get("kind").flatMap(ImportKind.init(rawValue:)) else {
            throw DomainError.notFound("trang nhập", english: "Import page")
        }
        return kind
    }

    private func render(_ kind: ImportKind, context: SignedInContext, problems: [String] = [], done: String = "",
                        duplicates: [String] = [], status: HTTPResponse.Status = .ok) -> Response {
        let page = Page(kind: kind.rawValue, heading: env.views.text("import_\(kind.rawValue)", context.language),
                        columns: kind.columns.map { $0.vietnamese + ($0.required ? " *" : "") }.joined(separator: ", "),
                        back: kind == .units ? "/units" : kind == .people ? "/people" : "/donations", isPeople: kind == .people,
                        problems: problems, hasProblems: !problems.isEmpty, done: done, sheet: context.form["sheet"] ?? "", csrf: context.csrfToken,
                        duplicates: duplicates, hasDuplicates: !duplicates.isEmpty)
        return env.views.render("import", titleKey: "import_\(kind.rawValue)", page: page, context: context, status: status)
    }

    @Sendable func page(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let kind = try Self.kind(context)
        try principal.require(kind.allowed(for: principal))
        return render(kind, context: context)
    }

    @Sendable func upload(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let kind = try Self.kind(context)
        try principal.require(kind.allowed(for: principal))
        guard let file = context.uploads.first(where: { $0.field == "file" }), !file.data.isEmpty else {
            return render(kind, context: context, problems: [env.views.text("import_noFile", context.language)], status: .unprocessableContent)
        }
        let dryRun = context.form.bool("dryRun"), createVillages = context.form.bool("createVillages")
        let duplicates = context.form["duplicates"].flatMap(PeopleImporter.DuplicateHandling.init(rawValue:)) ?? .report
        let report: ImportReport
        do {
            let (data, name) = try ImportKind.readable(file.data, file: file.fileName.isEmpty ? "tệp" : file.fileName, sheet: context.form.text("sheet"))
            report = try await env.database.writeWithoutTransaction { db in
                try kind.run(db, data: data, file: name, dryRun: dryRun, createVillages: createVillages, duplicates: duplicates, by: principal)
            }
        } catch let failure as XLSXReader.Failure {
            return render(kind, context: context, problems: [failure.message], status: .unprocessableContent)
        } catch let failure as CSVReader.Failure {
            return render(kind, context: context, problems: [failure.message], status: .unprocessableContent)
        } catch let problem as ImportReport.Problem {
            return render(kind, context: context, problems: [problem.description], status: .unprocessableContent)
        }
        if !report.succeeded {
            return render(kind, context: context, problems: ImportKind.lines(report), status: .unprocessableContent)
        }
        let key = dryRun ? "import_checked" : "import_done"
        var done = env.views.text(key, context.language).replacingOccurrences(of: "%@", with: String(dryRun ? report.rowsRead : report.inserted))
        if !report.created.isEmpty { done += " " + env.views.text("import_createdVillages", context.language) + " " + report.created.joined(separator: ", ") }
        if report.skipped > 0 { done += " " + env.views.text("import_skippedDuplicates", context.language).replacingOccurrences(of: "%@", with: String(report.skipped)) }
        if report.linked > 0 { done += " " + env.views.text("import_linkedDuplicates", context.language).replacingOccurrences(of: "%@", with: String(report.linked)) }
        if report.duplicatesNotChecked { done += " " + env.views.text("import_duplicatesNotChecked", context.language) }
        return render(kind, context: context, done: done, duplicates: report.duplicates.map(\.description))
    }
}
