import Vietnamese

/// A unit as a form, the API or a CSV row gives it: raw text, validated into a `OrgUnit`.
package struct UnitInput: Sendable, Codable {
    package var name: String
    package var kind: String
    package var parentId: Int64?
    package var address: String?
    package var phone: String?
    package var email: String?
    package var contactName: String?
    package var isActive: Bool?
    package var notes: String?

    package init(name: String, kind: String, parentId: Int64? = nil, address: String? = nil, phone: String? = nil,
                email: String? = nil, contactName: String? = nil, isActive: Bool? = true, notes: String? = nil) {
        self.name = name; self.kind = kind; self.parentId = parentId; self.address = address; self.phone = phone
        self.email = email; self.contactName = contactName; self.isActive = isActive; self.notes = notes
    }

    /// Field errors in Vietnamese; empty when the input is acceptable.
    package func problems() -> [String: String] {
        var errors: [String: String] = [:]
        let cleanName = VietnameseText.clean(name)
        if cleanName.isEmpty { errors["name"] = "Nhập tên đơn vị" }
        else if cleanName.count > 200 { errors["name"] = "Tên đơn vị dài quá 200 ký tự" }
        else if let problem = TextRules.problem(in: cleanName) { errors["name"] = problem }
        if UnitKind(lenient: kind) == nil { errors["kind"] = "Chọn loại đơn vị trong danh sách" }
        if let email = email.nonEmpty, !email.contains("@") { errors["email"] = "Địa chỉ thư điện tử không hợp lệ" }
        // An organisation (a school, a business sponsor) may give a fixed line; it is checked and stored as +84….
        if let phone = phone.nonEmpty, case .failure(let rejection) = PhoneNumber.parse(phone, accepting: .mobileOrLandline) {
            errors["phone"] = rejection.message
        }
        return errors
    }

    func apply(to unit: inout OrgUnit) {
        unit.rename(name)
        unit.kind = UnitKind(lenient: kind) ?? unit.kind
        unit.parentId = parentId
        unit.address = address.nonEmpty
        unit.phone = phone.nonEmpty.map { (try? PhoneNumber.parse($0, accepting: .mobileOrLandline).get().normalized) ?? $0 }
        unit.email = email.nonEmpty
        unit.contactName = contactName.nonEmpty.map(VietnameseText.clean)
        unit.isActive = isActive ?? true
        unit.notes = notes.nonEmpty
    }
}

extension Optional where Wrapped == String {
    /// The trimmed NFC text, or nil when empty.
    var nonEmpty: String? {
        guard let text = self.map(VietnameseText.clean), !text.isEmpty else { return nil }
        return text
    }
}
