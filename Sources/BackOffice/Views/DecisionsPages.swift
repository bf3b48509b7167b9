import Composition
import Foundation
import GRDB
import Honours
import Hummingbird
import Store
import Vietnamese

/// What the pages of `DecisionsController` show: one view model each, its fields one a line.
extension DecisionsController {
    struct Row {
        let id: Int64
        let number: String
        let date: String
        let subject: String
        let kind: String
        let issued: Bool
        let corrected: String
        let count: Int
    }

    struct ListPage {
        let rows: [Row]
        let empty: Bool
        let canCreate: Bool
    }

    struct Candidate {
        let id: Int64
        let name: String
        let place: String
        let achievement: String
        let year: Int
        let checked: Bool
    }

    struct FormPage {
        let formOptions: [Option]
        let formKey: String
        let year: String
        let subject: String
        let grounds: String
        let candidates: [Candidate]
        let hasCandidates: Bool
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
    }

    struct RecipientRow {
        let id: Int64
        let name: String
        let place: String
        let achievement: String
        let award: String
        let awardValue: Int64
    }

    struct DetailPage {
        let id: Int64
        let number: String
        let date: String
        let subject: String
        let kind: String
        let form: String
        let issued: Bool
        let draft: Bool
        let higher: Bool
        let corrects: String
        let correctsId: Int64?
        let correctedBy: String
        let correctedById: Int64?
        let issuedBy: String
        let recipients: [RecipientRow]
        let hasRecipients: Bool
        let recipientCount: Int
        let editable: Bool
        let canManage: Bool
        let canCorrect: Bool
        let today: String
        let hasCertificates: Bool
        let errors: [String: String]
        let csrf: String
    }

    struct DocRecipient {
        let number: Int
        let name: String
        let place: String
        let achievement: String
        let award: String
    }

    struct DecisionModel {
        let issuer: String
        let number: String
        let commune: String
        let dateLong: String
        let issued: Bool
        let subject: String
        let signerAuthority: String
        let grounds: [String]
        let revoke: Bool
        let amend: Bool
        let corrects: String
        let correctsDate: String
        let formName: String
        let count: Int
        let recipients: [DocRecipient]
        let total: String
        let totalInWords: String
        let hasAward: Bool
        let lastArticle: Int
        /// Article 1 after any amendment's words: "Tặng Giấy khen … cho 3 tập thể và 12 cá nhân …".
        let articleOne: String
        let recipientHeading: String
        /// "CHỦ TỊCH", or "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH": the Chairman decides in the Chairman's name.
        let signature: [String]
        let signerName: String
    }

    struct CertificateModel {
        let signerAuthority: String
        let title: String
        let name: String
        let place: String
        let achievement: String
        let number: String
        /// The decision's date, dd/MM/yyyy, beside its number (a certificate names the decision it comes from).
        let date: String
        let book: String
        let commune: String
        let dateLong: String
        let signature: [String]
        let signerName: String
    }
}

extension DecisionsController.Row {
    /// A decision of the list: number, date, kind, the number of the decision correcting it, and its recipients.
    init(_ decision: Decision, correction: Decision?, count: Int, english: Bool) {
        id = decision.id!
        number = decision.number ?? ""
        date = decision.date?.display ?? ""
        subject = decision.subject
        kind = decision.kind.label(english: english)
        issued = decision.isIssued
        corrected = correction?.number ?? ""
        self.count = count
    }
}

extension DecisionsController.ListPage {
    /// The decisions of the list.
    init(rows: [DecisionsController.Row], canCreate: Bool) {
        self.rows = rows
        empty = rows.isEmpty
        self.canCreate = canCreate
    }
}

extension DecisionsController.Candidate {
    /// An approved nomination a new decision may take in; ticked when chosen, or when nothing is chosen yet.
    init(_ item: NominationStore.Item, chosen: [Int64]) {
        id = item.nomination.id!
        name = item.recipient
        place = item.place
        achievement = item.nomination.achievement
        year = item.nomination.year
        checked = chosen.isEmpty || chosen.contains(item.nomination.id!)
    }
}

extension DecisionsController.FormPage {
    /// The form of a new draft decision, with the approved nominations of its form not yet decided.
    init(forms: HonourForms, input: DecisionStore.Input, candidates: [NominationStore.Item], errors: [String: String], csrf: String) {
        formOptions = forms.forms.map { Option(value: $0.key, label: $0.name, selected: $0.key == input.formKey) }
        formKey = input.formKey
        year = input.year.map(String.init) ?? ""
        subject = input.subject
        grounds = input.legalGrounds ?? forms.defaultGrounds
        self.candidates = candidates.map { DecisionsController.Candidate($0, chosen: input.nominationIds) }
        hasCandidates = !candidates.isEmpty
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.csrf = csrf
    }
}

extension DecisionsController.RecipientRow {
    /// A recipient of the decision and their award.
    init(_ item: NominationStore.Item) {
        id = item.nomination.id!
        name = item.recipient
        place = item.place
        achievement = item.nomination.achievement
        award = VND.format(item.nomination.award)
        awardValue = item.nomination.award
    }
}

