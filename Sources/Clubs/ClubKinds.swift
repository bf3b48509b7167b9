import Vietnamese

/// What a group is.
package enum ClubKind: String, Codable, CaseIterable, Sendable, Labelled {
    case talentClass = "talent_class", club, interestGroup = "interest_group"

    package var label: String {
        switch self {
        case .talentClass: return "Lớp năng khiếu"
        case .club: return "Câu lạc bộ"
        case .interestGroup: return "Nhóm sở thích"
        }
    }

    package var englishLabel: String {
        switch self {
        case .talentClass: return "Talent class"
        case .club: return "Club"
        case .interestGroup: return "Interest group"
        }
    }
}

/// What it does.
package enum ClubField: String, Codable, CaseIterable, Sendable, Labelled {
    case reading, artsMusic = "arts_music", gongCulture = "gong_culture", sports, tourism, digitalSkills = "digital_skills", crafts, other

    package var label: String {
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

    package var englishLabel: String {
        switch self {
        case .reading: return "Reading"
        case .artsMusic: return "Performing arts, music"
        case .gongCulture: return "Gongs, traditional culture"
        case .sports: return "Sport and exercise"
        case .tourism: return "Community tourism"
        case .digitalSkills: return "Digital skills"
        case .crafts: return "Handicrafts"
        case .other: return "Other"
        }
    }
}

/// Whom it serves.
package enum AgeGroup: String, Codable, CaseIterable, Sendable, Labelled {
    case children, youth, adults, elderly

    package var label: String {
        switch self {
        case .children: return "Thiếu nhi"
        case .youth: return "Thanh niên"
        case .adults: return "Người lớn"
        case .elderly: return "Người cao tuổi"
        }
    }

    package var englishLabel: String {
        switch self {
        case .children: return "Children"
        case .youth: return "Young people"
        case .adults: return "Adults"
        case .elderly: return "Elderly"
        }
    }

    /// Stored as a comma list in one column ("children,elderly").
    package static func parse(_ text: String) -> [AgeGroup] {
        text.split(separator: ",").compactMap { AgeGroup(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
    }
}

package enum ClubStatus: String, Codable, CaseIterable, Sendable, Labelled {
    case active, paused, closed

    package var label: String {
        switch self {
        case .active: return "Đang hoạt động"
        case .paused: return "Tạm dừng"
        case .closed: return "Đã giải thể"
        }
    }

    package var englishLabel: String {
        switch self {
        case .active: return "Active"
        case .paused: return "Paused"
        case .closed: return "Dissolved"
        }
    }
}

package enum MemberRole: String, Codable, CaseIterable, Sendable, Labelled {
    case head, deputy, member

    package var label: String {
        switch self {
        case .head: return "Chủ nhiệm"
        case .deputy: return "Phó chủ nhiệm"
        case .member: return "Thành viên"
        }
    }

    package var englishLabel: String {
        switch self {
        case .head: return "Leader"
        case .deputy: return "Deputy leader"
        case .member: return "Member"
        }
    }
}

package enum AttendanceStatus: String, Codable, CaseIterable, Sendable, Labelled {
    case present, absent, excused

    package var label: String {
        switch self {
        case .present: return "Có mặt"
        case .absent: return "Vắng"
        case .excused: return "Vắng có phép"
        }
    }

    package var englishLabel: String {
        switch self {
        case .present: return "Present"
        case .absent: return "Absent"
        case .excused: return "Excused absence"
        }
    }
}
