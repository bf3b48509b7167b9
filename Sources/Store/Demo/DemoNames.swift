import Foundation

/// Name parts for demo residents: Kinh names, and Xơ Đăng / Ba Na names as they are written in Kon Tum
/// ("A" before a man's name, "Y" before a woman's; many Ba Na families use Đinh). All demo people are fictional.
enum DemoNames {
    /// Allocated mobile prefixes, weighted roughly as the networks' shares in the Central Highlands.
    static let mobilePrefixes = ["032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098",
                                 "081", "082", "083", "084", "085", "088", "091", "094", "070", "076", "077", "078",
                                 "079", "090", "093", "056", "058", "059", "087"]
    static let kinhFamily = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
    static let kinhMiddleMale = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Xuân", "Công", "Đình", "Ngọc"]
    static let kinhMiddleFemale = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Kim", "Hồng", "Phương"]
    static let kinhGivenMale = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Huy", "Khánh", "Long", "Minh", "Nam", "Phong",
                                "Phúc", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Tuấn", "Việt", "Vinh", "Hiếu", "Trung", "Lộc"]
    static let kinhGivenFemale = ["An", "Anh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngân", "Nhung",
                                  "Oanh", "Phụng", "Phương", "Quyên", "Tâm", "Thảo", "Thu", "Trang", "Uyên", "Vân", "Yến", "Ánh", "Ơn"]
    static let ethnicGivenMale = ["Pớt", "Kring", "Sang", "Thuận", "Blưm", "Đức", "Hùng", "Krong", "Nhơn", "Phiên", "Rin", "Tiêu", "Vớt", "Xuân", "Dơng"]
    static let ethnicGivenFemale = ["Hiên", "Nhàn", "Lan", "Bia", "Hơ", "Mai", "Nhung", "Pang", "Rơ", "Thuý", "Hoa", "Kim", "Blưm", "Diệp", "Sương"]
    static let baNaFamily = ["Đinh", "A", "Y"]
    static let ethnicities = ["Kinh", "Xơ Đăng", "Ba Na"]
    static let relationsFemale = ["Vợ", "Con", "Con", "Con", "Cháu", "Mẹ"]
    static let relationsMale = ["Chồng", "Con", "Con", "Con", "Cháu", "Cha"]
}

/// A small, fast deterministic generator (SplitMix64): the same seed gives the same demo commune.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SeededGenerator {
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    mutating func chance(_ percent: Int) -> Bool { Int(next() % 100) < percent }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    /// `count` random decimal digits, leading zeros kept.
    mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(next() % 10)) })
    }
}

/// One synthetic resident.
struct DemoPersonDraft {
    let fullName: String
    let gender: Gender
    let birthYear: Int
    let ethnicity: String
    let phone: String?

    static func make(_ rng: inout SeededGenerator, thisYear: Int, ethnicPercent: Int = 45) -> DemoPersonDraft {
        let female = rng.chance(50)
        let ethnic = rng.chance(ethnicPercent)
        let name: String
        let ethnicity: String
        if ethnic {
            let given = female ? rng.pick(DemoNames.ethnicGivenFemale) : rng.pick(DemoNames.ethnicGivenMale)
            if rng.chance(60) {
                name = (female ? "Y " : "A ") + given
            } else {
                name = "Đinh " + (female ? "Thị " : "Văn ") + given
            }
            ethnicity = rng.chance(60) ? "Xơ Đăng" : "Ba Na"
        } else {
            let middle = female ? rng.pick(DemoNames.kinhMiddleFemale) : rng.pick(DemoNames.kinhMiddleMale)
            let given = female ? rng.pick(DemoNames.kinhGivenFemale) : rng.pick(DemoNames.kinhGivenMale)
            name = "\(rng.pick(DemoNames.kinhFamily)) \(middle) \(given)"
            ethnicity = "Kinh"
        }
        let age = rng.int(0...85)
        let phone: String? = age >= 14 && rng.chance(85)
            ? rng.pick(DemoNames.mobilePrefixes) + rng.digits(7) : nil
        return DemoPersonDraft(fullName: name, gender: female ? .female : .male, birthYear: thisYear - age, ethnicity: ethnicity, phone: phone)
    }
}
