import Vietnamese

/// The language a person prefers messages in. Đăk Tờ Re is home to Xơ Đăng and Ba Na people; Vietnamese is the
/// default (stored as nothing). Codes are ISO 639-3, which message templates' variants are named by
/// (`sms-invitation.sed.mustache`).
package enum MessageLanguage: String, CaseIterable, Sendable, Labelled {
    case vietnamese = "vie", sedang = "sed", bahnar = "bdq"

    package var label: String {
        switch self {
        case .vietnamese: return "Tiếng Việt"
        case .sedang: return "Tiếng Xơ Đăng"
        case .bahnar: return "Tiếng Ba Na"
        }
    }

    package var englishLabel: String {
        switch self {
        case .vietnamese: return "Vietnamese"
        case .sedang: return "Sedang (Xơ Đăng)"
        case .bahnar: return "Bahnar (Ba Na)"
        }
    }

    /// From a form, the API or a CSV cell: the code, or the name with or without tones ("Xơ Đăng", "xo dang").
    package init?(text: String) {
        let folded = VietnameseText.searchWords(text).joined(separator: " ")
        if folded.isEmpty { self = .vietnamese; return }
        if let code = MessageLanguage(rawValue: folded) { self = code; return }
        switch folded.replacingOccurrences(of: "tieng ", with: "") {
        case "viet", "viet nam", "kinh", "vietnamese": self = .vietnamese
        case "xo dang", "sedang", "xodang": self = .sedang
        case "ba na", "bahnar", "bana": self = .bahnar
        default: return nil
        }
    }

    /// As stored: nil for Vietnamese.
    package var stored: String? { self == .vietnamese ? nil : rawValue }
}
