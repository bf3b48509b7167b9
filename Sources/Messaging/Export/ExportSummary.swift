import Store
import Vietnamese

/// What an export did: how many messages, who was left out and why, and what it costs.
package struct ExportSummary: Sendable, Equatable {
    package enum Exclusion: String, CaseIterable, Sendable, Labelled {
        case noConsent, withdrawn, noPhone, invalidPhone, duplicatePhone, weeklyCap

        package var label: String {
            switch self {
            case .noConsent: return "chưa đồng ý nhận qua kênh này"
            case .withdrawn: return "đã rút lại đồng ý"
            case .noPhone: return "không có số điện thoại"
            case .invalidPhone: return "số điện thoại không hợp lệ (xem tệp số bị loại)"
            case .duplicatePhone: return "trùng số điện thoại với người đã có trong danh sách"
            case .weeklyCap: return "đã nhận đủ số tin tối đa qua kênh này trong 7 ngày (cài đặt)"
            }
        }

        package var englishLabel: String {
            switch self {
            case .noConsent: return "no consent for this channel"
            case .withdrawn: return "consent withdrawn"
            case .noPhone: return "no phone number"
            case .invalidPhone: return "invalid phone number (see the rejected numbers file)"
            case .duplicatePhone: return "same phone number as someone already on the list"
            case .weeklyCap: return "already had the most messages on this channel in 7 days (a setting)"
            }
        }
    }

    package var messages = 0
    /// People the audience holds (for posts and broadcasts: how many it reaches).
    package var audienceSize = 0
    package var excluded: [Exclusion: Int] = [:]
    package var segments = 0
    package var gsm7Messages = 0
    package var ucs2Messages = 0
    package var pricePerSegment: Int64 = 0
    /// Loudspeaker: the longest script's reading time (measured from its sound file when there is one).
    package var readingSeconds = 0
    /// Loudspeaker with audio: the sound files written, one per script.
    package var audioFiles: [String] = []
    /// Messages by language code, when the template has translations.
    package var languages: [String: Int] = [:]
    /// SMS of an advertising template: labelled "[QC]", to be sent within this window.
    package var advertisingWindow: String?

    package var excludedTotal: Int { excluded.values.reduce(0, +) }
    package var estimatedCost: Int64 { Int64(segments) * pricePerSegment }

    /// The lines printed after an export and shown in the back office.
    package var lines: [String] { lines(english: false) }

    /// The summary in the reader's language (the command line and the Vietnamese pages use `lines`).
    package func lines(english: Bool) -> [String] {
        func n(_ value: Int) -> String { VND.grouped(Int64(value)) }
        var lines = [(english ? "Messages: " : "Tin nhắn: ") + n(messages)]
        if excludedTotal > 0 {
            lines.append((english ? "Left out: " : "Loại ra: ") + n(excludedTotal))
            for reason in Exclusion.allCases {
                if let count = excluded[reason], count > 0 { lines.append("  · \(reason.label(english: english)): \(n(count))") }
            }
        }
        if segments > 0 {
            // In words staff use: a message without tones fits 160 characters a part, with tones 70.
            lines.append(english
                ? "SMS parts: \(n(segments)) (messages without tones: \(n(gsm7Messages)), with tones: \(n(ucs2Messages)))"
                : "Số phần tin SMS: \(n(segments)) (tin không dấu: \(n(gsm7Messages)), tin có dấu: \(n(ucs2Messages)))")
            lines.append(english
                ? "Estimated cost: \(VND.format(estimatedCost)) (\(VND.format(pricePerSegment)) a part)"
                : "Chi phí ước tính: \(VND.format(estimatedCost)) (\(VND.format(pricePerSegment)) mỗi phần tin)")
        }
        if !languages.isEmpty {
            let counts = MessageLanguage.allCases.compactMap { language in
                languages[language.rawValue].map { "\(language.label(english: english)) \(n($0))" }
            }
            lines.append((english ? "By language: " : "Theo ngôn ngữ: ") + counts.joined(separator: ", "))
        }
        if let window = advertisingWindow {
            lines.append(english ? "Advertising: labelled [QC], to be sent only \(window)" : "Tin quảng cáo: có nhãn [QC], chỉ gửi trong khung \(window)")
        }
        if readingSeconds > 0 && audioFiles.isEmpty {
            lines.append(english ? "Reading time: about \(readingSeconds / 60) min \(readingSeconds % 60) s"
                                 : "Thời gian đọc: khoảng \(readingSeconds / 60) phút \(readingSeconds % 60) giây")
        }
        if !audioFiles.isEmpty {
            lines.append(english ? "Sound files: \(audioFiles.joined(separator: ", ")) (longest \(readingSeconds / 60) min \(readingSeconds % 60) s, measured)"
                                 : "Tệp âm thanh: \(audioFiles.joined(separator: ", ")) (dài nhất \(readingSeconds / 60) phút \(readingSeconds % 60) giây, đo từ tệp)")
        }
        return lines
    }
}
