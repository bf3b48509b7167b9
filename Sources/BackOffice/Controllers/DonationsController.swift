import Campaigns
import Composition
import Foundation
import GRDB
import Hummingbird
import Office
import Socialization
import Store
import Vietnamese

/// Donations: the receipt book (filters, CSV out, CSV pasted in), recording a gift in cash or in kind, the
/// donation's page (items, handovers, pledge, void), and its printed receipt, thank-you letter and handover record.
struct DonationsController {
    let env: ControllerEnvironment
    var documents: DocumentTemplates { env.documents }

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/donations", use: list)
        // The import's own format, amounts as numbers shown 1.500.000 in Excel.
        router.list("/donations", SocializationLists.donations, env: env) { request, _ in
            let filter = try Self.filter(request)
            return ListQuery(year: filter.year, campaignId: filter.campaignId, unitId: filter.recipientUnitId, kind: filter.kind?.rawValue)
        }
        router.post("/donations/import", use: importCSV)
        router.get("/donations/letters", use: letters)
        router.get("/donations/letters.docx", use: lettersInWord)
        router.post("/donations/letters", use: markLettersSent)
        router.get("/donations/new", use: newForm)
        router.post("/donations", use: create)
        router.get("/donations/:id", use: show)
        router.post("/donations/:id/void", use: void)
        router.get("/donations/:id/receipt", use: receipt)
        router.get("/donations/:id/receipt.docx", use: wordReceipt)
        router.get("/donations/:id/letter", use: letter)
        router.get("/donations/:id/letter.docx", use: wordLetter)
        router.post("/donations/:id/letter", use: markLetterSent)
        router.post("/donations/:id/handovers", use: recordHandover)
        router.get("/handovers/:id", use: handover)
        router.get("/handovers/:id/handover.docx", use: wordHandover)
    }

    /// "1.500.000 đ" for money, the items for a gift in kind.
    static func gift(_ item: DonationStore.Item) -> String {
        item.donation.kind == .cash ? VND.format(item.donation.amount ?? 0) : item.itemsSummary
    }

    // MARK: List

    static func filter(_ request: Request) throws -> DonationStore.Filter {
        DonationStore.Filter(year: (try request.queryYear()), campaignId: (try request.queryId("campaign")),
                             kind: (try request.queryChoice("kind", as: DonationKind.self)), recipientUnitId: (try request.queryId("unit")))
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        try await listPage(request, context: context)
    }

    private func listPage(_ request: Request, context: SignedInContext, problems: [String] = [], imported: String = "", csvText: String = "",
                          status: HTTPResponse.Status = .ok) async throws -> Response {
        let english = context.english
        let principal = context.principal
        var asked = try Self.filter(request)
        if request.query("year") == nil { asked.year = env.clock.today().year }
        let filter = asked
        let (items, campaigns, years) = try await env.database.read { db in
            (try DonationStore.list(db, filter, for: principal), try CampaignStore.choices(db), try DonationStore.receiptYears(db))
        }
        let page = ListPage(items, campaigns: campaigns, receiptYears: years, thisYear: env.clock.today().year, filter: filter,
                            query: request.uri.query ?? "", canCreate: principal.role != .viewer, canImport: principal.canWriteCommuneWide,
                            english: english, csrf: context.csrfToken, problems: problems, imported: imported, csvText: csvText)
        return env.views.render("socialization-donations", titleKey: "donations_title", page: page, context: context, status: status,
                                flash: env.flash(request, context))
    }


    /// A CSV pasted into the page: the same all-or-nothing import as `densach import donations`.
    @Sendable func importCSV(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.canWriteCommuneWide)
        let text = context.form["csv"] ?? ""
        let dryRun = context.form.bool("dryRun")
        let report: ImportReport
        do {
            report = try await env.database.writeWithoutTransaction { db in
                try DonationCSV.importFile(db, data: Data(text.utf8), file: "CSV", dryRun: dryRun, by: principal)
            }
        } catch let failure as CSVReader.Failure {
            return try await listPage(request, context: context, problems: [failure.message], csvText: text, status: .unprocessableContent)
        } catch let problem as ImportReport.Problem {
            return try await listPage(request, context: context, problems: [problem.description], csvText: text, status: .unprocessableContent)
        }
        if !report.succeeded {
            let lines = report.problems.map(\.description) + (report.unlistedProblems > 0 ? ["… \(report.unlistedProblems)"] : [])
            return try await listPage(request, context: context, problems: lines, csvText: text, status: .unprocessableContent)
        }
        let done = dryRun ? env.views.text("donations_importChecked", context.language) + " \(report.rowsRead)"
                          : env.views.text("donations_imported", context.language) + " \(report.inserted)"
        return try await listPage(request, context: context, imported: done, csvText: dryRun ? text : "")
    }

    // MARK: Form

    static let itemRows = 4

    private func form(_ context: SignedInContext, input: DonationInput, errors: [String: String] = [:], anonymous: Bool = false,
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let today = env.clock.today()
        let (sponsors, units, campaigns, pledges) = try await env.database.read { db in
            (try SponsorStore.list(db, for: principal), try DonationStore.recipientUnits(db, for: principal),
             try CampaignStore.choices(db, sinceYear: today.year - 1),
             try PledgeStore.list(db, sponsorId: input.sponsorId ?? -1, for: principal).filter { [.open, .overdue].contains($0.status(on: today)) })
        }
        let page = FormPage(input, sponsors: sponsors, units: units, campaigns: campaigns, pledges: pledges, anonymous: anonymous,
                            english: english, text: { env.views.text($0, context.language) }, csrf: context.csrfToken, errors: errors)
        return env.views.render("socialization-donation-form", titleKey: page.isCash ? "donations_new" : "donations_newInKind",
                                page: page, context: context, status: status)
    }

    @Sendable func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.role != .viewer)
        return try await form(context, input: DonationInput(sponsorId: (try request.queryId("sponsor")), date: env.clock.today().display,
                                                            kind: request.query("kind") ?? "cash", purpose: "", campaignId: (try request.queryId("campaign")),
                                                            recipientUnitId: nil, pledgeId: (try request.queryId("pledge"))))
    }

    static func input(_ form: FormData) -> DonationInput {
        let items = (1...itemRows).map { index in
            DonationInput.ItemInput(description: form["i\(index).description"] ?? "", quantity: form["i\(index).quantity"] ?? "",
                                    unitOfMeasure: form.text("i\(index).unit"), estimatedValue: form.text("i\(index).value"),
                                    isBook: form.bool("i\(index).isBook"), author: form.text("i\(index).author"), isbn: form.text("i\(index).isbn"))
        }
        return DonationInput(sponsorId: form.int64("sponsorId"), date: form["date"] ?? "", kind: form["kind"] ?? "", amount: form.text("amount"),
                             channel: form.text("channel"), items: items, purpose: form["purpose"] ?? "", campaignId: form.int64("campaignId"),
                             recipientUnitId: form.int64("recipientUnitId"), receivedBy: form.text("receivedBy"),
                             publishAnonymous: form.bool("publishAnonymous"), notes: form.text("notes"), pledgeId: form.int64("pledgeId"))
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let input = Self.input(context.form)
        // "Ẩn danh" is a choice the clerk makes; a sponsor left unchosen is asked for, never taken as anonymous.
        let anonymous = context.form["sponsorId"] == "anonymous"
        // (Asked only of someone who may record this gift at all: a refusal comes first.)
        if input.sponsorId == nil && !anonymous && principal.canWrite(unitId: input.recipientUnitId) {
            return try await form(context, input: input, errors: ["sponsorId": context.english ? "Choose the sponsor, or Anonymous" : "Chọn nhà tài trợ, hoặc chọn Ẩn danh"],
                                  status: .unprocessableContent)
        }
        return try await env.write(orShow: { try await form(context, input: input, errors: $0, anonymous: anonymous, status: .unprocessableContent) }) {
            "/donations/\(try DonationStore.create($0, input, by: principal).id!)?msg=created"
        }
    }

    // MARK: Donation page

    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        try await detail(request, context: context)
    }

    private func detail(_ request: Request, context: SignedInContext, errors: [String: String] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        let english = context.english
        let principal = context.principal
        let id = try context.id()
        let page = try await env.database.read { db -> DetailPage in
            let item = try DonationStore.get(db, id: id, for: principal)
            let d = item.donation
            let items = try DonationStore.items(db, donationId: id)
            let left = try DonationStore.remaining(db, donationId: id)
            let handovers = try DonationStore.handovers(db, donationId: id)
            let pledges = try DonationStore.fulfilledPledges(db, donationId: id)
            return DetailPage(item, items: items, remaining: left, handovers: handovers, pledges: pledges,
                              units: try DonationStore.recipientUnits(db, for: .system).options(selected: d.recipientUnitId),
                              canWrite: principal.canWrite(unitId: d.recipientUnitId), english: english, today: env.clock.today(),
                              csrf: context.csrfToken, errors: errors)
        }
        return env.views.render("socialization-donation", titleKey: "", title: env.views.text("donations_receipt", context.language) + " " + page.receipt,
                                page: page, context: context, status: status, flash: env.flash(request, context))
    }

    @Sendable func void(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let reason = context.form["reason"] ?? ""
        return try await env.write(orShow: { try await detail(request, context: context, errors: $0, status: .unprocessableContent) }) {
            try DonationStore.void($0, id: id, reason: reason, by: principal)
            return "/donations/\(id)?msg=saved"
        }
    }

    @Sendable func recordHandover(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let f = context.form
        let quantities = Self.quantities(f)
        return try await env.write(orShow: { try await detail(request, context: context, errors: $0, status: .unprocessableContent) }) {
            let handover = try DonationStore.recordHandover($0, donationId: id, toUnitId: f.int64("toUnitId"), date: f["date"] ?? "", deliveredBy: f["deliveredBy"] ?? "",
                                                            receivedBy: f["receivedBy"] ?? "", quantities: quantities, notes: f.text("notes"), by: principal)
            return "/handovers/\(handover.id!)"
        }
    }

    /// Item id → quantity from the handover form's `q.<itemId>` fields.
    static func quantities(_ form: FormData) -> [Int64: Int] {
        var quantities: [Int64: Int] = [:]
        for key in form.keys where key.hasPrefix("q.") {
            if let itemId = Int64(key.dropFirst(2)), let quantity = form.count(key) { quantities[itemId] = quantity }
        }
        return quantities
    }

    // MARK: Printed documents

    /// A document from `Templates/documents/` inside the layout, whose print style hides everything else.
    private func document(_ html: String, title: String, context: SignedInContext, extra: DocumentPage.Action? = nil) -> Response {
        env.views.render("socialization-document", titleKey: "", title: title, page: DocumentPage(html: html, action: extra, csrf: context.csrfToken), context: context)
    }

    /// The receipt as printed and as downloaded for Word.
    private func receiptModel(id: Int64, for principal: Principal) async throws -> ReceiptModel {
        let (item, items) = try await env.database.read { db in (try DonationStore.get(db, id: id, for: principal), try DonationStore.items(db, donationId: id)) }
        return ReceiptModel(item, items: items, committee: env.settings.value(Settings.committeeName),
                            commune: env.settings.value(Settings.communeName))
    }

    @Sendable func receipt(_ request: Request, context: SignedInContext) async throws -> Response {
        let model = try await receiptModel(id: try context.id(), for: context.principal)
        return document(documents.render("receipt", model), title: env.views.text("donations_receipt", context.language) + " " + model.number, context: context)
    }

    /// The receipt as a Word document (a voided one keeps its stamp), logged as an export.
    @Sendable func wordReceipt(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let model = try await receiptModel(id: id, for: principal)
        return try await env.wordDownload(ReceiptWord.document(model), fileName: "bien-nhan-\(model.number).docx", entity: "donation", id: id, by: principal)
    }

    /// The thank-you letter as a Word document, to add a personal line before signing; logged as an export.
    @Sendable func wordLetter(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let today = env.clock.today()
        let model = try await env.database.read { db -> ThankYouLetters.Model? in
            try ThankYouLetters.model(db, try DonationStore.get(db, id: id, for: principal), settings: try Settings.all(db), today: today)
        }
        guard let model else {
            throw DomainError(.conflict, "Không có thư cảm ơn cho biên lai đã hủy hoặc khoản ủng hộ không rõ tên.",
                              english: "No thank-you letter for a voided receipt or an anonymous gift.")
        }
        return try await env.wordDownload(ThankYouLetters.word(model), fileName: "thu-cam-on-\(id).docx", entity: "donation", id: id, by: principal)
    }

    @Sendable func letter(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let letters = ThankYouLetters(documents: documents)
        let (item, html) = try await env.database.read { db -> (DonationStore.Item, String?) in
            let item = try DonationStore.get(db, id: id, for: principal)
            return (item, try letters.letter(db, item, settings: try Settings.all(db), today: env.clock.today()))
        }
        guard let html else {
            throw DomainError(.conflict, "Không có thư cảm ơn cho biên lai đã hủy hoặc khoản ủng hộ không rõ tên.",
                              english: "No thank-you letter for a voided receipt or an anonymous gift.")
        }
        let d = item.donation
        let action = principal.canWrite(unitId: d.recipientUnitId)
            ? DocumentPage.Action(href: "/donations/\(id)/letter", label: env.views.text("donations_markSent", context.language),
                                  done: d.letterSentOn.map { env.views.text("donations_letterSent", context.language) + " " + $0.display } ?? "")
            : nil
        return document(html, title: env.views.text("donations_letter", context.language), context: context, extra: action)
    }

    /// Every unsent letter of a year, one per printed page; the button marks exactly those as sent.
    @Sendable func letters(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.role != .viewer)
        let year = (try request.queryYear()) ?? env.clock.today().year
        let letters = ThankYouLetters(documents: documents)
        let (html, ids) = try await env.database.read { try letters.batch($0, year: year, for: principal, today: env.clock.today()) }
        let page = LettersPage(html: html, ids: ids.map(String.init), count: ids.count, empty: ids.isEmpty, year: year, csrf: context.csrfToken)
        return env.views.render("socialization-letters", titleKey: "donations_letters", page: page, context: context)
    }

    /// The same letters as one Word document, one per page (marking them sent stays the page's button).
    @Sendable func lettersInWord(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.role != .viewer)
        let year = (try request.queryYear()) ?? env.clock.today().year
        let today = env.clock.today()
        let (document, ids) = try await env.database.read { try ThankYouLetters.batchWord($0, year: year, for: principal, today: today) }
        return try await env.wordDownload(document, fileName: "thu-cam-on-\(year).docx", entity: "thankYouLetter", id: Int64(year), by: principal,
                                          details: ["letters": String(ids.count)])
    }

    @Sendable func markLettersSent(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let ids = context.form.all("id").compactMap { Int64($0) }
        try await env.database.write { db in
            let marked = try DonationStore.markLetterSent(db, ids: ids, on: env.clock.today(), by: principal)
            if marked > 0 {
                try Audit.record(db, by: principal, .export, entity: "thankYouLetter", id: nil, after: ["letters": String(marked), "to": "print"])
            }
        }
        return .redirect(to: "/socialization?msg=saved", type: .found)
    }

    @Sendable func markLetterSent(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        try await env.database.write { db in
            let item = try DonationStore.get(db, id: id, for: principal)
            try principal.require(principal.canWrite(unitId: item.donation.recipientUnitId))
            try DonationStore.markLetterSent(db, ids: [id], on: env.clock.today(), by: principal)
        }
        return .redirect(to: "/donations/\(id)?msg=saved", type: .found)
    }

    private func handoverModel(id: Int64, for principal: Principal) async throws -> HandoverModel {
        try await env.database.read { db -> HandoverModel in
            let handover = try DonationStore.handover(db, id: id)
            let item = try DonationStore.get(db, id: handover.donationId, for: principal)
            let lines = try DonationStore.handoverLines(db, handoverId: id)
            return HandoverModel(handover, of: item, lines: lines, toUnit: try UnitStore.name(db, id: handover.toUnitId),
                                 committee: env.settings.value(Settings.committeeName), commune: env.settings.value(Settings.communeName))
        }
    }

    @Sendable func handover(_ request: Request, context: SignedInContext) async throws -> Response {
        let model = try await handoverModel(id: try context.id(), for: context.principal)
        return document(documents.render("handover", model), title: env.views.text("donations_handover", context.language), context: context)
    }

    /// The handover record as a Word document, logged as an export.
    @Sendable func wordHandover(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        return try await env.wordDownload(HandoverWord.document(try await handoverModel(id: id, for: principal)), fileName: "ban-giao-\(id).docx",
                                          entity: "handover", id: id, by: principal)
    }
}
