import Organisations
import Socialization
import Store
import Vietnamese

/// Who receives a message, written as `KIND[:FILTER,...]`; several joined with `+` are combined (a person in two of
/// them is counted once). Examples: `residents`, `residents:village=Thôn 1,age=18-60,gender=nữ`, `units:kind=school`.
package struct AudienceSpec: Equatable, Sendable {
    package enum Kind: String, CaseIterable, Sendable {
        case residents, units, club, clubs, donors, volunteers, honoured, signups, members
    }

    package let kind: Kind
    package let filters: [String: String]

    /// The kinds and their filters, for `densach export audiences` and the back office.
    package static let catalogue: [(spec: String, meaning: String, english: String, available: Bool)] = [
        ("residents", "người dân trong xã (có thể lọc)", "residents of the commune (can be filtered)", true),
        ("residents:village=Thôn 1", "người dân của một thôn (tên hoặc số hiệu thôn)", "residents of one village (its name or number)", true),
        ("residents:age=18-60", "theo tuổi tính đến cuối năm nay (người chưa có năm sinh không thuộc nhóm này)",
         "by age at the end of this year (people without a year of birth are left out)", true),
        ("residents:gender=nữ", "theo giới tính: nam, nữ", "by gender: male or female, written in Vietnamese as in the example", true),
        ("residents:ethnicity=Xơ Đăng", "theo dân tộc", "by ethnic group", true),
        ("units:kind=school", "người liên hệ của các đơn vị một loại (\(unitKinds))", "contact people of the units of one kind (\(unitKinds))", true),
        ("club:12", "thành viên hiện nay của câu lạc bộ, lớp, nhóm số 12 (mẫu tự có club.name, club.place)",
         "current members of club, class or group number 12 (the template gets club.name, club.place)", true),
        ("clubs · clubs:active", "thành viên hiện nay của mọi câu lạc bộ; :active chỉ những câu lạc bộ đang hoạt động",
         "current members of every club; :active only clubs that are active", true),
        ("donors · donors:year=2026 · donors:campaign=3",
         "nhà tài trợ đã ủng hộ (biên lai không bị hủy), trong một năm hoặc một chiến dịch; doanh nghiệp, tổ chức qua người liên hệ",
         "sponsors who gave (receipts not voided), in a year or a campaign; businesses and organisations through their contact person", true),
        ("volunteers · volunteers:skill=storytelling", "tình nguyện viên đang tham gia, có thể lọc theo kỹ năng (\(skills))",
         "active volunteers, can be filtered by skill (\(skills))", true),
        ("honoured · honoured:year=2025",
         "cá nhân được khen thưởng theo quyết định đã ban hành (không tính quyết định đã thu hồi, sửa đổi), trong một năm",
         "people commended by an issued decision (not revoked or amended ones), in a year", true),
        ("signups:form=7",
         "người đã được duyệt ở trang đăng ký số 7 mà chưa nhận tin xác nhận (mẫu tự có signup.title, activity.*, club.name); "
            + "sau khi xuất, họ được đánh dấu đã xác nhận",
         "people approved on sign-up page number 7 who have not had their confirmation yet "
            + "(the template gets signup.title, activity.*, club.name); once exported they are marked confirmed", true),
        ("members:kind=womens_union · members:unit=5",
         "hội viên hiện nay của các tổ chức một loại (\(organisationKinds)) hoặc của tổ chức số 5; "
            + "lọc thêm village=Thôn 3 (chi hội), role=head|deputy|member",
         "current members of the organisations of a kind (\(organisationKinds)) or of organisation number 5; "
            + "also village=Thôn 3 (the branch), role=head|deputy|member", true),
    ]
    private static let organisationKinds = MembershipStore.organisationKinds.map(\.rawValue).joined(separator: ", ")
    private static let unitKinds = UnitKind.allCases.map(\.rawValue).joined(separator: ", ")
    private static let skills = VolunteerSkill.allCases.map(\.rawValue).joined(separator: ", ")

    static let allowedFilters: [Kind: Set<String>] = [
        .residents: ["village", "age", "gender", "ethnicity"],
        .units: ["kind"],
        .club: ["id"],
        .clubs: ["active"],
        .donors: ["year", "campaign"],
        .volunteers: ["skill"],
        .honoured: ["year"],
        .signups: ["form"],
        .members: ["unit", "kind", "village", "role"],
    ]

    package init(kind: Kind, filters: [String: String] = [:]) {
        self.kind = kind; self.filters = filters
    }

    /// Parses one or more specs joined by `+`.
    package static func parseList(_ text: String) throws -> [AudienceSpec] {
        let parts = text.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw MessagingError("Chưa chọn đối tượng nhận (ví dụ: residents hoặc residents:village=Thôn 1).") }
        return try parts.map(parse)
    }

    package static func parse(_ text: String) throws -> AudienceSpec {
        let text = VietnameseText.clean(text)
        let kindText = text.prefix { $0 != ":" }.trimmingCharacters(in: .whitespaces)
        guard let kind = Kind(rawValue: kindText.lowercased()) else {
            throw MessagingError("Không có loại đối tượng \"\(kindText)\". Có: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")) — xem \"densach export audiences\".")
        }
        switch kind {
        case .residents, .units, .donors, .volunteers, .honoured, .signups, .members: break
        case .club:
            // `club:12`: the club's number stands alone.
            guard let colon = text.firstIndex(of: ":"), let id = Int64(text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)) else {
                throw MessagingError("Đối tượng club cần số hiệu câu lạc bộ, ví dụ club:12 (số ở cuối địa chỉ trang câu lạc bộ).")
            }
            return AudienceSpec(kind: .club, filters: ["id": String(id)])
        case .clubs:
            let rest = text.firstIndex(of: ":").map { text[text.index(after: $0)...].trimmingCharacters(in: .whitespaces) } ?? ""
            guard rest.isEmpty || rest == "active" else { throw MessagingError("Đối tượng clubs chỉ có dạng clubs hoặc clubs:active.") }
            return AudienceSpec(kind: .clubs, filters: rest.isEmpty ? [:] : ["active": "yes"])
        }
        var filters: [String: String] = [:]
        if let colon = text.firstIndex(of: ":") {
            for item in text[text.index(after: colon)...].split(separator: ",") {
                let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2, !pair[1].isEmpty else {
                    throw MessagingError("Bộ lọc \"\(item)\" phải có dạng tên=giá trị (ví dụ village=Thôn 1).")
                }
                let key = pair[0].lowercased()
                guard allowedFilters[kind, default: []].contains(key) else {
                    throw MessagingError("Đối tượng \(kind.rawValue) không có bộ lọc \"\(key)\". Có: \(allowedFilters[kind, default: []].sorted().joined(separator: ", ")).")
                }
                filters[key] = pair[1]
            }
        }
        let spec = AudienceSpec(kind: kind, filters: filters)
        if let year = filters["year"], Int(year) == nil { throw MessagingError("Năm \"\(year)\" phải là số, ví dụ donors:year=2026.") }
        if let campaign = filters["campaign"], Int64(campaign) == nil { throw MessagingError("Chiến dịch \"\(campaign)\" phải là số hiệu, ví dụ donors:campaign=3.") }
        if let skill = filters["skill"], VolunteerSkill(rawValue: skill) == nil {
            throw MessagingError("Không có kỹ năng \"\(skill)\". Có: \(VolunteerSkill.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if kind == .signups && filters["form"].flatMap(Int64.init) == nil {
            throw MessagingError("Đối tượng signups cần số hiệu trang đăng ký, ví dụ signups:form=7 (số ở cuối địa chỉ trang đăng ký).")
        }
        if kind == .members {
            guard (filters["unit"] == nil) != (filters["kind"] == nil) else {
                throw MessagingError("Đối tượng members cần một trong hai: unit=SỐ (một tổ chức) hoặc kind=LOẠI (mọi tổ chức một loại: \(organisationKinds)).")
            }
            if let unit = filters["unit"], Int64(unit) == nil { throw MessagingError("Tổ chức \"\(unit)\" phải là số hiệu, ví dụ members:unit=5.") }
            if let kind = filters["kind"], !MembershipStore.organisationKinds.map(\.rawValue).contains(kind) {
                throw MessagingError("Không có loại tổ chức \"\(kind)\". Có: \(organisationKinds).")
            }
            if let role = filters["role"], OrgRole(rawValue: role) == nil { throw MessagingError("Vai trò \"\(role)\" phải là head, deputy hoặc member.") }
        }
        _ = try spec.ageRange()
        _ = try spec.gender()
        if kind == .units {
            guard let unitKind = filters["kind"] else { throw MessagingError("Đối tượng units cần bộ lọc kind=… (ví dụ units:kind=school).") }
            guard UnitKind(rawValue: unitKind) != nil else {
                throw MessagingError("Không có loại đơn vị \"\(unitKind)\". Có: \(UnitKind.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
        }
        return spec
    }

    func ageRange() throws -> ClosedRange<Int>? {
        guard let text = filters["age"] else { return nil }
        let invalid = MessagingError("Tuổi \"\(text)\" phải có dạng 18-60 (hoặc 60-, -15, 18).")
        let sides = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        func bound(_ side: String, default value: Int) throws -> Int {
            if side.isEmpty { return value }
            guard let number = Int(side), number >= 0, number <= 150 else { throw invalid }
            return number
        }
        if sides.count == 1 { let age = try bound(sides[0], default: -1); guard age >= 0 else { throw invalid }; return age...age }
        guard sides.count == 2, !(sides[0].isEmpty && sides[1].isEmpty) else { throw invalid }
        let low = try bound(sides[0], default: 0), high = try bound(sides[1], default: 150)
        guard low <= high else { throw invalid }
        return low...high
    }

    func gender() throws -> Gender? {
        guard let text = filters["gender"] else { return nil }
        switch VietnameseText.searchKey(text) {
        case "nu", "female", "f": return .female
        case "nam", "male", "m": return .male
        default: throw MessagingError("Giới tính \"\(text)\" phải là nam hoặc nữ.")
        }
    }
}
