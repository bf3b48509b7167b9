import Testing
@testable import Vietnamese

@Suite("SMS encoding and parts")
struct SMSTextTests {
    @Test("GSM-7: 160 characters is one message, 161 is two parts of 153")
    func gsmBoundaries() {
        #expect(SMSText.measure(String(repeating: "a", count: 160)) == .init(encoding: .gsm7, length: 160, segments: 1))
        #expect(SMSText.measure(String(repeating: "a", count: 161)) == .init(encoding: .gsm7, length: 161, segments: 2))
        #expect(SMSText.measure(String(repeating: "a", count: 306)).segments == 2)
        #expect(SMSText.measure(String(repeating: "a", count: 307)).segments == 3)
    }

    @Test("Vietnamese with tones is UCS-2: 70 is one message, 71 is two parts of 67")
    func ucs2Boundaries() {
        #expect(SMSText.measure(String(repeating: "ệ", count: 70)) == .init(encoding: .ucs2, length: 70, segments: 1))
        #expect(SMSText.measure(String(repeating: "ệ", count: 71)) == .init(encoding: .ucs2, length: 71, segments: 2))
        #expect(SMSText.measure(String(repeating: "ệ", count: 134)).segments == 2)
        #expect(SMSText.measure(String(repeating: "ệ", count: 135)).segments == 3)
    }

    @Test("One accented letter turns a whole GSM message into UCS-2")
    func mixedText() {
        let plain = String(repeating: "a", count: 100)
        #expect(SMSText.measure(plain).segments == 1)
        let mixed = SMSText.measure(plain + "ờ")
        #expect(mixed.encoding == .ucs2)
        #expect(mixed.segments == 2)
    }

    @Test("Extension characters count twice; GSM letters such as é stay GSM-7")
    func extensionTable() {
        #expect(SMSText.measure(String(repeating: "a", count: 159) + "€").segments == 2)
        #expect(SMSText.measure(String(repeating: "a", count: 158) + "[").length == 160)
        #expect(SMSText.measure("Café ở Hà").encoding == .ucs2)
        #expect(SMSText.measure("Café à la").encoding == .gsm7)
    }

    @Test("Folding to ASCII keeps case, drops tones, turns đ into d and makes quotes plain")
    func folding() {
        #expect(SMSText.asciiFolded("Thư viện Đăk Tờ Re mời ông Nguyễn Văn Đức") == "Thu vien Dak To Re moi ong Nguyen Van Duc")
        #expect(SMSText.asciiFolded("“Ngày Sách” – 21/4…") == "\"Ngay Sach\" - 21/4...")
        #expect(SMSText.asciiFolded("ỨNG DỤNG") == "UNG DUNG")
        let folded = SMSText.asciiFolded("Kính mời Bà Phạm Thị Hoà (NFD: Hoa\u{0300}) dự Tuần lễ học tập suốt đời")
        #expect(folded.utf8.allSatisfy { $0 < 0x80 })
        #expect(SMSText.measure(folded).encoding == .gsm7)
    }
}
