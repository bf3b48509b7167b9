/// The variables a message template may use. A name outside this list is an error when the template is loaded,
/// never a silent blank.
package enum MessageVariables {
    /// Different for each recipient; filled from the audience row.
    package enum Recipient: String, CaseIterable, Sendable {
        case name = "recipient.name"
        case givenName = "recipient.givenName"
        /// "Ông", "Bà", "Anh", "Chị", "Em" from gender and age (see `CallForm`).
        case callForm = "recipient.callForm"
        case village = "recipient.village"
    }

    /// The same for every message of an export: settings, today, and what `--campaign`, `--activity` or `--set` give.
    package static let shared: [String: String] = [
        "commune.name": "tên xã (cài đặt)",
        "commune.province": "tỉnh (cài đặt)",
        "commune.committee": "cơ quan ban hành (cài đặt)",
        "today": "hôm nay, dd/MM/yyyy",
        "today.long": "hôm nay, \"ngày 05 tháng 02 năm 2026\"",
        "campaign.title": "tên chiến dịch",
        "campaign.theme": "chủ đề",
        "campaign.period": "thời gian chiến dịch",
        "activity.title": "tên hoạt động",
        "activity.date": "ngày hoạt động",
        "activity.time": "giờ hoạt động",
        "activity.place": "địa điểm",
        "club.name": "tên câu lạc bộ",
        "club.sessionDate": "ngày sinh hoạt",
        "club.sessionTime": "giờ sinh hoạt",
        "club.place": "nơi sinh hoạt",
        "club.schedule": "lịch sinh hoạt thường lệ (đối tượng signups của một câu lạc bộ)",
        "signup.title": "tên trang đăng ký (đối tượng signups:form=SỐ)",
        "signup.code": "mã trang đăng ký",
        "donation.description": "món quà (tiền hoặc hiện vật)",
        "donation.amount": "số tiền, \"1.500.000 đ\"",
        "donation.amountInWords": "số tiền bằng chữ",
        "donation.date": "ngày nhận",
        "donation.purpose": "mục đích",
        "honour.title": "hình thức, danh hiệu khen thưởng",
        "honour.decision": "số quyết định",
        "honour.year": "năm",
        "village.name": "tên thôn, khi xuất mỗi thôn một bài (--per-village)",
        "signer.name": "người ký (cài đặt)",
        "signer.title": "chức vụ người ký (cài đặt)",
        "signer.onBehalf": "dòng thẩm quyền của tập thể, \"TM. ỦY BAN NHÂN DÂN\"",
        "signer.deputyFor": "\"KT. CHỦ TỊCH\" khi Phó Chủ tịch ký (trống khi Chủ tịch ký)",
    ]

    package static func isKnown(_ name: String) -> Bool { Recipient(rawValue: name) != nil || shared[name] != nil }

    /// Every variable with what it holds, for `densach export templates` and the back office.
    package static var catalogue: [(name: String, meaning: String)] {
        Recipient.allCases.map { ($0.rawValue, $0.meaning) } + shared.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

extension MessageVariables.Recipient {
    var meaning: String {
        switch self {
        case .name: return "họ và tên người nhận"
        case .givenName: return "tên gọi (chữ cuối của họ tên)"
        case .callForm: return "cách xưng hô: Ông, Bà, Anh, Chị, Em"
        case .village: return "thôn của người nhận"
        }
    }
}
