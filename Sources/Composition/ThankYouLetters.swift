import Foundation
import GRDB
import Messaging
import Office
import Socialization
import Store
import Vietnamese

/// Thank-you letters to sponsors from `Templates/documents/thank-you-letter.mustache`: one for a donation's page, or
/// every letter of a year not yet sent, one per printed page — for the back office and `densach export letters`.
/// Printing or exporting the batch marks the letters as sent.
package struct ThankYouLetters: Sendable {
    package let documents: DocumentTemplates

    package init(templatesDirectory: String) throws {
        documents = try DocumentTemplates(directory: templatesDirectory + "/documents")
    }

    package init(documents: DocumentTemplates) { self.documents = documents }

    package struct Model: Sendable {
        let committee: String; let commune: String; let todayLong: String; let salutation: String; let callForm: String; let gift: String; let purpose: String
        let campaign: String; let number: String; let date: String
        /// The committee thanks as a collective: "TM. ỦY BAN NHÂN DÂN" over the Chairman's lines.
        let signature: [String]; let signerName: String
    }

    /// The letter of one donation; nil for a voided receipt or an anonymous gift (nobody to thank by name).
    package func letter(_ db: Database, _ item: DonationStore.Item, settings: [String: String], today: CivilDate) throws -> String? {
        try Self.model(db, item, settings: settings, today: today).map { documents.render("thank-you-letter", $0) }
    }

    /// What the letter says, for the printed page and the Word document alike.
    package static func model(_ db: Database, _ item: DonationStore.Item, settings: [String: String], today: CivilDate) throws -> Model? {
        let d = item.donation
        guard let name = item.sponsorName, !d.isVoided else { return nil }
        let person = try SponsorStore.person(db, sponsorId: d.sponsorId)
        func setting(_ key: Settings.Key) -> String { settings[key.name] ?? key.defaultValue }
        // People get their call form (Ông, Bà…); organisations are addressed by name.
        let callForm = person.map { CallForm.of(gender: $0.gender, birthYear: $0.birthYear, in: today.year) } ?? "Quý đơn vị"
        return Model(
            committee: setting(Settings.committeeName), commune: setting(Settings.communeName), todayLong: today.documentForm,
            salutation: person == nil ? name : "\(callForm) \(name)", callForm: callForm,
            gift: d.kind == .cash ? VND.format(d.amount ?? 0) + " (" + AmountInWords.vnd(d.amount ?? 0).lowercased() + ")" : item.itemsSummary,
            purpose: VietnameseText.lowercasingFirst(d.purpose), campaign: item.campaignTitle ?? "", number: d.receiptNumber, date: d.date.display,
            signature: Signing.lines(.committee, title: setting(Settings.signerTitle)), signerName: setting(Settings.signerName))
    }

    /// The letter as a Word document (A4, NĐ 30 margins), in the words of `thank-you-letter.mustache`.
    package static func word(_ m: Model) -> DOCXDocument {
        typealias P = DOCXDocument.Paragraph
        typealias R = DOCXDocument.Run
        var doc = DOCXDocument(title: "Thư cảm ơn \(m.salutation)")
        doc.blocks = [
            doc.heading(agency: m.committee),
            .paragraph(P([R("\(m.commune), \(m.todayLong)", italic: true)], alignment: .right, spaceAfter: 240)),
            .paragraph(P([R("THƯ CẢM ƠN", bold: true, size: 32)], alignment: .center, spaceAfter: 240)),
            .paragraph(P([R("Kính gửi: ", bold: true), R(m.salutation, bold: true)], alignment: .center, spaceAfter: 240)),
            .paragraph(P([R("Ủy ban nhân dân xã \(m.commune) trân trọng cảm ơn \(m.callForm) đã ủng hộ \(m.gift) cho \(m.purpose)"
                            + (m.campaign.isEmpty ? "" : " trong \(m.campaign)") + " (biên nhận số \(m.number) ngày \(m.date)).")], indentFirstLine: true)),
            .paragraph(P([R("""
                Tấm lòng của \(m.callForm) góp phần xây dựng xã hội học tập, giúp các cháu học sinh và bà con có thêm sách, \
                thêm nơi học tập và sinh hoạt văn hóa.
                """)], indentFirstLine: true)),
            .paragraph(P([R("Kính chúc \(m.callForm) sức khỏe, hạnh phúc và thành công.")], indentFirstLine: true)),
            .table(.init(widths: [doc.textWidth / 2, doc.textWidth / 2], rows: [[
                [],
                DOCXDocument.signatureBlock(m.signature, name: m.signerName),
            ]], borders: false)),
        ]
        return doc
    }

    /// Donations of a year whose letter is still to send and that the principal may act on.
    package static func unsent(_ db: Database, year: Int, for principal: Principal) throws -> [DonationStore.Item] {
        try DonationStore.list(db, DonationStore.Filter(year: year, includeVoided: false), for: principal)
            .filter { $0.donation.letterSentOn == nil && $0.sponsorName != nil && principal.canWrite(unitId: $0.donation.recipientUnitId) }
            .sorted { $0.donation.receiptSeq < $1.donation.receiptSeq }
    }

    /// Every unsent letter of a year as one HTML string (a page break between letters), with the donations it covers.
    package func batch(_ db: Database, year: Int, for principal: Principal, today: CivilDate) throws -> (html: String, ids: [Int64]) {
        let settings = try Settings.all(db)
        var html = "", ids: [Int64] = []
        for item in try Self.unsent(db, year: year, for: principal) {
            guard let letter = try letter(db, item, settings: settings, today: today) else { continue }
            html += "<div class=\"page\">" + letter + "</div>\n"
            ids.append(item.donation.id!)
        }
        return (html, ids)
    }

    /// Every unsent letter of a year as one Word document, one letter per page, with the donations it covers.
    package static func batchWord(_ db: Database, year: Int, for principal: Principal, today: CivilDate) throws -> (document: DOCXDocument, ids: [Int64]) {
        let settings = try Settings.all(db)
        var document = DOCXDocument(title: "Thư cảm ơn năm \(year)")
        var ids: [Int64] = []
        for item in try Self.unsent(db, year: year, for: principal) {
            guard let model = try model(db, item, settings: settings, today: today) else { continue }
            if !ids.isEmpty { document.blocks.append(.pageBreak) }
            document.blocks += word(model).blocks
            ids.append(item.donation.id!)
        }
        return (document, ids)
    }

    /// How `densach export letters` writes the batch.
    package enum FileFormat: String, Sendable, CaseIterable { case html, docx }

    /// `densach export letters`: the year's unsent letters as a printable HTML file or one Word document, then
    /// marked sent (and logged).
    package func export(_ database: AppDatabase, year: Int, format: FileFormat = .html, markSent: Bool, by principal: Principal,
                       today: CivilDate = .today()) async throws -> (data: Data, count: Int) {
        try await database.write { db in
            let (data, ids): (Data, [Int64])
            switch format {
            case .html:
                let (body, covered) = try batch(db, year: year, for: principal, today: today)
                (data, ids) = (Data(Self.standalone(body).utf8), covered)
            case .docx:
                let (document, covered) = try Self.batchWord(db, year: year, for: principal, today: today)
                (data, ids) = (try document.data(), covered)
            }
            if markSent { try DonationStore.markLetterSent(db, ids: ids, on: today, by: principal) }
            try Audit.record(db, by: principal, .export, entity: "thankYouLetter", id: nil,
                             after: ["year": String(year), "letters": String(ids.count), "format": format.rawValue])
            return (data, ids.count)
        }
    }

    /// A file that prints on its own: A4, one letter per page, the stylesheet inline.
    package static func standalone(_ body: String, title: String = "Thư cảm ơn") -> String {
        """
        <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>\(HTMLEscape.text(title))</title><style>
        @page { size: A4; margin: 20mm; } body { font-family: "Times New Roman", serif; font-size: 13pt; }
        .page { break-after: page; } .doc-head { display: flex; justify-content: space-between; text-align: center; font-weight: bold; }
        .doc-head p { margin: 0; } hr.doc-rule { width: 35%; margin: 2px auto 4px; border: 0; border-top: 1px solid #000; } \
        .underlined { text-decoration: underline; } .doc-title { text-align: center; } .doc-date { text-align: right; font-style: italic; }
        .signatures { display: flex; justify-content: flex-end; text-align: center; } .sign-space { height: 64px; } .sign-line { margin: 0; }
        </style></head><body>
        \(body)</body></html>
        """
    }
}
