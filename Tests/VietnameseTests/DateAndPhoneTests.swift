import Foundation
import Testing
@testable import Vietnamese

@Suite("Dates")
struct CivilDateTests {
    @Test("Tables show dd/MM/yyyy; documents write the long form with leading zeros for days and months 1–2")
    func formats() throws {
        let feb = try #require(CivilDate(year: 2026, month: 2, day: 5))
        #expect(feb.display == "05/02/2026")
        #expect(feb.documentForm == "ngày 05 tháng 02 năm 2026")
        let nov = try #require(CivilDate(year: 2026, month: 11, day: 20))
        #expect(nov.documentForm == "ngày 20 tháng 11 năm 2026")
        let march = try #require(CivilDate(year: 2026, month: 3, day: 9))
        #expect(march.documentForm == "ngày 09 tháng 3 năm 2026")
    }

    @Test("Parses both what people type and what forms send; refuses impossible days")
    func parses() {
        #expect(CivilDate(parsing: "05/02/2026") == CivilDate(year: 2026, month: 2, day: 5))
        #expect(CivilDate(parsing: "5/2/2026") == CivilDate(year: 2026, month: 2, day: 5))
        #expect(CivilDate(parsing: "2026-02-05") == CivilDate(year: 2026, month: 2, day: 5))
        #expect(CivilDate(parsing: "30/02/2026") == nil)
        #expect(CivilDate(parsing: "29/02/2024") != nil)
        #expect(CivilDate(parsing: "hôm qua") == nil)
    }

    @Test("Today is counted in Vietnam time, not the server's zone")
    func todayInVietnam() {
        // 2026-12-31 18:30 UTC is already 1 January 2027 in Vietnam.
        let instant = Date(timeIntervalSince1970: 1_798_741_800)
        #expect(CivilDate.today(now: instant) == CivilDate(year: 2027, month: 1, day: 1))
    }
}

@Suite("Phone numbers")
struct PhoneNumberTests {
    @Test("Accepted spellings normalise to +84", arguments: [
        "0912345678", "0912 345 678", "0912.345.678", "0912-345-678", "+84912345678", "84912345678", "+84 912 345 678",
        "912345678", "(+84) 912-345-678", "(+84)912345678", "0084 912 345 678", "0084912345678", "+84 (0) 912 345 678",
    ])
    func accepts(text: String) throws {
        let number = try PhoneNumber.parse(text).get()
        #expect(number.normalized == "+84912345678")
        #expect(number.original == text.trimmingCharacters(in: .whitespaces))
        #expect(number.display == "0912 345 678")
    }

    @Test("Rejected numbers say why")
    func rejects() {
        #expect(throws: PhoneNumber.Rejection.wrongLength(digits: 8)) { try PhoneNumber.parse("09123456").get() }
        #expect(throws: PhoneNumber.Rejection.landline, "Kon Tum's 0260 is a fixed line") { try PhoneNumber.parse("0260 386 212").get() }
        #expect(throws: PhoneNumber.Rejection.landline) { try PhoneNumber.parse("0260 3862 123").get() }
        #expect(throws: PhoneNumber.Rejection.invalidCharacters) { try PhoneNumber.parse("09a2345678").get() }
        #expect(throws: PhoneNumber.Rejection.empty) { try PhoneNumber.parse("  ").get() }
        if case .failure(let rejection) = PhoneNumber.parse("0112345678") {
            #expect(rejection.message.contains("03, 05, 07, 08, 09"))
        } else {
            Issue.record("0112345678 must be refused")
        }
        #expect(throws: PhoneNumber.Rejection.invalidCharacters, "a + after digits") { try PhoneNumber.parse("0912+345678").get() }
    }

    @Test("An old 11-digit 01xx number says what it became in 2018", arguments: [
        ("01692345678", "0392345678"), ("0169 234 5678", "0392345678"), ("01212345678", "0792345678"),
        ("01232345678", "0832345678"), ("01862345678", "0562345678"), ("01992345678", "0592345678"), ("+841692345678", "0392345678"),
    ])
    func oldNumbers(old: String, new: String) {
        guard case .failure(.oldNumber(_, let said)) = PhoneNumber.parse(old) else { Issue.record("\(old) must be named as an old number"); return }
        #expect(said == new)
        if case .failure(let rejection) = PhoneNumber.parse(old) { #expect(rejection.message.contains("đã đổi thành \(new)")) }
    }
}

@Suite("Why a date is refused")
struct DateProblemTests {
    @Test("A date that does not exist is named as such, not as a wrong format")
    func nonexistentDates() {
        #expect(CivilDate.problem(parsing: "31/02/2020", what: "Ngày nhận") == "Ngày nhận: không có ngày 31/2/2020 — tháng 2 năm 2020 có 29 ngày")
        #expect(CivilDate.problem(parsing: "29/02/2023", what: "Ngày sinh")?.contains("có 28 ngày") == true)
        #expect(CivilDate.problem(parsing: "12/13/2020", what: "Ngày nhận") == "Ngày nhận: không có tháng 13 (tháng từ 1 đến 12)")
        #expect(CivilDate.problem(parsing: "hôm qua", what: "Ngày nhận") == "Ngày nhận ghi theo dạng ngày/tháng/năm, ví dụ 05/02/2026")
        #expect(CivilDate.problem(parsing: "29/02/2024", what: "Ngày nhận") == nil)
    }
}
