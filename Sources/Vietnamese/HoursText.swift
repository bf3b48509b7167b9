import Foundation

/// Hours (volunteering, training, self-study) are kept in minutes and typed as "2", "2,5", "2.5" or "2:30".
package enum HoursText {
    package static func minutes(_ text: String) -> Int? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let colon = text.firstIndex(of: ":") {
            guard let hours = Int(text[..<colon]), let minutes = Int(text[text.index(after: colon)...]), minutes < 60, (0..<1_000_000).contains(hours) else { return nil }
            return hours * 60 + minutes
        }
        // Bounded before the conversion: "1e300" hours would trap converting to Int (a crash the fuzzer found).
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value > 0, value.isFinite, value < 1_000_000 else { return nil }
        return Int((value * 60).rounded())
    }

    /// "2,5 giờ" style: whole hours alone, otherwise one decimal with a comma.
    package static func display(_ minutes: Int) -> String {
        if minutes % 60 == 0 { return String(minutes / 60) }
        let tenths = (minutes * 10 + 30) / 60
        return "\(tenths / 10),\(tenths % 10)"
    }
}
