import Vietnamese

/// Where a course is run (plan III.3: staff take part in courses of the commune, the province and online).
package enum TrainingLevel: String, Codable, CaseIterable, Sendable, Labelled {
    case commune, district, province, national, online

    package var label: String {
        switch self {
        case .commune: return "Cấp xã"
        case .district: return "Cấp huyện, liên xã"
        case .province: return "Cấp tỉnh"
        case .national: return "Trung ương"
        case .online: return "Trực tuyến"
        }
    }

    package var englishLabel: String {
        switch self {
        case .commune: return "Commune"
        case .district: return "District, inter-commune"
        case .province: return "Province"
        case .national: return "National"
        case .online: return "Online"
        }
    }
}

/// What a course or a self-study is about; digital skills feed the plan's indicator.
package enum TrainingTopic: String, Codable, CaseIterable, Sendable, Labelled {
    case digital, library, heritage, lifelongLearning = "lifelong_learning", management, other

    package var label: String {
        switch self {
        case .digital: return "Chuyển đổi số, kỹ năng số"
        case .library: return "Nghiệp vụ thư viện"
        case .heritage: return "Giáo dục di sản"
        case .lifelongLearning: return "Tổ chức học tập suốt đời"
        case .management: return "Quản lý nhà văn hóa, câu lạc bộ"
        case .other: return "Khác"
        }
    }

    package var englishLabel: String {
        switch self {
        case .digital: return "Digital transformation, digital skills"
        case .library: return "Library skills"
        case .heritage: return "Heritage education"
        case .lifelongLearning: return "Organising lifelong learning"
        case .management: return "Running cultural houses and clubs"
        case .other: return "Other"
        }
    }
}

/// Staff of a library, cultural house, school or the Study Promotion Association, or a volunteer.
package enum ParticipantRole: String, Codable, CaseIterable, Sendable, Labelled {
    case staff, volunteer

    package var label: String { self == .staff ? "Cán bộ, nhân viên" : "Tình nguyện viên" }
    package var englishLabel: String { self == .staff ? "Staff" : "Volunteer" }
}
