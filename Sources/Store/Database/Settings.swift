import GRDB

/// Editable settings (commune name, report recipient and deadline, targets...). Other modules add keys to `known`.
package enum Settings {
    package struct Key: Sendable, Hashable {
        package let name: String
        package let label: String
        package let defaultValue: String
        package init(_ name: String, label: String, default defaultValue: String) {
            self.name = name; self.label = label; self.defaultValue = defaultValue
        }
    }

    package static let communeName = Key("commune.name", label: "Tên xã", default: "Đăk Tờ Re")
    package static let province = Key("commune.province", label: "Tỉnh", default: "Quảng Ngãi")
    package static let committeeName = Key("commune.committee", label: "Cơ quan ban hành", default: "ỦY BAN NHÂN DÂN XÃ ĐĂK TỜ RE")
    package static let reportRecipient = Key("report.recipient", label: "Nơi nhận báo cáo năm",
                                            default: "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi")
    package static let reportDeadline = Key("report.deadline", label: "Hạn gửi báo cáo năm (ngày/tháng)", default: "20/11")
    package static let signerName = Key("report.signer", label: "Người ký", default: "Trần Thị Phụng")
    package static let signerTitle = Key("report.signerTitle", label: "Chức vụ người ký", default: "PHÓ CHỦ TỊCH")
    package static let defaultLanguage = Key("ui.language", label: "Ngôn ngữ mặc định (vi hoặc en)", default: "vi")
    package static let sessionIdleMinutes = Key("security.sessionIdleMinutes", label: "Tự đăng xuất sau (phút không dùng)", default: "120")

    package static let smsPricePerSegment = Key("sms.pricePerSegment", label: "Giá một phần tin SMS (đồng)", default: "800")
    package static let weeklyMessageCap = Key("messages.weeklyCap", label: "Số tin tối đa một người nhận qua mỗi kênh trong 7 ngày (0: không giới hạn)", default: "3")
    package static let smsBrandname = Key("sms.brandname", label: "Tên định danh gửi SMS (brandname), tối đa 11 ký tự không dấu; để trống nếu chưa đăng ký", default: "")
    package static let loudspeakerWordsPerMinute = Key("loudspeaker.wordsPerMinute", label: "Tốc độ đọc loa (từ mỗi phút)", default: "130")
    package static let loudspeakerVoice = Key("loudspeaker.voice", label: "Giọng đọc loa (vi: miền Bắc, vi-vn-x-central: miền Trung, vi-vn-x-south: miền Nam)", default: "vi")

    package static let clubActiveMonths = Key("clubs.activeMonths",
        label: "CLB hoạt động thường xuyên: có buổi sinh hoạt trong mỗi tháng của bao nhiêu tháng trọn vẹn gần nhất", default: "3")

    /// Public sign-up pages (issue #21): the address printed on posters, and the abuse limits.
    package static let publicAddress = Key("site.publicAddress",
        label: "Địa chỉ công khai của Đèn Sách (in trên áp phích đăng ký, ví dụ https://densach.daktore.gov.vn); để trống: địa chỉ đang dùng",
        default: "")
    package static let signUpsPerSourcePerHour = Key("signup.perSourcePerHour", label: "Số lượt đăng ký tối đa từ một nơi (một địa chỉ mạng) trong một giờ", default: "20")
    package static let signUpsPerPhonePerDay = Key("signup.perPhonePerDay", label: "Số lượt đăng ký tối đa của một số điện thoại trong một ngày", default: "3")

    package static let known: [Key] = [
        communeName, province, committeeName, reportRecipient, reportDeadline, signerName, signerTitle,
        defaultLanguage, sessionIdleMinutes, smsPricePerSegment, smsBrandname, weeklyMessageCap, loudspeakerWordsPerMinute, loudspeakerVoice,
        clubActiveMonths, DedupeRules.nameEditsSetting, DedupeRules.fieldsSetting, publicAddress, signUpsPerSourcePerHour, signUpsPerPhonePerDay,
    ]

    package static func value(_ db: Database, _ key: Key) throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key.name]) ?? key.defaultValue
    }

    package static func all(_ db: Database) throws -> [String: String] {
        var values = Dictionary(uniqueKeysWithValues: known.map { ($0.name, $0.defaultValue) })
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting") {
            values[row["key"]] = row["value"]
        }
        return values
    }

    package static func set(_ db: Database, _ name: String, to value: String, by principal: Principal) throws {
        try principal.require(principal.canManageSettings)
        let old = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [name])
        guard old != value else { return }
        try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [name, value])
        try Audit.record(db, by: principal, .update, entity: "setting", id: nil,
                         before: old.map { [name: $0] }, after: [name: value])
    }
}
