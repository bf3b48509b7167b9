import Foundation
import Store
import Vietnamese

/// A donation as a form, the API or a CSV row gives it: text, checked into a `Donation` and its items.
package struct DonationInput: Sendable, Codable {
    package struct ItemInput: Sendable, Codable {
        package var description: String
        package var quantity: String
        package var unitOfMeasure: String?
        /// Estimated value of the whole line, "1.500.000" or "1500000".
        package var estimatedValue: String?
        package var isBook: Bool?
        package var author: String?
        package var isbn: String?
        package init(description: String, quantity: String, unitOfMeasure: String? = nil, estimatedValue: String? = nil,
                    isBook: Bool? = nil, author: String? = nil, isbn: String? = nil) {
            self.description = description; self.quantity = quantity; self.unitOfMeasure = unitOfMeasure
            self.estimatedValue = estimatedValue; self.isBook = isBook; self.author = author; self.isbn = isbn
        }
    }

    /// Nil: an anonymous benefactor whose name nobody recorded.
    package var sponsorId: Int64?
    package var date: String
    package var kind: String
    package var amount: String?
    package var channel: String?
    package var items: [ItemInput]?
    package var purpose: String
    package var campaignId: Int64?
    package var recipientUnitId: Int64?
    package var receivedBy: String?
    package var publishAnonymous: Bool?
    package var notes: String?
    /// A pledge this gift (partly) fulfils.
    package var pledgeId: Int64?

    package init(sponsorId: Int64?, date: String, kind: String, amount: String? = nil, channel: String? = nil, items: [ItemInput]? = nil,
                purpose: String, campaignId: Int64? = nil, recipientUnitId: Int64?, receivedBy: String? = nil,
                publishAnonymous: Bool? = nil, notes: String? = nil, pledgeId: Int64? = nil) {
        self.sponsorId = sponsorId; self.date = date; self.kind = kind; self.amount = amount; self.channel = channel
        self.items = items; self.purpose = purpose; self.campaignId = campaignId; self.recipientUnitId = recipientUnitId
        self.receivedBy = receivedBy; self.publishAnonymous = publishAnonymous; self.notes = notes; self.pledgeId = pledgeId
    }

    /// The checked values, ready to store.
    struct Valid {
        let date: CivilDate
        let kind: DonationKind
        let amount: Int64?
        let channel: PaymentChannel?
        let items: [DonationItem]
        let value: Int64
    }

    /// The record to store, from the checked values and what the input says as typed (cleaned): a new field of a
    /// donation is read here and in `check`, not in the store.
    func donation(_ valid: Valid, recipientUnitId: Int64, receiptSequence: Int, by principal: Principal, at now: Date) -> Donation {
        Donation(
            id: nil, sponsorId: sponsorId, date: valid.date, kind: valid.kind, amount: valid.amount, channel: valid.channel,
            estimatedValue: valid.value, purpose: VietnameseText.clean(purpose), campaignId: campaignId, recipientUnitId: recipientUnitId,
            receivedBy: VietnameseText.cleanOrNil(receivedBy) ?? principal.displayName,
            publishAnonymous: publishAnonymous ?? false, notes: VietnameseText.cleanOrNil(notes),
            receiptYear: valid.date.year, receiptSeq: receiptSequence, voidedAt: nil, voidedBy: nil, voidReason: nil, letterSentOn: nil,
            createdAt: now, createdBy: principal.login)
    }

    /// Field → Vietnamese message, or the checked values. Item errors are named `items.N.field` (N from 1).
    func check(today: CivilDate) -> Result<Valid, DomainError> {
        var errors: [String: String] = [:]
        let date = CivilDate(parsing: self.date)
        if date == nil { errors["date"] = CivilDate.problem(parsing: self.date, what: "Ngày nhận") }
        if let date, date > today { errors["date"] = "Ngày nhận không được sau hôm nay" }
        let kind = DonationKind(rawValue: self.kind)
        if kind == nil { errors["kind"] = "Chọn tiền hoặc hiện vật" }
        if VietnameseText.clean(purpose).isEmpty { errors["purpose"] = "Nhập mục đích ủng hộ" }
        if let problem = TextRules.problem(in: purpose, limit: TextRules.lineLimit) { errors["purpose"] = problem }
        if recipientUnitId == nil { errors["recipientUnitId"] = "Chọn đơn vị nhận" }
        var amount: Int64?, channel: PaymentChannel?, items: [DonationItem] = []
        if kind == .cash {
            amount = self.amount.flatMap(VND.parse)
            if amount == nil || amount! <= 0 { errors["amount"] = "Số tiền là số đồng nguyên dương, ví dụ 1.500.000" }
            channel = self.channel.flatMap(PaymentChannel.init(rawValue:))
            if channel == nil { errors["channel"] = "Chọn tiền mặt hoặc chuyển khoản" }
        } else if kind == .inKind {
            let lines = (self.items ?? []).filter { !VietnameseText.clean($0.description).isEmpty || !$0.quantity.trimmingCharacters(in: .whitespaces).isEmpty }
            if lines.isEmpty { errors["items"] = "Ghi ít nhất một hiện vật (tên, số lượng)" }
            for (index, line) in lines.enumerated() {
                let prefix = "items.\(index + 1)."
                let description = VietnameseText.clean(line.description)
                if description.isEmpty { errors[prefix + "description"] = "Dòng \(index + 1): nhập tên hiện vật (với sách: tên sách)" }
                let quantity = Int(line.quantity.trimmingCharacters(in: .whitespaces))
                if quantity == nil || quantity! <= 0 { errors[prefix + "quantity"] = "Dòng \(index + 1): số lượng là số nguyên dương" }
                var value: Int64 = 0
                if let text = line.estimatedValue?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                    if let parsed = VND.parse(text) { value = parsed } else { errors[prefix + "estimatedValue"] = "Dòng \(index + 1): giá trị ước tính là số đồng" }
                }
                var isbn: String?
                if let text = VietnameseText.cleanOrNil(line.isbn) {
                    isbn = ISBN.normalized(text)
                    if isbn == nil { errors[prefix + "isbn"] = "Dòng \(index + 1): mã ISBN \"\(text)\" không đúng (10 hoặc 13 chữ số, số kiểm tra sai)" }
                }
                let isBook = line.isBook ?? (isbn != nil || VietnameseText.cleanOrNil(line.author) != nil)
                items.append(DonationItem(id: nil, donationId: 0, description: description, quantity: quantity ?? 1,
                                          unitOfMeasure: VietnameseText.cleanOrNil(line.unitOfMeasure) ?? (isBook ? "cuốn" : "cái"),
                                          estimatedValue: value, isBook: isBook, author: VietnameseText.cleanOrNil(line.author), isbn: isbn))
            }
        }
        if !errors.isEmpty { return .failure(.invalid(errors)) }
        let value = amount ?? items.reduce(0) { $0 + $1.estimatedValue }
        return .success(Valid(date: date!, kind: kind!, amount: amount, channel: channel, items: items, value: value))
    }
}

/// ISBN-10 or ISBN-13, checked by its check digit and kept as digits only.
package enum ISBN {
    package static func normalized(_ text: String) -> String? {
        let characters = text.uppercased().filter { $0 != "-" && $0 != " " }
        if characters.count == 13, characters.allSatisfy(\.isASCII), let digits = Optional(characters.compactMap(\.wholeNumberValue)), digits.count == 13 {
            let sum = digits.enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
            return sum % 10 == 0 ? characters : nil
        }
        if characters.count == 10, characters.allSatisfy(\.isASCII) {
            var sum = 0
            for (index, character) in characters.enumerated() {
                let value: Int
                if let digit = character.wholeNumberValue { value = digit } else if character == "X" && index == 9 { value = 10 } else { return nil }
                sum += value * (10 - index)
            }
            return sum % 11 == 0 ? characters : nil
        }
        return nil
    }
}
