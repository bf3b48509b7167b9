import Vietnamese

/// A unit as a form, the API or a CSV row gives it: raw text, validated into a `OrgUnit`.
public struct UnitInput: Sendable, Codable {
    public var name: String
    public var kind: String
    public var parentId: Int64?
    public var address: String?
    public var phone: String?
    public var email: String?
    public var contactName: String?
    public var isActive: Bool?
    public var notes: String?

    public init(name: String, kind: String, parentId: Int64? = nil, address: String? = nil, phone: String? = nil,
                email: String? = nil, contactName: String? = nil, isActive: Bool? = true, notes: String? = nil) {
        self.name = name; self.kind = kind; self.parentId = parentId; self.address = address; self.phone = phone
        self.email = email; self.contactName = contactName; self.isActive = isActive; self.notes = notes
    }

    /// Field errors in Vietnamese; empty when the input is acceptable.
    public func problems() -> [String: String] {
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
