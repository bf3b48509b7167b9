import Foundation
import GRDB
import Store
import Vietnamese

/// Donations as CSV: the export staff open in a spreadsheet, and an import with the foundation's rules — every row
/// checked, problems listed with file, line and column, and nothing written unless every row is right.
package enum DonationCSV {
    package static let columns: [CSVHeader.Column] = [
        .init("date", "Ngày nhận", required: true),
        .init("sponsor", "Nhà tài trợ"),
        .init("sponsor_kind", "Loại nhà tài trợ"),
        .init("kind", "Hình thức", required: true),
        .init("amount", "Số tiền"),
        .init("channel", "Phương thức"),
        .init("item", "Hiện vật"),
        .init("quantity", "Số lượng"),
        .init("unit_of_measure", "Đơn vị tính"),
        .init("value", "Giá trị ước tính"),
        .init("purpose", "Mục đích", required: true),
        .init("recipient_unit", "Đơn vị nhận", required: true),
        .init("received_by", "Người nhận"),
        .init("campaign", "Chiến dịch"),
        .init("anonymous", "Công khai ẩn danh"),
        .init("notes", "Ghi chú"),
    ]

    // MARK: Export

    package static let exportColumns = [
        TableColumn("Số biên lai", width: 14), TableColumn("Ngày nhận", width: 11), TableColumn("Nhà tài trợ", width: 28),
        TableColumn("Loại nhà tài trợ", width: 16), TableColumn("Hình thức", width: 20), TableColumn("Số tiền", width: 14),
        TableColumn("Phương thức", width: 13), TableColumn("Hiện vật", width: 30), TableColumn("Giá trị ước tính", width: 16),
        TableColumn("Mục đích", width: 28), TableColumn("Chiến dịch", width: 28), TableColumn("Đơn vị nhận", width: 22),
        TableColumn("Người nhận", width: 18), TableColumn("Công khai ẩn danh", width: 10), TableColumn("Thư cảm ơn đã gửi", width: 12),
        TableColumn("Tình trạng", width: 10), TableColumn("Lý do hủy", width: 24),
    ]

    package static func export(_ items: [DonationStore.Item], to writer: CSVWriter) throws {
        try export(items, into: CSVTableSink(writer: writer))
    }

    /// The donations into a CSV or a spreadsheet: amounts as whole đồng, dates as dates.
    package static func export(_ items: [DonationStore.Item], into sink: any TableSink) throws {
        try sink.begin(exportColumns)
        func text(_ value: String?) -> TableCell { value.map { $0.isEmpty ? TableCell.empty : .text($0) } ?? .empty }
        for item in items {
            let d = item.donation
            try sink.row([
                .text(d.receiptNumber), .date(d.date), .text(item.sponsorName ?? SocializationTotals.anonymousLabel), text(item.sponsorKind?.label),
                .text(d.kind.label), d.amount.map { TableCell.money($0) } ?? .empty, text(d.channel?.label), text(item.itemsSummary),
                .money(d.estimatedValue), .text(d.purpose), text(item.campaignTitle), .text(item.recipientUnit), text(d.receivedBy),
                d.publishAnonymous ? .text("có") : .empty, d.letterSentOn.map { TableCell.date($0) } ?? .empty,
                .text(d.isVoided ? "Đã hủy" : "Hợp lệ"), text(d.voidReason),
            ])
        }
    }

    // MARK: Import

    package static func importFile(_ db: Database, data: Data, file: String, dryRun: Bool, by principal: Principal, now: Date = Date()) throws -> ImportReport {
        var report = ImportReport(file: file, dryRun: dryRun)
        let reader = try CSVReader(data: data, fileName: file)
        var iterator = reader.makeIterator()
        guard let headerRecord = iterator.next() else { throw CSVReader.Failure.empty(file: file) }
        let header = try CSVHeader(headerRecord.fields, columns: columns, file: file, line: headerRecord.line)
        let units = try OrgUnit.fetchAll(db)
        let campaigns = try Row.fetchAll(db, sql: "SELECT id, title FROM campaign")
        try db.inSavepoint {
            while let record = iterator.next() {
                report.rowsRead += 1
                importRow(db, record, header: header, units: units, campaigns: campaigns, report: &report, by: principal, now: now)
            }
            if report.succeeded {
                try Audit.record(db, by: principal, .import, entity: "donation", id: nil, after: ["file": file, "rows": String(report.inserted)], at: now)
            }
            return report.succeeded && !dryRun ? .commit : .rollback
        }
        return report
    }

    /// Column (Vietnamese name) a donation field's problem belongs to.
    static let fieldColumn: [String: String] = [
        "date": "Ngày nhận", "kind": "Hình thức", "amount": "Số tiền", "channel": "Phương thức", "items": "Hiện vật",
        "items.1.description": "Hiện vật", "items.1.quantity": "Số lượng", "items.1.estimatedValue": "Giá trị ước tính", "items.1.isbn": "Hiện vật",
        "purpose": "Mục đích", "recipientUnitId": "Đơn vị nhận", "sponsorId": "Nhà tài trợ", "campaignId": "Chiến dịch",
    ]

    private static func importRow(_ db: Database, _ record: CSVReader.Record, header: CSVHeader, units: [OrgUnit], campaigns: [Row],
                                  report: inout ImportReport, by principal: Principal, now: Date) {
        let line = record.line
        func value(_ key: String) -> String? { header.value(key, in: record) }
        let kindText = VietnameseText.searchKey(value("kind") ?? "")
        let kind: DonationKind? = ["cash", "tien", "tien mat", "chuyen khoan"].contains(kindText) ? .cash
            : ["in_kind", "in kind", "hien vat"].contains(kindText) ? .inKind : nil
        if kind == nil { report.add(line: line, field: "Hình thức", "\"\(value("kind") ?? "")\" phải là \"tiền\" hoặc \"hiện vật\""); return }
        var channel: String?
        if kind == .cash {
            let text = VietnameseText.searchKey(value("channel") ?? (kindText == "chuyen khoan" ? "chuyen khoan" : "tien mat"))
            channel = ["tien mat", "cash"].contains(text) ? "cash" : ["chuyen khoan", "bank_transfer", "bank transfer"].contains(text) ? "bank_transfer" : nil
            if channel == nil { report.add(line: line, field: "Phương thức", "\"\(value("channel") ?? "")\" phải là \"tiền mặt\" hoặc \"chuyển khoản\""); return }
        }
        let unitKey = VietnameseText.searchKey(value("recipient_unit") ?? "")
        guard let unit = units.first(where: { $0.searchKey == unitKey }) else {
            report.add(line: line, field: "Đơn vị nhận", "không có đơn vị \"\(value("recipient_unit") ?? "")\"")
            return
        }
        var campaignId: Int64?
        if let text = value("campaign") {
            let key = VietnameseText.searchKey(text)
            campaignId = campaigns.first { ($0[0] as Int64) == Int64(text) || VietnameseText.searchKey($0[1]) == key }?[0]
            if campaignId == nil { report.add(line: line, field: "Chiến dịch", "không có chiến dịch \"\(text)\" (tên hoặc số hiệu)"); return }
        }
        let anonymousText = VietnameseText.searchKey(value("anonymous") ?? "")
        do {
            var sponsorId: Int64?
            if let name = value("sponsor") {
                sponsorId = try sponsor(db, named: name, kind: value("sponsor_kind"), line: line, report: &report, by: principal, now: now)
                if sponsorId == nil { return }
            }
            let items = kind == .inKind ? [DonationInput.ItemInput(description: value("item") ?? "", quantity: value("quantity") ?? "",
                                                                   unitOfMeasure: value("unit_of_measure"), estimatedValue: value("value"))] : nil
            let input = DonationInput(sponsorId: sponsorId, date: value("date") ?? "", kind: kind!.rawValue, amount: value("amount"), channel: channel,
                                      items: items, purpose: value("purpose") ?? "", campaignId: campaignId, recipientUnitId: unit.id,
                                      receivedBy: value("received_by"), publishAnonymous: ["co", "x", "yes", "1", "true"].contains(anonymousText),
                                      notes: value("notes"))
            // Rows after a problem are still written and checked: the savepoint rolls all of them back.
            _ = try DonationStore.create(db, input, by: principal, now: now)
            report.inserted += 1
        } catch let error as DomainError {
            if error.fieldErrors.isEmpty { report.add(line: line, field: "Đơn vị nhận", error.message) }
            for (field, message) in error.fieldErrors.sorted(by: { $0.key < $1.key }) {
                report.add(line: line, field: fieldColumn[field] ?? field, message)
            }
        } catch {
            report.add(line: line, field: "Ngày nhận", "\(error)")
        }
    }

    /// An existing sponsor with this name (tones ignored), or a new one of the given kind.
    private static func sponsor(_ db: Database, named name: String, kind: String?, line: Int, report: inout ImportReport,
                                by principal: Principal, now: Date) throws -> Int64? {
        let key = VietnameseText.searchKey(name)
        if let existing = try SponsorStore.list(db, for: .system).first(where: { VietnameseText.searchKey($0.name) == key }) {
            return existing.sponsor.id
        }
        let kindKey = VietnameseText.searchKey(kind ?? "")
        let sponsorKind = SponsorKind(rawValue: kindKey) ?? SponsorKind.allCases.first { VietnameseText.searchKey($0.label) == kindKey }
            ?? (kindKey.isEmpty ? .individual : nil)
        guard let sponsorKind else {
            report.add(line: line, field: "Loại nhà tài trợ", "\"\(kind ?? "")\" không có; dùng: \(SponsorKind.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return try SponsorStore.create(db, SponsorStore.Input(kind: sponsorKind.rawValue, name: name), by: principal, now: now).id
    }
}
