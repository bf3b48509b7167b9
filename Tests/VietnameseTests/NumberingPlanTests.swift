import Testing
@testable import Vietnamese

@Suite("Numbering plan")
struct NumberingPlanTests {
    /// Mobile numbers of every network, in the forms people write them, and the number stored.
    @Test("Allocated mobile numbers are accepted and named by their network", arguments: [
        ("0326 123 456", "+84326123456", "Viettel"), ("0397 654 321", "+84397654321", "Viettel"),
        ("086 912 3456", "+84869123456", "Viettel"), ("0961234567", "+84961234567", "Viettel"),
        ("098.765.4321", "+84987654321", "Viettel"), ("0812 345 678", "+84812345678", "VinaPhone"),
        ("0858-123-456", "+84858123456", "VinaPhone"), ("0888 123 456", "+84888123456", "VinaPhone"),
        ("0912 345 678", "+84912345678", "VinaPhone"), ("0941 234 567", "+84941234567", "VinaPhone"),
        ("0701 234 567", "+84701234567", "MobiFone"), ("0765 432 109", "+84765432109", "MobiFone"),
        ("0797 000 111", "+84797000111", "MobiFone"), ("0898 123 456", "+84898123456", "MobiFone"),
        ("0901 234 567", "+84901234567", "MobiFone"), ("0935 123 456", "+84935123456", "MobiFone"),
        ("0522 123 456", "+84522123456", "Vietnamobile"), ("0563 123 456", "+84563123456", "Vietnamobile"),
        ("0587 123 456", "+84587123456", "Vietnamobile"), ("0921 234 567", "+84921234567", "Vietnamobile"),
        ("0592 123 456", "+84592123456", "Gmobile"), ("0993 123 456", "+84993123456", "Gmobile"),
        ("0559 123 456", "+84559123456", "Wintel"), ("0877 123 456", "+84877123456", "iTel"),
        ("(+84) 912-345-678", "+84912345678", "VinaPhone"), ("0084 386 123 456", "+84386123456", "Viettel"),
        ("+84 (0) 977 123 456", "+84977123456", "Viettel"), ("84 369 123 456", "+84369123456", "Viettel"),
    ])
    func accepted(text: String, stored: String, network: String) throws {
        let number = try PhoneNumber.parse(text).get()
        #expect(number.normalized == stored)
        #expect(number.network == network)
        #expect(number.isMobile)
    }

    @Test("Prefixes no network holds are refused and named", arguments: [
        ("0501 234 567", "050"), ("0531 234 567", "053"), ("0541 234 567", "054"), ("0571 234 567", "057"),
        ("0711 234 567", "071"), ("0721 234 567", "072"), ("0731 234 567", "073"), ("0741 234 567", "074"),
        ("0751 234 567", "075"), ("0801 234 567", "080"), ("0301 234 567", "030"), ("0311 234 567", "031"),
        ("0521 234 567", "0521"), ("0551 234 567", "0551"), ("0891 234 567", "0891"), ("0992 123 456", "0992"),
    ])
    func unallocated(text: String, prefix: String) {
        #expect(throws: PhoneNumber.Rejection.unallocated(prefix)) { try PhoneNumber.parse(text).get() }
        if case .failure(let rejection) = PhoneNumber.parse(text) {
            #expect(rejection.message == "Đầu số \(prefix) chưa được cấp cho mạng di động nào; hãy kiểm tra lại số")
        }
    }

    @Test("A fixed line is refused for a resident and accepted, grouped, for an organisation", arguments: [
        ("0260 3812 100", "+842603812100", "0260 3812 100"), ("02603862123", "+842603862123", "0260 3862 123"),
        ("(0260) 386.2123", "+842603862123", "0260 3862 123"), ("024 3825 1234", "+842438251234", "024 3825 1234"),
        ("028 3829 5555", "+842838295555", "028 3829 5555"), ("+84 260 3812 100", "+842603812100", "0260 3812 100"),
    ])
    func landline(text: String, stored: String, display: String) throws {
        #expect(throws: PhoneNumber.Rejection.landline) { try PhoneNumber.parse(text).get() }
        let number = try PhoneNumber.parse(text, accepting: .mobileOrLandline).get()
        #expect(number.normalized == stored)
        #expect(number.display == display)
        #expect(!number.isMobile)
        #expect(number.network == nil)
        #expect(PhoneNumber.display(stored: stored) == display)
    }

    @Test("A fixed line with an area code that does not exist is refused even for an organisation")
    func unknownAreaCode() {
        #expect(throws: PhoneNumber.Rejection.wrongLength(digits: 11)) { try PhoneNumber.parse("0200 1234 567", accepting: .mobileOrLandline).get() }
        #expect(throws: PhoneNumber.Rejection.wrongLength(digits: 10)) { try PhoneNumber.parse("0260 386 212", accepting: .mobileOrLandline).get() }
    }

    /// libphonenumber's metadata for VN (the newest release's mobile pattern, after the leading 0), as an independent
    /// cross-check: every three- and four-digit block must be mobile in both or in neither. The one difference is
    /// 030 and 031, which its pattern `3\d` admits though no network was ever given them.
    static let libphonenumberMobile = #"(?:5(?:2[238]|59)|89[6-9]|99[013-9])\d{6}|(?:3\d|5[1689]|7[06-9]|8[1-8]|9[0-8])\d{7}"#

    @Test("The table agrees with libphonenumber's metadata on every block from 030 to 0999")
    func agreesWithLibphonenumber() throws {
        let pattern = try Regex(Self.libphonenumberMobile)
        var compared = 0
        for block in 300...999 {
            let national = "0" + String(block) + "123456"
            let theirs = national.dropFirst().wholeMatch(of: pattern) != nil
            let ours = (try? PhoneNumber.parse(national).get()) != nil
            let neverAllocated = block / 10 == 30 || block / 10 == 31
            #expect(ours == (theirs && !neverAllocated), "0\(block)")
            compared += 1
        }
        #expect(compared == 700)
    }

    @Test("Every old 01xx prefix of 2018 leads to a block that is allocated today")
    func oldPrefixesLeadToAllocatedBlocks() {
        #expect(NumberingPlan.oldPrefixes.count == 21)
        for (old, new) in NumberingPlan.oldPrefixes {
            #expect(NumberingPlan.network(ofMobile: new + "1234567") != nil, "\(old) → \(new)")
        }
    }
}
