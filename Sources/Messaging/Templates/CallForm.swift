import Store

/// How a letter or message addresses someone, from gender and age: elders are "Ông"/"Bà", adults under 40
/// "Anh"/"Chị", children "Em"; without a known gender "Ông/Bà", the form used on official notices.
package enum CallForm {
    package static func of(gender: Gender, birthYear: Int?, in year: Int) -> String {
        let age = birthYear.map { year - $0 }
        if let age, age < 16 { return "Em" }
        let young = age.map { $0 < 40 } ?? false
        switch gender {
        case .male: return young ? "Anh" : "Ông"
        case .female: return young ? "Chị" : "Bà"
        case .other, .unknown: return young ? "Anh/Chị" : "Ông/Bà"
        }
    }
}
