import Vietnamese

/// Where a campaign stands. Moves only forward (draft → approved → running → done → archived); an approved plan may go
/// back to draft for changes before it starts.
package enum CampaignStatus: String, Codable, CaseIterable, Sendable, Labelled {
    case draft, approved, running, done, archived

    package var label: String {
        switch self {
        case .draft: return "Dự thảo"
        case .approved: return "Đã duyệt"
        case .running: return "Đang triển khai"
        case .done: return "Đã xong"
        case .archived: return "Lưu trữ"
        }
    }

    package var englishLabel: String {
        switch self {
        case .draft: return "Draft"
        case .approved: return "Approved"
        case .running: return "Under way"
        case .done: return "Done"
        case .archived: return "Archived"
        }
    }

    package var allowedNext: [CampaignStatus] {
        switch self {
        case .draft: return [.approved]
        case .approved: return [.running, .draft]
        case .running: return [.done]
        case .done: return [.archived]
        case .archived: return []
        }
    }
}

package enum ActivityKind: String, Codable, CaseIterable, Sendable, Labelled {
    case openingCeremony = "opening_ceremony", bookFair = "book_fair", readingSession = "reading_session", contest, talk, exhibition
    case digitalSkillsClass = "digital_skills_class", mobileLibrary = "mobile_library", bookRotation = "book_rotation"
    case loudspeakerBroadcast = "loudspeaker_broadcast", onlinePost = "online_post", other

    package var label: String {
        switch self {
        case .openingCeremony: return "Lễ phát động, khai mạc"
        case .bookFair: return "Ngày hội sách"
        case .readingSession: return "Buổi đọc sách"
        case .contest: return "Cuộc thi"
        case .talk: return "Tọa đàm, nói chuyện"
        case .exhibition: return "Trưng bày, triển lãm"
        case .digitalSkillsClass: return "Lớp kỹ năng số"
        case .mobileLibrary: return "Thư viện lưu động"
        case .bookRotation: return "Luân chuyển sách"
        case .loudspeakerBroadcast: return "Phát thanh trên loa"
        case .onlinePost: return "Bài đăng trực tuyến"
        case .other: return "Khác"
        }
    }

    package var englishLabel: String {
        switch self {
        case .openingCeremony: return "Launch, opening ceremony"
        case .bookFair: return "Book fair"
        case .readingSession: return "Reading session"
        case .contest: return "Contest"
        case .talk: return "Talk, discussion"
        case .exhibition: return "Display, exhibition"
        case .digitalSkillsClass: return "Digital skills class"
        case .mobileLibrary: return "Mobile library"
        case .bookRotation: return "Book rotation"
        case .loudspeakerBroadcast: return "Loudspeaker broadcast"
        case .onlinePost: return "Online post"
        case .other: return "Other"
        }
    }
}

package enum BudgetSource: String, Codable, CaseIterable, Sendable, Labelled {
    case stateBudget = "state_budget", socialization

    package var label: String { self == .stateBudget ? "Ngân sách nhà nước" : "Xã hội hóa" }

    package var englishLabel: String { self == .stateBudget ? "State budget" : "Socialisation" }
}

package enum AssignmentStatus: String, Codable, CaseIterable, Sendable, Labelled {
    case todo, doing, done

    package var label: String {
        switch self {
        case .todo: return "Chưa làm"
        case .doing: return "Đang làm"
        case .done: return "Đã xong"
        }
    }

    package var englishLabel: String {
        switch self {
        case .todo: return "To do"
        case .doing: return "In progress"
        case .done: return "Done"
        }
    }
}
