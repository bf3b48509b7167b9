import Foundation

/// What the rules on advertising messages (NĐ 91/2020/NĐ-CP on spam) ask of an SMS export: a sender name
/// (brandname) of at most 11 characters registered with the carriers; advertising messages labelled "[QC]" first and
/// sent only between 07:00 and 22:00. The export file carries the sender and, for advertising, the window.
package enum SMSRules {
    /// The label an advertising message starts with.
    package static let advertisingLabel = "[QC] "
    /// Hours (local time) advertising may be sent in: from 07:00 to 22:00.
    package static let advertisingHours = 7..<22
    package static let advertisingWindow = "07:00-22:00"

    /// Why a brandname cannot be used, or nil: at most 11 characters, Latin letters without tones, digits, space,
    /// dot, hyphen or underscore (what carriers register).
    package static func brandnameProblem(_ name: String) -> String? {
        if name.isEmpty { return nil }
        if name.count > 11 { return "Tối đa 11 ký tự (đang có \(name.count))" }
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .-_")
        if !name.unicodeScalars.allSatisfy(allowed.contains) { return "Chỉ chữ không dấu, chữ số, dấu cách, chấm, gạch ngang, gạch dưới" }
        return nil
    }

    /// Refuses an advertising send time outside 07:00–22:00 (Vietnam time).
    package static func checkSendTime(_ time: Date?, advertising: Bool, template: String) throws {
        guard advertising, let time else { return }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        let hour = calendar.component(.hour, from: time)
        if !advertisingHours.contains(hour) {
            throw MessagingError("Mẫu \"\(template)\" là tin quảng cáo: chỉ được gửi từ 07:00 đến 22:00 (NĐ 91/2020/NĐ-CP). Chọn giờ gửi khác.")
        }
    }
}
