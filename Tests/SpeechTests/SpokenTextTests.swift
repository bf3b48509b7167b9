import Foundation
@testable import Speech
import Testing

/// Text said as an announcer says it, before espeak-ng reads it: each line of the table written from the Vietnamese
/// rules (dates with "mùng" for days 1–10 and "tháng tư", times with "giờ" and "phút", money in words with "đồng",
/// phones digit by digit in their groups, "thứ nhất"/"thứ tư", ranges "từ … đến …").
@Suite("Spoken text for the loudspeaker")
struct SpokenTextTests {
    static let normaliser = SpokenText(abbreviations: [
        "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "MTTQ": "Mặt trận Tổ quốc", "CLB": "câu lạc bộ", "HTX": "hợp tác xã",
        "TDTT": "thể dục thể thao", "THCS": "trung học cơ sở", "NVH": "nhà văn hóa", "km": "ki lô mét", "m2": "mét vuông",
    ])

    static let table: [(String, String)] = [
        // Numbers
        ("0", "không"), ("5", "năm"), ("10", "mười"), ("15", "mười lăm"), ("21", "hai mươi mốt"), ("24", "hai mươi tư"),
        ("25", "hai mươi lăm"), ("105", "một trăm linh năm"), ("1.067", "một nghìn không trăm sáu mươi bảy"),
        ("2026", "hai nghìn không trăm hai mươi sáu"), ("1,5", "một phẩy năm"), ("2,25", "hai phẩy hai mươi lăm"),
        ("0,05", "không phẩy không năm"), ("40 hộ", "bốn mươi hộ"), ("có 2 hộ", "có hai hộ"),
        // Ordinals
        ("thứ 2", "thứ hai"), ("thứ 1", "thứ nhất"), ("lần thứ 4", "lần thứ tư"), ("hạng 3", "hạng ba"),
        // Dates
        ("21/4", "ngày hai mươi mốt tháng tư"), ("ngày 21/4", "ngày hai mươi mốt tháng tư"),
        ("21/04/2026", "ngày hai mươi mốt tháng tư năm hai nghìn không trăm hai mươi sáu"),
        ("5/10", "ngày mùng năm tháng mười"), ("mùng 5/1", "mùng năm tháng một"), ("Ngày 1/6", "Ngày mùng một tháng sáu"),
        ("31/12/2025", "ngày ba mươi mốt tháng mười hai năm hai nghìn không trăm hai mươi lăm"),
        ("20/11", "ngày hai mươi tháng mười một"), ("đạt 5/40", "đạt năm trên bốn mươi"),
        ("21/4 - 25/4", "từ ngày hai mươi mốt tháng tư đến ngày hai mươi lăm tháng tư"),
        // Times
        ("8h00", "tám giờ"), ("8h", "tám giờ"), ("19h30", "mười chín giờ ba mươi phút"), ("7:30", "bảy giờ ba mươi phút"),
        ("8 giờ 15", "tám giờ mười lăm phút"), ("14h05", "mười bốn giờ năm phút"),
        ("7h30-11h", "từ bảy giờ ba mươi phút đến mười một giờ"), ("lúc 8h00 ngày 21/4", "lúc tám giờ ngày hai mươi mốt tháng tư"),
        // Money
        ("1.500.000 đồng", "một triệu năm trăm nghìn đồng"), ("1.500.000đ", "một triệu năm trăm nghìn đồng"),
        ("500.000 VNĐ", "năm trăm nghìn đồng"), ("1,5 triệu đồng", "một triệu năm trăm nghìn đồng"),
        ("2 tỷ đồng", "hai tỷ đồng"), ("300 nghìn đồng", "ba trăm nghìn đồng"), ("50.000 đ.", "năm mươi nghìn đồng."),
        // Percentages and ranges
        ("40%", "bốn mươi phần trăm"), ("72,5 %", "bảy mươi hai phẩy năm phần trăm"),
        ("18-60 tuổi", "từ mười tám đến sáu mươi tuổi"), ("3 – 5 người", "từ ba đến năm người"),
        ("2025-2030", "từ hai nghìn không trăm hai mươi lăm đến hai nghìn không trăm ba mươi"),
        // Phones, digit by digit
        ("0905123456", "không chín không năm, một hai ba, bốn năm sáu"),
        ("0905 123 456", "không chín không năm, một hai ba, bốn năm sáu"),
        ("0905.123.456", "không chín không năm, một hai ba, bốn năm sáu"),
        ("+84905123456", "không chín không năm, một hai ba, bốn năm sáu"),
        ("gọi 0356789012.", "gọi không ba năm sáu, bảy tám chín, không một hai."),
        // Long digit strings and codes
        ("mã 123456789", "mã một hai ba, bốn năm sáu, bảy tám chín"), ("lớp 5A", "lớp năm A"),
        // Abbreviations and units
        ("UBND xã", "Ủy ban nhân dân xã"), ("HĐND và MTTQ", "Hội đồng nhân dân và Mặt trận Tổ quốc"),
        ("CLB Đọc sách", "câu lạc bộ Đọc sách"), ("HTX nông nghiệp", "hợp tác xã nông nghiệp"),
        ("Hội thao TDTT", "Hội thao thể dục thể thao"), ("trường THCS", "trường trung học cơ sở"), ("tại NVH thôn", "tại nhà văn hóa thôn"),
        ("cách 3 km", "cách ba ki lô mét"), ("rộng 200 m2", "rộng hai trăm mét vuông"), ("UBNDX", "UBNDX"),
        // Symbols and words left alone
        ("sách & báo", "sách và báo"), ("Kính thưa bà con!", "Kính thưa bà con!"), ("2 hộ nghèo", "hai hộ nghèo"),
    ]

    @Test("At least 60 texts read as an announcer reads them")
    func table() {
        #expect(Self.table.count >= 60)
        for (input, expected) in Self.table {
            #expect(Self.normaliser.spoken(input) == expected, "\(input)")
        }
    }

    @Test("No digit reaches the speech engine, whatever the text")
    func noDigitsLeft() {
        let messy = "Mã 00012345678901234567890, 3/2/1, 1.2.3, 99:99, 25h, 1e10, 12,345,678, №5, v2.0, 0x1F, 1/0, 999999999999999999999"
        let spoken = Self.normaliser.spoken(messy)
        let hasDigit = spoken.contains { $0.isNumber }
        #expect(!hasDigit, "\(spoken)")
    }

    @Test("The abbreviations file of the project loads; a wrong line names its file and line")
    func abbreviationsFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let loaded = try SpokenText(abbreviationsFile: root.appendingPathComponent("campaigns/abbreviations.yaml").path)
        #expect(loaded.abbreviations["UBND"] == "Ủy ban nhân dân" && loaded.abbreviations.count >= 20)
        let broken = NSTemporaryDirectory() + "densach-abbr-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: broken) }
        try "abbreviations:\n  UBND: Ủy ban\n  CLB: [a, b]\n".write(toFile: broken, atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try SpokenText(abbreviationsFile: broken) }
    }
}
