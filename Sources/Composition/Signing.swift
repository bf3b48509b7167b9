/// NĐ 30/2020's signature block: a deputy signs on behalf of the chairman, "KT. CHỦ TỊCH" above the title.
package enum Signing {
    package static func lead(forTitle title: String) -> String { title.uppercased().hasPrefix("PHÓ") ? "KT. CHỦ TỊCH" : "" }
}
