/// What a group is.
public enum ClubKind: String, Codable, CaseIterable, Sendable {
    case talentClass = "talent_class", club, interestGroup = "interest_group"

    public var label: String {
        switch self {
        case .talentClass: return "Lớp năng khiếu"
        case .club: return "Câu lạc bộ"
        case .interestGroup: return "Nhóm sở thích"
        }
    }
}

/// What it does.
public enum ClubField: String, Codable, CaseIterable, Sendable {
    case reading, artsMusic = "arts_music", gongCulture = "gong_culture", sports, tourism, digitalSkills = "digital_skills", crafts, other

    public var label: String {
        switch self {
        case .reading: return "Đọc sách"
        case .artsMusic: return "Văn nghệ, âm nhạc"
        case .gongCulture: return "Cồng chiêng, văn hóa truyền thống"
        case .sports: return "Thể dục thể thao"
        case .tourism: return "Du lịch cộng đồng"
        case .digitalSkills: return "Kỹ năng số"
        case .crafts: return "Nghề thủ công"
        case .other: return "Khác"
        }
    }
}

/// Whom it serves.
public enum AgeGroup: String, Codable, CaseIterable, Sendable {
    case children, youth, adults, elderly

    public var label: String {
        switch self {
        case .children: return "Thiếu nhi"
        case .youth: return "Thanh niên"
        case .adults: return "Người lớn"
        case .elderly: return "Người cao tuổi"
        }
    }

    /// Stored as a comma list in one column ("children,elderly").
    public static func parse(_ text: String) -> [AgeGroup] {
        text.split(separator: ",").compactMap { AgeGroup(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
    }
}

public enum ClubStatus: String, Codable, CaseIterable, Sendable {
    case active, paused, closed

    public var label: String {
        switch self {
        case .active: return "Đang hoạt động"
        case .paused: return "Tạm dừng"
        case .closed: return "Đã giải thể"
        }
    }
}

public enum MemberRole: String, Codable, CaseIterable, Sendable {
    case head, deputy, member

    public var label: String {
        switch self {
        case .head: return "Chủ nhiệm"
        case .deputy: return "Phó chủ nhiệm"
        case .member: return "Thành viên"
        }
    }
}

public enum AttendanceStatus: String, Codable, CaseIterable, Sendable {
    case present, absent, excused

    public var label: String {
        switch self {
        case .present: return "Có mặt"
        case .absent: return "Vắng"
        case .excused: return "Vắng có phép"
        }
    }
}
