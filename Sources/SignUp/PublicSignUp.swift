import Foundation
import GRDB
import Store
import Vietnamese

/// A sign-up sent from a public page (no account): checked, limited against abuse, and kept for the organiser's
/// review. Nothing typed here is ever shown on a public page again.
package enum PublicSignUp {
    /// What the page's form sent.
    package struct Submission: Sendable {
        package var fullName: String
        package var birthYear: String
        package var villageId: String
        package var phone: String
        package var guardianName: String
        package var channels: [String]
        /// A field people never see; a robot filling every field fills it too.
        package var honeypot: String
        /// The sender's network address (only its hash is kept).
        package var address: String

        package init(fullName: String = "", birthYear: String = "", villageId: String = "", phone: String = "", guardianName: String = "",
                    channels: [String] = [], honeypot: String = "", address: String) {
            self.fullName = fullName; self.birthYear = birthYear; self.villageId = villageId; self.phone = phone
            self.guardianName = guardianName; self.channels = channels; self.honeypot = honeypot; self.address = address
        }
    }

    package enum Outcome: Sendable, Equatable {
        /// Kept for review; `waitingPosition` when the places were taken.
        case received(waitingPosition: Int?)
        /// The honeypot was filled: answered like a success, nothing kept.
        case ignored
    }

    package struct Limits: Sendable {
        package var perSourcePerHour: Int
        package var perPhonePerDay: Int
        package init(perSourcePerHour: Int = 20, perPhonePerDay: Int = 3) { self.perSourcePerHour = perSourcePerHour; self.perPhonePerDay = perPhonePerDay }

        package static func fromSettings(_ db: Database) throws -> Limits {
            Limits(perSourcePerHour: Int(try Settings.value(db, Settings.signUpsPerSourcePerHour)) ?? 20,
                   perPhonePerDay: Int(try Settings.value(db, Settings.signUpsPerPhonePerDay)) ?? 3)
        }
    }

    /// The consent for one channel, in the words the page shows and the consent record keeps.
    package static func consentText(_ form: SignUpForm, channel: ConsentChannel, commune: String) -> String {
        let how = channel == .zalo ? "tin nhắn Zalo" : "tin nhắn SMS"
        // "để nhận thông báo…": the purpose continues the sentence, unless it starts with an abbreviation (UBND…).
        let purpose = form.purpose.dropFirst().prefix(1).lowercased() == form.purpose.dropFirst().prefix(1)
            ? form.purpose.prefix(1).lowercased() + form.purpose.dropFirst() : form.purpose
        return "Tôi đồng ý nhận \(how) của Ủy ban nhân dân xã \(commune) tới số điện thoại đã ghi, để \(purpose). "
            + "Tôi có thể rút lại sự đồng ý bất cứ lúc nào bằng cách báo cán bộ văn hóa xã; việc rút lại có hiệu lực ngay."
    }

    package static func submit(_ db: Database, form: SignUpForm, _ submission: Submission, commune: String, limits: Limits,
                              today: CivilDate, now: Date = Date()) throws -> Outcome {
        guard form.isOpen(on: today) else {
            throw DomainError(.conflict, "Trang đăng ký này đã đóng.", english: "This sign-up page is closed.")
        }
        guard VietnameseText.trimmed(submission.honeypot).isEmpty else { return .ignored }
        let source = Secrets.sha256("signup:" + submission.address)
        let recentFromSource = try Int.fetchOne(db, sql: "SELECT count(*) FROM signUp WHERE source = ? AND createdAt > ?",
                                                arguments: [source, now.addingTimeInterval(-3600)]) ?? 0
        if recentFromSource >= limits.perSourcePerHour {
            throw DomainError(.tooManyRequests, "Có quá nhiều lượt đăng ký từ cùng một nơi trong một giờ. Vui lòng thử lại sau.",
                              english: "Too many sign-ups from the same place in an hour. Please try again later.")
        }
        var entry = try check(db, form: form, submission, commune: commune, today: today)
        if let phone = entry.phone {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = VietnamTime.zone
            let dayStart = calendar.startOfDay(for: now)
            let todayWithPhone = try Int.fetchOne(db, sql: "SELECT count(*) FROM signUp WHERE phone = ? AND createdAt >= ?",
                                                  arguments: [phone, dayStart]) ?? 0
            if todayWithPhone >= limits.perPhonePerDay {
                throw DomainError(.tooManyRequests, "Số điện thoại này đã đăng ký \(limits.perPhonePerDay) lần hôm nay. Vui lòng thử lại vào ngày mai hoặc gặp cán bộ văn hóa xã.",
                                  english: "This phone number has signed up \(limits.perPhonePerDay) times today. Please try tomorrow or see the commune culture officer.")
            }
        }
        var waiting: Int?
        if try SignUpForms.isFull(db, form) {
            waiting = try SignUpEntry.filter(Column("formId") == form.id! && Column("status") == SignUpStatus.waitlisted.rawValue).fetchCount(db) + 1
        }
        entry.status = waiting == nil ? .pending : .waitlisted
        entry.source = source
        entry.createdAt = now
        try entry.insert(db)
        try Audit.record(db, by: Principal(accountId: nil, login: "public", displayName: "Trang đăng ký công khai", role: .viewer), .create,
                         entity: "signUp", id: entry.id, after: ["formId": String(form.id!), "status": entry.status.rawValue], at: now)
        return .received(waitingPosition: waiting)
    }

    /// The fields the form asks, checked; every problem at once, in the field's words.
    static func check(_ db: Database, form: SignUpForm, _ submission: Submission, commune: String, today: CivilDate) throws -> SignUpEntry {
        var errors: [String: String] = [:]
        let name = VietnameseText.clean(submission.fullName)
        if name.isEmpty { errors["fullName"] = "Ghi họ và tên" } else if name.count > 100 { errors["fullName"] = "Họ và tên dài quá 100 chữ" }
        var birthYear: Int?
        if form.askBirthYear {
            let text = VietnameseText.trimmed(submission.birthYear)
            if let year = Int(text), (today.year - 110)...today.year ~= year { birthYear = year }
            else { errors["birthYear"] = text.isEmpty ? "Ghi năm sinh (ví dụ 1990)" : "Năm sinh phải là số từ \(today.year - 110) đến \(today.year)" }
        }
        var villageId: Int64?
        if form.askVillage {
            if let id = Int64(submission.villageId), try OrgUnit.fetchOne(db, key: id)?.kind == .village { villageId = id }
            else { errors["villageId"] = "Chọn thôn nơi bạn ở" }
        }
        var phone: String?
        if form.askPhone {
            switch PhoneNumber.parse(submission.phone) {
            case .success(let number): phone = number.normalized
            case .failure(let rejection): errors["phone"] = rejection == .empty ? "Ghi số điện thoại di động" : rejection.message
            }
        }
        let offered = Set(form.channelList)
        let ticked = submission.channels.compactMap(ConsentChannel.init(rawValue:)).filter(offered.contains)
        let channels = form.channelList.filter(ticked.contains)
        let guardian = VietnameseText.clean(submission.guardianName)
        if let birthYear, today.year - birthYear < 16, !channels.isEmpty, guardian.isEmpty {
            errors["guardianName"] = "Người dưới 16 tuổi cần cha, mẹ hoặc người giám hộ đồng ý: ghi họ tên người đó"
        }
        if guardian.count > 100 { errors["guardianName"] = "Họ và tên dài quá 100 chữ" }
        guard errors.isEmpty else { throw DomainError.invalid(errors) }
        return SignUpEntry(
            formId: form.id!, fullName: name, birthYear: birthYear, villageId: villageId, phone: phone,
            guardianName: guardian.isEmpty ? nil : guardian, consentChannels: channels.map(\.rawValue).joined(separator: ","),
            consentText: channels.map { consentText(form, channel: $0, commune: commune) }.joined(separator: "\n"),
            status: .pending, personId: nil, source: "", createdAt: Date())
    }
}
