import Foundation
import GRDB
import Store
import Vietnamese

/// Decisions (quyết định khen thưởng). A draft gathers approved nominations; issuing gives it the next number of
/// its year ("12/QĐ-UBND"), without gaps, and freezes it for good: a mistake is corrected by a new decision that
/// amends it (with corrected recipients) or revokes it. Awards from higher levels are recorded with their own number.
package enum DecisionStore {
    package struct Input: Sendable, Codable {
        package var formKey: String
        package var year: Int?
        package var subject: String
        package var legalGrounds: String?
        package var nominationIds: [Int64]
        package init(formKey: String, year: Int?, subject: String, legalGrounds: String? = nil, nominationIds: [Int64]) {
            self.formKey = formKey; self.year = year; self.subject = subject; self.legalGrounds = legalGrounds; self.nominationIds = nominationIds
        }
    }


    package static func list(_ db: Database, year: Int? = nil) throws -> [Decision] {
        var request = Decision.all()
        if let year { request = request.filter(Column("year") == year) }
        return try request.order(Column("year").desc, Column("status"), Column("numberYear").desc, Column("seq").desc, Column("id").desc).fetchAll(db)
    }

    package static func get(_ db: Database, id: Int64) throws -> Decision {
        guard let decision = try Decision.fetchOne(db, key: id) else { throw DomainError.notFound("quyết định", english: "Decision") }
        return decision
    }

    /// The issued decision that amends or revokes this one, if any.
    package static func correction(_ db: Database, of id: Int64) throws -> Decision? {
        try Decision.filter(Column("correctsId") == id && Column("status") == "issued").fetchOne(db)
    }

    static func frozen(_ decision: Decision) -> DomainError {
        DomainError(.conflict, "Quyết định \(decision.number ?? "") đã ban hành, không sửa được: hãy lập quyết định sửa đổi hoặc thu hồi.",
                    english: "An issued decision cannot be edited: issue an amending or revoking decision.")
    }

    package static func createDraft(_ db: Database, _ input: Input, forms: HonourForms, by principal: Principal, now: Date = Date()) throws -> Decision {
        try principal.require(principal.canWriteCommuneWide)
        var errors: [String: String] = [:]
        let form = forms.form(input.formKey)
        if form == nil { errors["formKey"] = "Chọn hình thức khen thưởng" }
        let year = input.year ?? 0
        if !(2000...2100).contains(year) { errors["year"] = "Năm từ 2000 đến 2100" }
        if VietnameseText.clean(input.subject).isEmpty { errors["subject"] = "Ghi trích yếu (về việc…)" }
        if input.nominationIds.isEmpty { errors["nominationIds"] = "Chọn ít nhất một đề nghị đã được duyệt" }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        var decision = Decision(
            id: nil, year: year, level: form!.level, numberYear: nil, seq: nil, number: nil, date: nil, formKey: form!.key, subject: VietnameseText.clean(input.subject),
            signerName: try Settings.value(db, Settings.signerName), signerTitle: try Settings.value(db, Settings.signerTitle),
            issuer: form!.level == "commune" ? try Settings.value(db, Settings.committeeName) : form!.awardedBy,
            legalGrounds: VietnameseText.cleanOrNil(input.legalGrounds) ?? forms.defaultGrounds, kind: .original, correctsId: nil, status: "draft",
            issuedAt: nil, issuedBy: nil, createdAt: now)
        try decision.insert(db)
        try attach(db, decision: decision, nominationIds: input.nominationIds)
        try Audit.record(db, by: principal, .create, entity: "decision", id: decision.id, after: decision, at: now)
        return decision
    }

    /// Puts approved nominations of the decision's form, not yet in a decision, into a draft.
    static func attach(_ db: Database, decision: Decision, nominationIds: [Int64]) throws {
        for id in nominationIds {
            guard var nomination = try Nomination.fetchOne(db, key: id) else { throw DomainError.invalid(["nominationIds": "Không có đề nghị số \(id)"]) }
            guard nomination.status == .approved else { throw DomainError.invalid(["nominationIds": "Đề nghị số \(id) chưa được duyệt"]) }
            guard nomination.decisionId == nil || nomination.decisionId == decision.id else {
                throw DomainError.invalid(["nominationIds": "Đề nghị số \(id) đã có trong một quyết định khác"])
            }
            guard nomination.formKey == decision.formKey else { throw DomainError.invalid(["nominationIds": "Đề nghị số \(id) là hình thức khác"]) }
            nomination.decisionId = decision.id
            try nomination.update(db)
        }
    }

    package static func removeRecipient(_ db: Database, decisionId: Int64, nominationId: Int64, by principal: Principal) throws {
        try principal.require(principal.canWriteCommuneWide)
        let decision = try get(db, id: decisionId)
        guard !decision.isIssued else { throw frozen(decision) }
        guard var nomination = try Nomination.fetchOne(db, key: nominationId), nomination.decisionId == decisionId else { return }
        nomination.decisionId = nil
        try nomination.update(db)
        try Audit.record(db, by: principal, .update, entity: "decision", id: decisionId, after: ["removedNomination": String(nominationId)])
    }

    /// Issues a draft: commune decisions take the next number of the year of their date; higher-level awards keep
    /// the number they were given. From here on the decision and its recipients cannot change.
    package static func issue(_ db: Database, id: Int64, date: String, number: String? = nil, by principal: Principal, now: Date = Date()) throws -> Decision {
        try principal.require(principal.canWriteCommuneWide)
        var decision = try get(db, id: id)
        guard !decision.isIssued else { throw frozen(decision) }
        guard let day = CivilDate(parsing: date) else { throw DomainError.invalid(["date": "Ngày ký dạng dd/MM/yyyy"]) }
        if decision.kind == .original, try Nomination.filter(Column("decisionId") == id).fetchCount(db) == 0 {
            throw DomainError.invalid(["nominationIds": "Quyết định chưa có ai được khen"])
        }
        if let original = try decision.correctsId.flatMap({ try Decision.fetchOne(db, key: $0) }) {
            if try correction(db, of: original.id!) != nil {
                throw DomainError(.conflict, "Quyết định \(original.number ?? "") đã được sửa đổi hoặc thu hồi trước đó.",
                                  english: "Already corrected.")
            }
            if let originalDate = original.date, day < originalDate {
                throw DomainError.invalid(["date": "Không được trước ngày của quyết định được sửa (\(originalDate.display))"])
            }
        }
        let before = decision
        decision.date = day
        if decision.level == "commune" {
            let seq = try Int.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) + 1 FROM decision WHERE level = 'commune' AND numberYear = ?",
                                       arguments: [day.year])!
            decision.numberYear = day.year
            decision.seq = seq
            // NĐ 30/2020: numbers are written with two digits at least, "01/QĐ-UBND".
            decision.number = (seq < 10 ? "0" : "") + "\(seq)/QĐ-UBND"
        } else {
            guard let number = VietnameseText.cleanOrNil(number) else { throw DomainError.invalid(["number": "Ghi số quyết định của cấp trên"]) }
            decision.number = number
        }
        decision.status = "issued"
        decision.issuedAt = now
        decision.issuedBy = principal.login
        try decision.update(db)
        try Audit.record(db, by: principal, .update, entity: "decision", id: id, before: before, after: decision, at: now)
        return decision
    }

    /// A draft that amends (with copies of the original's recipients, to correct) or revokes an issued decision.
    package static func draftCorrection(_ db: Database, of originalId: Int64, kind: DecisionKind, reason: String, by principal: Principal,
                                       now: Date = Date()) throws -> Decision {
        try principal.require(principal.canWriteCommuneWide)
        let original = try get(db, id: originalId)
        guard original.isIssued else {
            throw DomainError(.conflict, "Chỉ sửa đổi, thu hồi quyết định đã ban hành; bản nháp thì sửa trực tiếp.",
                              english: "Only issued decisions are corrected.")
        }
        guard kind != .original else { throw DomainError.invalid(["kind": "Chọn sửa đổi hoặc thu hồi"]) }
        guard let reason = VietnameseText.cleanOrNil(reason) else { throw DomainError.invalid(["reason": "Ghi lý do sửa đổi, thu hồi"]) }
        if try correction(db, of: originalId) != nil { throw DomainError(.conflict, "Quyết định này đã được sửa đổi hoặc thu hồi.", english: "Already corrected.") }
        var decision = Decision(
            id: nil, year: original.year, level: original.level, numberYear: nil, seq: nil, number: nil, date: nil, formKey: original.formKey,
            subject: (kind == .amend ? "Sửa đổi Quyết định số " : "Thu hồi Quyết định số ") + "\(original.number ?? "") — \(reason)",
            signerName: try Settings.value(db, Settings.signerName), signerTitle: try Settings.value(db, Settings.signerTitle), issuer: original.issuer,
            legalGrounds: original.legalGrounds, kind: kind, correctsId: originalId, status: "draft", issuedAt: nil, issuedBy: nil, createdAt: now)
        try decision.insert(db)
        if kind == .amend {
            for var copy in try Nomination.filter(Column("decisionId") == originalId).fetchAll(db) {
                copy.id = nil
                copy.decisionId = decision.id
                copy.createdBy = principal.login
                copy.createdAt = now
                copy.updatedAt = now
                try copy.insert(db)
            }
        }
        try Audit.record(db, by: principal, .create, entity: "decision", id: decision.id, after: decision, at: now)
        return decision
    }

    /// Corrects one recipient of an amending draft: achievement and cash award.
    package static func editRecipient(_ db: Database, nominationId: Int64, achievement: String, award: Int64, by principal: Principal) throws {
        try principal.require(principal.canWriteCommuneWide)
        guard var nomination = try Nomination.fetchOne(db, key: nominationId), let decisionId = nomination.decisionId else {
            throw DomainError.notFound("người được khen", english: "Recipient")
        }
        let decision = try get(db, id: decisionId)
        guard !decision.isIssued else { throw frozen(decision) }
        guard VietnameseText.clean(achievement).count >= 10, award >= 0 else { throw DomainError.invalid(["achievement": "Ghi thành tích; mức thưởng không âm"]) }
        let before = nomination
        nomination.achievement = VietnameseText.clean(achievement)
        nomination.award = award
        try nomination.update(db)
        try Audit.record(db, by: principal, .update, entity: "nomination", id: nominationId, before: before, after: nomination)
    }

    /// Drafts may be thrown away (their nominations go back to "approved, not in a decision"); issued ones never.
    package static func deleteDraft(_ db: Database, id: Int64, by principal: Principal) throws {
        try principal.require(principal.canWriteCommuneWide)
        let decision = try get(db, id: id)
        guard !decision.isIssued else { throw frozen(decision) }
        if decision.kind == .amend { try Nomination.filter(Column("decisionId") == id).deleteAll(db) }
        try db.execute(sql: "UPDATE nomination SET decisionId = NULL WHERE decisionId = ?", arguments: [id])
        _ = try decision.delete(db)
        try Audit.record(db, by: principal, .delete, entity: "decision", id: id, before: decision)
    }
}