extension DecisionsController.DetailPage {
    /// A decision: its number and state, the decision it corrects or that corrects it, its recipients, and what may
    /// be done with it (`communeWide`: the account writes commune-wide).
    init(
        id: Int64,
        decision: Decision,
        form: HonourForm?,
        recipients: [NominationStore.Item],
        original: Decision?,
        correction: Decision?,
        communeWide: Bool,
        today: CivilDate,
        english: Bool,
        errors: [String: String],
        csrf: String
    ) {
        let d = decision
        self.id = id
        number = d.number ?? ""
        date = d.date?.display ?? ""
        subject = d.subject
        kind = d.kind.label(english: english)
        self.form = form?.name ?? d.formKey
        issued = d.isIssued
        draft = !d.isIssued
        higher = d.level == "higher"
        corrects = original?.number ?? ""
        correctsId = original?.id
        correctedBy = correction?.number ?? ""
        correctedById = correction?.id
        issuedBy = d.issuedBy ?? ""
        self.recipients = recipients.map { DecisionsController.RecipientRow($0) }
        hasRecipients = !recipients.isEmpty
        recipientCount = recipients.count
        editable = !d.isIssued && communeWide && d.kind != .revoke
        canManage = communeWide
        canCorrect = d.isIssued && correction == nil && communeWide && d.kind != .revoke
        self.today = today.display
        hasCertificates = d.isIssued && d.kind != .revoke && (form?.certificate ?? false)
        self.errors = errors
        self.csrf = csrf
    }
}

extension DecisionsController.DocRecipient {
    /// A recipient's line of the printed decision, numbered from 1.
    init(number: Int, item: NominationStore.Item) {
        self.number = number
        name = item.recipient
        place = item.place
        achievement = item.nomination.achievement
        award = VND.format(item.nomination.award)
    }
}

extension DecisionsController.DecisionModel {
    /// The decision as printed and as written for Word: grounds one a clause, recipients, total award, articles.
    init(decision: Decision, recipients: [NominationStore.Item], original: Decision?, forms: HonourForms, commune: String) {
        let d = decision
        let total = recipients.reduce(0) { $0 + $1.nomination.award }
        let hasAward = total > 0 && d.kind != .revoke
        issuer = d.issuer
        number = d.number ?? "…/QĐ-UBND"
        self.commune = commune
        dateLong = d.date?.documentForm ?? "ngày … tháng … năm …"
        issued = d.isIssued
        subject = d.subject
        signerAuthority = "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ \(commune.uppercased())"
        grounds = d.legalGrounds.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { $0.hasSuffix(".") ? $0 : $0 + ";" }
        revoke = d.kind == .revoke
        amend = d.kind == .amend
        corrects = original?.number ?? ""
        correctsDate = original?.date?.display ?? ""
        formName = forms.form(d.formKey)?.name ?? d.formKey
        count = recipients.count
        self.recipients = recipients.enumerated().map { DecisionsController.DocRecipient(number: $0.offset + 1, item: $0.element) }
        self.total = VND.format(total)
        totalInWords = AmountInWords.vnd(total).lowercased()
        self.hasAward = hasAward
        lastArticle = d.kind == .revoke ? 2 : (hasAward ? 3 : 2)
        articleOne = DecisionWording.articleOne(form: forms.form(d.formKey), formName: forms.form(d.formKey)?.name ?? d.formKey, year: d.year,
                                                kinds: recipients.map(\.nomination.recipientKind))
        recipientHeading = DecisionWording.recipientHeading(recipients.map(\.nomination.recipientKind))
        signature = Signing.lines(.chairman, title: d.signerTitle)
        signerName = d.signerName
    }
}

extension DecisionsController.CertificateModel {
    /// The certificate of one recipient (`index` from 0 in the decision) of an issued decision of `form`.
    init(decision: Decision, form: HonourForm?, item: NominationStore.Item, index: Int, commune: String) {
        let d = decision
        signerAuthority = "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ \(commune.uppercased())"
        title = form.map { $0.kind == .title ? "BẰNG CÔNG NHẬN" : $0.kind == .praise ? "BIỂU DƯƠNG" : "GIẤY KHEN" } ?? "GIẤY KHEN"
        name = item.recipient
        place = item.place
        achievement = form?.kind == .title
            ? "Đạt danh hiệu \(form!.name.replacingOccurrences(of: "Danh hiệu ", with: "")) năm \(item.nomination.year)"
            : item.nomination.achievement
        number = d.number ?? ""
        date = d.date?.display ?? ""
        book = "\(d.numberYear ?? d.year)/\(d.seq ?? 0)-\(index + 1)"
        self.commune = commune
        dateLong = d.date?.documentForm ?? ""
        signature = Signing.lines(.chairman, title: d.signerTitle)
        signerName = d.signerName
    }
}
