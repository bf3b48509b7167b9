import Vietnamese

/// Where a gift comes from: the "source type" of the totals.
package enum SponsorKind: String, Codable, CaseIterable, Sendable, Labelled {
    case business, association, individual, overseas, other

    package var label: String {
        switch self {
        case .business: return "Doanh nghiệp"
        case .association: return "Hội, đoàn thể, tổ chức"
        case .individual: return "Cá nhân"
        case .overseas: return "Kiều bào, nhà tài trợ nước ngoài"
        case .other: return "Khác"
        }
    }

    package var englishLabel: String {
        switch self {
        case .business: return "Business"
        case .association: return "Association, mass organisation"
        case .individual: return "Individual"
        case .overseas: return "Overseas Vietnamese, foreign donor"
        case .other: return "Other"
        }
    }
}

package enum DonationKind: String, Codable, CaseIterable, Sendable, Labelled {
    case cash, inKind = "in_kind"

    package var label: String { self == .cash ? "Tiền mặt / chuyển khoản" : "Hiện vật" }

    package var englishLabel: String { self == .cash ? "Cash / bank transfer" : "In kind" }
}

package enum PaymentChannel: String, Codable, CaseIterable, Sendable, Labelled {
    case cash, bankTransfer = "bank_transfer"

    package var label: String { self == .cash ? "Tiền mặt" : "Chuyển khoản" }

    package var englishLabel: String { self == .cash ? "Cash" : "Bank transfer" }
}

package enum HoursStatus: String, Codable, CaseIterable, Sendable, Labelled {
    case pending, approved, rejected

    package var label: String {
        switch self {
        case .pending: return "Chờ duyệt"
        case .approved: return "Đã duyệt"
        case .rejected: return "Không duyệt"
        }
    }

    package var englishLabel: String {
        switch self {
        case .pending: return "Awaiting approval"
        case .approved: return "Approved"
        case .rejected: return "Rejected"
        }
    }
}

/// What volunteers offer; stored as codes so that lists can be filtered, shown in Vietnamese.
package enum VolunteerSkill: String, Codable, CaseIterable, Sendable, Labelled {
    case storytelling, digitalSkills = "digital_skills", sportsCoaching = "sports", arts, teaching, library, crafts, other

    package var label: String {
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

    package var englishLabel: String {
        switch self {
        case .storytelling: return "Storytelling, reading to children"
        case .digitalSkills: return "Digital skills coaching"
        case .sportsCoaching: return "Sports coaching"
        case .arts: return "Performing arts, gongs"
        case .teaching: return "Teaching, literacy"
        case .library: return "Library help"
        case .crafts: return "Teaching handicrafts"
        case .other: return "Other"
        }
    }

    package static func parse(_ text: String) -> [VolunteerSkill] {
        text.split(separator: ",").compactMap { VolunteerSkill(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
    }
}
