/// NĐ 30/2020's signature block, chosen by who issues the document and who signs it.
package enum Signing {
    package enum Authority: Sendable {
        /// The Chairman decides in the Chairman's own name (commendation decisions, certificates): "CHỦ TỊCH", or
        /// "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH" when a deputy signs for the Chairman.
        case chairman
        /// The People's Committee as a collective (the yearly report, letters of the committee): "TM. ỦY BAN NHÂN
        /// DÂN" above the Chairman's lines.
        case committee
    }

    /// The bold lines above the space for the signature, in capitals.
    package static func lines(_ authority: Authority, title: String) -> [String] {
        let upper = title.uppercased()
        var lines = upper.hasPrefix("PHÓ") ? ["KT. CHỦ TỊCH", upper] : [upper]
        if authority == .committee { lines.insert("TM. ỦY BAN NHÂN DÂN", at: 0) }
        return lines
    }
}
