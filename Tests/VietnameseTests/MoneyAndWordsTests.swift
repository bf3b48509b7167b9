import Testing
@testable import Vietnamese

@Suite("Money")
struct MoneyTests {
    @Test("Đồng shown with dots between thousands")
    func formats() {
        #expect(VND.format(1_500_000) == "1.500.000 đ")
        #expect(VND.format(0) == "0 đ")
        #expect(VND.format(999) == "999 đ")
        #expect(VND.format(-25_000) == "-25.000 đ")
        #expect(VND.format(12_345_678_901) == "12.345.678.901 đ")
    }

    @Test("What staff type is parsed as whole đồng")
    func parses() {
        #expect(VND.parse("1.500.000") == 1_500_000)
        #expect(VND.parse("1500000 đ") == 1_500_000)
        #expect(VND.parse(" 2 000 000đồng") == 2_000_000)
        // Amounts as people say them, with a decimal comma before the unit.
        #expect(VND.parse("1,5 triệu") == 1_500_000)
        #expect(VND.parse("1.5 triệu đồng") == 1_500_000)
        #expect(VND.parse("500 nghìn") == 500_000)
        #expect(VND.parse("300k") == 300_000)
        #expect(VND.parse("1,5 million") == 1_500_000)
        #expect(VND.parse("2 tỷ") == 2_000_000_000)
        #expect(VND.parse("1,500,000") == 1_500_000)
        // Read two ways, or not whole đồng: refused, never taken as 15 đồng.
        #expect(VND.parse("1,5") == nil)
        #expect(VND.parse("1.50.000") == nil)
        #expect(VND.parse("1.500,000") == nil)
        #expect(VND.parse("1,0000001 triệu") == nil)
        #expect(VND.parse("99999999999999 tỷ") == nil)
        #expect(VND.parse("") == nil)
    }
}

@Suite("Amount in words")
struct AmountInWordsTests {
    @Test("Receipts write amounts in words", arguments: [
        (Int64(1_500_000), "Một triệu năm trăm nghìn đồng"),
        (0, "Không đồng"),
        (5, "Năm đồng"),
        (10, "Mười đồng"),
        (15, "Mười lăm đồng"),
        (21, "Hai mươi mốt đồng"),
        (24, "Hai mươi tư đồng"),
        (25, "Hai mươi lăm đồng"),
        (105, "Một trăm linh năm đồng"),
        (110, "Một trăm mười đồng"),
        (1_000, "Một nghìn đồng"),
        (1_005, "Một nghìn không trăm linh năm đồng"),
        (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
        (2_000_500, "Hai triệu năm trăm đồng"),
        (250_000, "Hai trăm năm mươi nghìn đồng"),
        (1_000_000_000, "Một tỷ đồng"),
        (3_200_000_000, "Ba tỷ hai trăm triệu đồng"),
        (1_000_000_000_000, "Một nghìn tỷ đồng"),
        (11, "Mười một đồng"),
        (41, "Bốn mươi mốt đồng"),
    ])
    func words(amount: Int64, expected: String) {
        #expect(AmountInWords.vnd(amount) == expected)
    }
}
