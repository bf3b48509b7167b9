import GRDB

/// Editable settings (commune name, report recipient and deadline, targets...). Other modules add keys to `known`.
public enum Settings {
    public struct Key: Sendable, Hashable {
        public let name: String
        public let label: String
        public let defaultValue: String
        public init(_ name: String, label: String, default defaultValue: String) {
            self.name = name; self.label = label; self.defaultValue = defaultValue
        }
    }

    public static let communeName = Key("commune.name", label: "Tên xã", default: "Đăk Tờ Re")
    public static let province = Key("commune.province", label: "Tỉnh", default: "Quảng Ngãi")
    public static let committeeName = Key("commune.committee", label: "Cơ quan ban hành", default: "ỦY BAN NHÂN DÂN XÃ ĐĂK TỜ RE")
    public static let reportRecipient = Key("report.recipient", label: "Nơi nhận báo cáo năm",
                                            default: "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi")
    public static let reportDeadline = Key("report.deadline", label: "Hạn gửi báo cáo năm (ngày/tháng)", default: "20/11")
    public static let signerName = Key("report.signer", label: "Người ký", default: "Trần Thị Phụng")
    public static let signerTitle = Key("report.signerTitle", label: "Chức vụ người ký", default: "PHÓ CHỦ TỊCH")
    public static let defaultLanguage = Key("ui.language", label: "Ngôn ngữ mặc định (vi hoặc en)", default: "vi")
    public static let sessionIdleMinutes = Key("security.sessionIdleMinutes", label: "Tự đăng xuất sau (phút không dùng)", default: "120")

    public static let smsPricePerSegment = Key("sms.pricePerSegment", label: "Giá một phần tin SMS (đồng)", default: "800")
    public static let weeklyMessageCap = Key("messages.weeklyCap", label: "Số tin tối đa một người nhận qua mỗi kênh trong 7 ngày (0: không giới hạn)", default: "3")
    public static let smsBrandname = Key("sms.brandname", label: "Tên định danh gửi SMS (brandname), tối đa 11 ký tự không dấu; để trống nếu chưa đăng ký", default: "")
    public static let loudspeakerWordsPerMinute = Key("loudspeaker.wordsPerMinute", label: "Tốc độ đọc loa (từ mỗi phút)", default: "130")
    public static let loudspeakerVoice = Key("loudspeaker.voice", label: "Giọng đọc loa (vi: miền Bắc, vi-vn-x-central: miền Trung, vi-vn-x-south: miền Nam)", default: "vi")

    public static let clubActiveMonths = Key("clubs.activeMonths", label: "CLB hoạt động thường xuyên: có buổi sinh hoạt trong mỗi tháng của bao nhiêu tháng trọn vẹn gần nhất", default: "3")

    /// Public sign-up pages (issue #21): the address printed on posters, and the abuse limits.
    public static let publicAddress = Key("site.publicAddress", label: "Địa chỉ công khai của Đèn Sách (in trên áp phích đăng ký, ví dụ https://densach.daktore.gov.vn); để trống: địa chỉ đang dùng", default: "")
    public static let signUpsPerSourcePerHour = Key("signup.perSourcePerHour", label: "Số lượt đăng ký tối đa từ một nơi (một địa chỉ mạng) trong một giờ", default: "20")
    public static let signUpsPerPhonePerDay = Key("signup.perPhonePerDay", label: "Số lượt đăng ký tối đa của một số điện thoại trong một ngày", default: "3")

    public static let known: [Key] = [
        communeName, province, committeeName, reportRecipient, reportDeadline, signerName, signerTitle,
        defaultLanguage, sessionIdleMinutes, smsPricePerSegment, smsBrandname, weeklyMessageCap, loudspeakerWordsPerMinute, loudspeakerVoice,
        clubActiveMonths, DedupeRules.nameEditsSetting, DedupeRules.fieldsSetting, publicAddress, signUpsPerSourcePerHour, signUpsPerPhonePerDay,
    ]

    public static func value(_ db: Database, _ key: Key) throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key.name]) ?? key.defaultValue
    }

    public static func all(_ db: Database) throws -> [String: String] {
        var values = Dictionary(uniqueKeysWithValues: known.map { ($0.name, $0.defaultValue) })
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting") {
            values[row["key"]] = row["value"]
        }
        return values
    }

    public static func set(_ db: Database, _ name: String, to value: String, by principal: Principal) throws {
        try principal.require(principal.canManageSettings)
        let old = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [name])
        guard old != value else { return }
        try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [name, value])
        try Audit.record(db, by: principal, .update, entity: "setting", id: nil,
                         before: old.map { [name: $0] }, after: [name: value])
    }
}
