/// Vietnamese đồng: no minor unit, always whole integers.
public enum VND {
    /// "1.500.000 đ"
    public static func format(_ amount: Int64) -> String {
        grouped(amount) + " đ"
    }

    /// "1.500.000" (dots between thousands, as Vietnamese documents write them).
    public static func grouped(_ amount: Int64) -> String {
        let digits = String(amount.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return amount < 0 ? "-" + out : out
    }

    /// Parses what staff type into a form: "1.500.000", "1500000", "1 500 000 đ". Nil when it is not a whole amount.
    public static func parse(_ text: String) -> Int64? {
        var cleaned = text.trimmingCharacters(in: .whitespaces)
        for suffix in ["đồng", "đ", "VND", "vnd"] where cleaned.hasSuffix(suffix) {
            cleaned = String(cleaned.dropLast(suffix.count))
        }
        let digits = cleaned.filter { $0 != "." && $0 != " " && $0 != "," && $0 != "\u{00A0}" }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(digits)
    }
}
