/// Where a gift comes from: the "source type" of the totals.
public enum SponsorKind: String, Codable, CaseIterable, Sendable {
    case business, association, individual, overseas, other

    public var label: String {
        switch self {
        case .business: return "Doanh nghiệp"
        case .association: return "Hội, đoàn thể, tổ chức"
        case .individual: return "Cá nhân"
        case .overseas: return "Kiều bào, nhà tài trợ nước ngoài"
        case .other: return "Khác"
        }
    }
}

public enum DonationKind: String, Codable, CaseIterable, Sendable {
    case cash, inKind = "in_kind"

    public var label: String { self == .cash ? "Tiền mặt / chuyển khoản" : "Hiện vật" }
}

public enum PaymentChannel: String, Codable, CaseIterable, Sendable {
    case cash, bankTransfer = "bank_transfer"

    public var label: String { self == .cash ? "Tiền mặt" : "Chuyển khoản" }
}

public enum HoursStatus: String, Codable, CaseIterable, Sendable {
    case pending, approved, rejected

    public var label: String {
        switch self {
        case .pending: return "Chờ duyệt"
        case .approved: return "Đã duyệt"
        case .rejected: return "Không duyệt"
        }
    }
}

/// What volunteers offer; stored as codes so that lists can be filtered, shown in Vietnamese.
public enum VolunteerSkill: String, Codable, CaseIterable, Sendable {
    case storytelling, digitalSkills = "digital_skills", sportsCoaching = "sports", arts, teaching, library, crafts, other

    public var label: String {
        switch self {
        case .storytelling: return "Kể chuyện, đọc sách cho trẻ"
        case .digitalSkills: return "Hướng dẫn kỹ năng số"
        case .sportsCoaching: return "Huấn luyện thể thao"
        case .arts: return "Văn nghệ, cồng chiêng"
        case .teaching: return "Dạy học, xóa mù chữ"
        case .library: return "Giúp việc thư viện"
        case .crafts: return "Truyền nghề thủ công"
        case .other: return "Khác"
        }
    }

    public static func parse(_ text: String) -> [VolunteerSkill] {
        text.split(separator: ",").compactMap { VolunteerSkill(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
    }
}
