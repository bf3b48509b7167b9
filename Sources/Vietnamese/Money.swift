/// Vietnamese đồng: no minor unit, always whole integers.
package enum VND {
    /// "1.500.000 đ"
    package static func format(_ amount: Int64) -> String {
        grouped(amount) + " đ"
    }

    /// "1.500.000" (dots between thousands, as Vietnamese documents write them).
    package static func grouped(_ amount: Int64) -> String {
        let digits = String(amount.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return amount < 0 ? "-" + out : out
    }

    /// Parses what staff type into a form: "1.500.000", "1500000", "1 500 000 đ", "1,500,000", and amounts in words
    /// of a unit as people say them: "1,5 triệu", "500 nghìn", "2 tỷ", "300k". Nil when it is not a whole amount or
    /// could be read two ways: "1,5" alone (one and a half? fifteen?) is refused rather than taken as 15 đồng.
    package static func parse(_ text: String) -> Int64? {
        var cleaned = text.trimmingCharacters(in: .whitespaces).lowercased()
        for suffix in ["đồng", "đ", "vnd"] where cleaned.hasSuffix(suffix) {
            cleaned = String(cleaned.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
        }
        for (word, unit) in units where cleaned.hasSuffix(word) {
            let number = cleaned.dropLast(word.count).trimmingCharacters(in: .whitespaces)
            return scaled(number, by: unit)
        }
        return grouped(parsing: cleaned)
    }

    private static let units: [(String, Int64)] = [
        ("triệu", 1_000_000), ("tr", 1_000_000), ("nghìn", 1_000), ("ngàn", 1_000), ("k", 1_000), ("tỷ", 1_000_000_000), ("tỉ", 1_000_000_000),
        ("million", 1_000_000), ("thousand", 1_000), ("billion", 1_000_000_000),
    ]

    /// Digits, or digits grouped by threes with one kind of separator (dot, comma or space).
    private static func grouped(parsing text: String) -> Int64? {
        let separators: Set<Character> = [".", ",", " ", "\u{00A0}"]
        let used = Set(text.filter { separators.contains($0) })
        guard !text.isEmpty, used.count <= 1 else { return nil }
        let groups = used.isEmpty ? [Substring(text)] : text.split(separator: used.first!, omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              groups.count == 1 || (groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }) else { return nil }
        return Int64(groups.joined())
    }

    /// "1,5" or "1.5" times a unit, whole đồng only ("1,5 triệu" = 1.500.000; "1,0000001 triệu" is refused).
    private static func scaled(_ number: String, by unit: Int64) -> Int64? {
        let parts = number.split(whereSeparator: { $0 == "," || $0 == "." }).map(String.init)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let whole = Int64(parts[0]), parts[0].count <= 12 else { return nil }
        let (total, overflow) = whole.multipliedReportingOverflow(by: unit)
        guard !overflow else { return nil }
        guard parts.count == 2 else { return total }
        let fraction = parts[1]
        var scale: Int64 = 1
        for _ in fraction { scale *= 10; if scale > unit { return nil } }
        guard let digits = Int64(fraction), (digits * unit) % scale == 0 else { return nil }
        return total + digits * unit / scale
    }
}
