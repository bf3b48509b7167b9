import Vietnamese

/// Kinds of unit (đơn vị) in a commune's lifelong-learning network.
package enum UnitKind: String, Codable, CaseIterable, Sendable, Labelled {
    case communeCommittee = "commune_committee"
    case village
    case school
    case schoolLibrary = "school_library"
    case communeLibrary = "commune_library"
    case culturalHouse = "cultural_house"
    case learningCentre = "learning_centre"
    case fatherlandFront = "fatherland_front"
    case womensUnion = "womens_union"
    case youthUnion = "youth_union"
    case farmersAssociation = "farmers_association"
    case veteransAssociation = "veterans_association"
    case studyPromotion = "study_promotion"
    case business
    case other

    package var label: String {
        switch self {
        case .communeCommittee: return "UBND xã"
        case .village: return "Thôn, làng"
        case .school: return "Trường học"
        case .schoolLibrary: return "Thư viện trường học"
        case .communeLibrary: return "Thư viện xã"
        case .culturalHouse: return "Nhà văn hóa"
        case .learningCentre: return "Trung tâm học tập cộng đồng"
        case .fatherlandFront: return "Mặt trận Tổ quốc"
        case .womensUnion: return "Hội Liên hiệp Phụ nữ"
        case .youthUnion: return "Đoàn Thanh niên"
        case .farmersAssociation: return "Hội Nông dân"
        case .veteransAssociation: return "Hội Cựu chiến binh"
        case .studyPromotion: return "Hội Khuyến học"
        case .business: return "Doanh nghiệp"
        case .other: return "Khác"
        }
    }

    package var englishLabel: String {
        switch self {
        case .communeCommittee: return "Commune People's Committee"
        case .village: return "Village"
        case .school: return "School"
        case .schoolLibrary: return "School library"
        case .communeLibrary: return "Commune library"
        case .culturalHouse: return "Cultural house"
        case .learningCentre: return "Community learning centre"
        case .fatherlandFront: return "Fatherland Front"
        case .womensUnion: return "Women's Union"
        case .youthUnion: return "Youth Union"
        case .farmersAssociation: return "Farmers' Association"
        case .veteransAssociation: return "Veterans' Association"
        case .studyPromotion: return "Study Promotion Association"
        case .business: return "Business"
        case .other: return "Other"
        }
    }

    /// Accepts the key, the Vietnamese or the English label, ignoring case and tones (what people type in CSV files).
    package init?(lenient text: String) {
        if let exact = UnitKind(rawValue: text.trimmingCharacters(in: .whitespaces)) {
            self = exact
            return
        }
        let key = VietnameseTextKey.fold(text)
        for kind in UnitKind.allCases {
            if key == kind.rawValue.replacingOccurrences(of: "_", with: " ") || key == VietnameseTextKey.fold(kind.label) || key == VietnameseTextKey.fold(kind.englishLabel) {
                self = kind
                return
            }
        }
        let aliases: [String: UnitKind] = [
            "thon": .village, "lang": .village, "truong": .school, "thu vien truong": .schoolLibrary,
            "nha van hoa": .culturalHouse, "ubnd": .communeCommittee, "khuyen hoc": .studyPromotion,
            "phu nu": .womensUnion, "doan thanh nien": .youthUnion, "mat tran": .fatherlandFront,
        ]
        guard let kind = aliases[key] else { return nil }
        self = kind
    }
}


/// Folding used to match free text against fixed vocabularies.
enum VietnameseTextKey {
    static func fold(_ text: String) -> String {
        VietnameseText.searchWords(text).joined(separator: " ")
    }
}
