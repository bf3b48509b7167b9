/// Amount in words as receipts write it: "Một triệu năm trăm nghìn đồng".
package enum AmountInWords {
    package static func vnd(_ amount: Int64) -> String {
        var text = words(amount.magnitude)
        if amount < 0 { text = "âm " + text }
        return capitalizedFirst(text) + " đồng"
    }

    /// The number in words, lower case ("một triệu năm trăm nghìn").
    package static func words(_ number: UInt64) -> String {
        if number == 0 { return "không" }
        return read(number, leading: true).joined(separator: " ")
    }

    private static let digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
    private static let billion: UInt64 = 1_000_000_000

    /// Reads a number; above a billion the part before "tỷ" is read again as a number ("một nghìn tỷ").
    private static func read(_ number: UInt64, leading: Bool) -> [String] {
        if number >= billion {
            var out = read(number / billion, leading: leading) + ["tỷ"]
            let rest = number % billion
            if rest > 0 { out += readBelowBillion(rest, leading: false) }
            return out
        }
        return readBelowBillion(number, leading: leading)
    }

    private static func readBelowBillion(_ number: UInt64, leading: Bool) -> [String] {
        let groups = [(number / 1_000_000, "triệu"), ((number / 1000) % 1000, "nghìn"), (number % 1000, "")]
        var out: [String] = []
        var first = leading
        // A group is skipped when zero; once anything has been said, later groups read their hundreds in full.
        let highest = groups.firstIndex(where: { $0.0 > 0 }) ?? 2
        for (index, (value, name)) in groups.enumerated() where index >= highest {
            if value == 0 { continue }
            out += readGroup(Int(value), full: !(first && index == highest))
            if !name.isEmpty { out.append(name) }
            first = false
        }
        return out
    }

    /// Three digits. `full` means the group follows another, so "không trăm" and "linh" are said.
    private static func readGroup(_ value: Int, full: Bool) -> [String] {
        let hundreds = value / 100, tens = (value / 10) % 10, ones = value % 10
        var out: [String] = []
        if hundreds > 0 || full { out += [digits[hundreds], "trăm"] }
        switch tens {
        case 0:
            if ones > 0 && !out.isEmpty { out.append("linh") }
        case 1:
            out.append("mười")
        default:
            out += [digits[tens], "mươi"]
        }
        if ones > 0 {
            switch (ones, tens) {
            case (1, 2...): out.append("mốt")
            case (4, 2...): out.append("tư")
            case (5, 1...): out.append("lăm")
            default: out.append(digits[ones])
            }
        }
        return out
    }

    private static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return String(first).uppercased() + text.dropFirst()
    }
}
