/// Numbers with one decimal as Vietnamese writes them: a dot between thousands, a comma before the decimal.
package enum DecimalText {
    /// "1.234,5", "30" (no ",0"); "—" for no value.
    package static func number(_ value: Double?) -> String {
        guard let value else { return "—" }
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? VND.grouped(Int64(tenths / 10)) : "\(VND.grouped(Int64(tenths / 10))),\(abs(tenths % 10))"
    }

    /// "72,7%".
    package static func percent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10),\(tenths % 10)%"
    }
}
