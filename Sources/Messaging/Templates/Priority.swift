/// How urgent a loudspeaker bulletin is, in the three levels the provincial source systems (hệ thống thông tin
/// nguồn) and smart loudspeaker systems schedule by: ordinary, priority, emergency.
package enum Priority: String, CaseIterable, Sendable {
    case normal, priority, emergency

    /// Read from a template's front matter or the command line: the Vietnamese word, with or without tones, or the key.
    package init?(text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "normal", "thường", "thuong": self = .normal
        case "priority", "ưu tiên", "uu tien", "uu-tien": self = .priority
        case "emergency", "khẩn cấp", "khan cap", "khan-cap": self = .emergency
        default: return nil
        }
    }

    package var label: String {
        switch self {
        case .normal: return "Thường"
        case .priority: return "Ưu tiên"
        case .emergency: return "Khẩn cấp"
        }
    }
}
