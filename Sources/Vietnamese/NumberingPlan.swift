/// The national numbering plan's mobile prefixes and fixed-line area codes, as data: one line per block, read once.
/// Updating the plan (a new block allocated, one withdrawn) means editing these lines and nothing else.
/// Sources: QĐ 798/QĐ-BTTTT (2018) for the change of 11-digit numbers; the allocations as libphonenumber's
/// metadata for VN has them (checked in the tests), without 030 and 031, which were never allocated.
enum NumberingPlan {
    /// Mobile blocks: a prefix of three or four digits (with the leading 0), or a range of three-digit prefixes, then
    /// the network that holds it.
    static let mobileBlocks = """
        032-039 Viettel
        051     MobiFone
        0522    Vietnamobile
        0523    Vietnamobile
        0528    Vietnamobile
        0559    Wintel
        056     Vietnamobile
        058     Vietnamobile
        059     Gmobile
        070     MobiFone
        076-079 MobiFone
        081-085 VinaPhone
        086     Viettel
        087     iTel
        088     VinaPhone
        0896-0899 MobiFone
        090     MobiFone
        091     VinaPhone
        092     Vietnamobile
        093     MobiFone
        094     VinaPhone
        095     MobiFone
        096-098 Viettel
        0990-0991 Gmobile
        0993-0999 Gmobile
        """

    /// The 2018 change of 11-digit mobile numbers to 10 digits: old prefix, new prefix.
    static let oldToNew = """
        0120 070
        0121 079
        0122 077
        0126 076
        0128 078
        0123 083
        0124 084
        0125 085
        0127 081
        0129 082
        0162 032
        0163 033
        0164 034
        0165 035
        0166 036
        0167 037
        0168 038
        0169 039
        0186 056
        0188 058
        0199 059
        """

    /// Fixed-line area codes (0 and three digits; Hà Nội 024 and Hồ Chí Minh City 028 take four digits after them).
    static let areaCodeBlocks = """
        0203-0209
        0210-0216
        0218-0222
        0225-0229
        0232-0239
        0242-0248
        0251-0252
        0254-0263
        0269-0277
        0282-0294
        0296-0297
        0299
        """

    /// Every allocated mobile prefix, three or four digits, to its network.
    static let mobile: [String: String] = {
        var table: [String: String] = [:]
        for (prefixes, rest) in blocks(mobileBlocks) {
            for prefix in prefixes { table[prefix] = rest }
        }
        return table
    }()

    static let areaCodes: Set<String> = Set(blocks(areaCodeBlocks).flatMap(\.prefixes))

    static let oldPrefixes: [String: String] = {
        var table: [String: String] = [:]
        for line in oldToNew.split(separator: "\n") {
            let parts = line.split(separator: " ")
            table[String(parts[0])] = String(parts[1])
        }
        return table
    }()

    /// The network of a ten-digit national mobile number, or nil when its prefix is not allocated.
    static func network(ofMobile national: String) -> String? {
        mobile[String(national.prefix(4))] ?? mobile[String(national.prefix(3))]
    }

    /// "032-039 Viettel" → (["032", …, "039"], "Viettel").
    private static func blocks(_ text: String) -> [(prefixes: [String], rest: String)] {
        text.split(separator: "\n").map { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            let range = parts[0].split(separator: "-")
            let first = String(range[0]), last = String(range.count > 1 ? range[1] : range[0])
            let width = first.count
            let prefixes = (Int(first)!...Int(last)!).map { number in
                let digits = String(number)
                return String(repeating: "0", count: width - digits.count) + digits
            }
            return (prefixes, parts.count > 1 ? String(parts[1].drop(while: { $0 == " " })) : "")
        }
    }
}
