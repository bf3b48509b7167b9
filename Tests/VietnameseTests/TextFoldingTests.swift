import Foundation
import Testing
@testable import Vietnamese

@Suite("Search keys and NFC")
struct TextFoldingTests {
    @Test("Tones, marks and đ fold away so every spelling finds the same person")
    func foldsTonesAndStroke() {
        let nfc = "Đặng Thị Phụng"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(Array(nfd.unicodeScalars) != Array(nfc.unicodeScalars))
        #expect(VietnameseText.searchKey(nfc) == "dang thi phung")
        #expect(VietnameseText.searchKey(nfd) == "dang thi phung")
        #expect(VietnameseText.searchKey("dang thi phung") == "dang thi phung")
        #expect(VietnameseText.searchKey("ĐĂK TỜ RE") == "dak to re")
        #expect(VietnameseText.searchKey("Nguyễn Ưng Ơn") == "nguyen ung on")
    }

    @Test("Clean composes NFD input and collapses white space")
    func cleanNormalises() {
        let nfd = "  Lê   Văn\tTám ".decomposedStringWithCanonicalMapping
        let cleaned = VietnameseText.clean(nfd)
        #expect(cleaned == "Lê Văn Tám")
        #expect(cleaned.unicodeScalars.count == "Lê Văn Tám".precomposedStringWithCanonicalMapping.unicodeScalars.count)
    }

    @Test("Search words split on punctuation")
    func words() {
        #expect(VietnameseText.searchWords("Thôn 1, xã Đăk Tờ Re") == ["thon", "1", "xa", "dak", "to", "re"])
    }

    @Test("Search words split where SQLite's tokenizer does: a non-Latin combining mark inside a word separates it")
    func wordsSplitLikeTheIndex() {
        #expect(VietnameseText.searchWords("x\u{0B43}y") == ["x", "y"])
        #expect(VietnameseText.searchWords("Nguyễn x\u{093E}y") == ["nguyen", "x", "y"])
        #expect(VietnameseText.searchWords("\u{0645}\u{064E}\u{062D}") == ["\u{0645}", "\u{062D}"])
        #expect(VietnameseText.searchWords("Đặng\u{0301}") == ["dang"], "Vietnamese marks fold away, as before")
    }
}

@Suite("Name order")
struct NameSortKeyTests {
    func sorted(_ names: [String]) -> [String] {
        names.sorted { NameSortKey.make($0) < NameSortKey.make($1) }
    }

    @Test("Lists sort by given name, then middle, then family name")
    func givenNameFirst() {
        let names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê An", "Đặng Thị Phụng", "A Blưm", "Y Hiên"]
        #expect(sorted(names) == ["Lê An", "Nguyễn Thị An", "Trần Văn Bình", "A Blưm", "Y Hiên", "Đặng Thị Phụng"])
    }

    @Test("Vietnamese letters: a < ă < â, d < đ, o < ô < ơ, u < ư")
    func vietnameseAlphabet() {
        #expect(sorted(["Lê Âu", "Lê Ăn", "Lê Anh"]) == ["Lê Anh", "Lê Ăn", "Lê Âu"])
        #expect(sorted(["Võ Đức", "Võ Dũng"]) == ["Võ Dũng", "Võ Đức"])
        #expect(sorted(["Hà Ơn", "Hà Ôn", "Hà On"]) == ["Hà On", "Hà Ôn", "Hà Ơn"])
        #expect(sorted(["Lý Ưng", "Lý Uyên"]) == ["Lý Uyên", "Lý Ưng"])
    }

    @Test("Tones count only after letters: ngang, huyền, hỏi, ngã, sắc, nặng")
    func tonesAfterLetters() {
        #expect(sorted(["Lê Mạ", "Lê Má", "Lê Mã", "Lê Mả", "Lê Mà", "Lê Ma"]) == ["Lê Ma", "Lê Mà", "Lê Mả", "Lê Mã", "Lê Má", "Lê Mạ"])
        // Letters decide before tones: "Hà Bắc" (b-ă-c) < "Hà Băn" even though ắ carries a tone.
        #expect(sorted(["Lê Băn", "Lê Bắc"]) == ["Lê Bắc", "Lê Băn"])
        #expect(sorted(["Lê Anh", "Lê Ánh", "Lê An"]) == ["Lê An", "Lê Anh", "Lê Ánh"])
    }

    /// Each pair in the order a Vietnamese spreadsheet sorted by "Tên", then "Họ đệm", then "Họ" gives.
    static let before: [(String, String)] = [
        // The given name decides, tones included, before any other word.
        ("Trần Văn An", "Lê Văn Ản"), ("Lê Văn Ản", "Nguyễn Văn Án"), ("Trần Văn An", "Nguyễn Văn Án"),
        ("Võ Thị Thùy", "Lê Thị Thủy"), ("Lê Thị Thủy", "Bùi Thị Thúy"), ("Võ Thị Thùy", "Bùi Thị Thúy"),
        ("Trần Thị Thuy", "Đỗ Thị Thùy"), ("Bùi Thị Thúy", "Phan Thị Thụy"), ("Nguyễn Thị Thủy", "Võ Thị Thủy"),
        ("Đinh Văn Ma", "Ân Văn Mà"), ("Ân Văn Mà", "Vũ Mả"), ("Vũ Mả", "Lý Mã"), ("Lý Mã", "A Má"), ("A Má", "Y Mạ"),
        // Letters of the given name before its tone, syllable by syllable as a dictionary orders.
        ("Lê Má", "Lê Mác"), ("Lê Mạ", "Lê Mác"), ("Phạm Văn Mác", "Lê Mạc"),
        ("Lê Bắc", "Lê Băn"), ("Hồ Anh", "Hồ Ánh"), ("Hồ An", "Hồ Anh"), ("Đoàn Ảnh Anh", "Trần Ánh"),
        // The Vietnamese alphabet: a ă â, d đ, e ê, o ô ơ, u ư.
        ("Lê Anh", "Lê Ăn"), ("Lê Ăn", "Lê Âu"), ("Võ Dũng", "Võ Đức"), ("Trần Duy", "Lê Đa"),
        ("Hà Em", "Hà Êm"), ("Hà On", "Hà Ôn"), ("Hà Ôn", "Hà Ơn"), ("Lý Uyên", "Lý Ưng"), ("Tô Út", "Tô Ửng"),
        // Same given name: middle names, then family name.
        ("Nguyễn Thị An", "Lê Văn An"), ("Trần Thị Hoa", "Nguyễn Thị Kim Hoa"), ("Lê Thị Hoa", "Trần Thị Hoa"),
        ("Đặng Văn Hùng", "Bùi Việt Hùng"), ("Ân Thị Lan", "Âu Thị Lan"), ("Lê Lan", "Nguyễn Thị Lan"),
        // Ethnic names of Kon Tum: the last word is still the given name; apostrophes count for nothing.
        ("A Blưm", "Y Hiên"), ("Ksor H'Wen", "Rơ Mah H'Xuân"), ("Y Bia", "Ksor H'Bia Đăk"), ("A Thông", "Y Thông"),
        ("Ksor H’Wen", "Siu Hyu"), ("Siu Hyu", "A Vơng"), ("Y Hiên", "H'Hoa Niê"),
        // A given name alone, and one before a longer one.
        ("An", "Lê An"), ("Lê An", "Lê An Bình"), ("Hà Nam", "Hà Năm"),
    ]

    @Test("Pairs sort as a spreadsheet sorted by Tên, then Họ đệm, then Họ", arguments: Self.before)
    func pair(first: String, second: String) {
        #expect(NameSortKey.make(first) < NameSortKey.make(second), "\(first) before \(second)")
        #expect(sorted([second, first]) == [first, second])
    }

    @Test("Thủy, Thúy and Thùy do not interleave by family name")
    func tonesOfTheGivenNameGroup() {
        let names = ["Trần Thị Thúy", "Lê Thị Thùy", "Âu Thị Thủy", "Bùi Thị Thúy", "Võ Thị Thùy", "Đỗ Thị Thủy"]
        #expect(sorted(names) == ["Lê Thị Thùy", "Võ Thị Thùy", "Âu Thị Thủy", "Đỗ Thị Thủy", "Bùi Thị Thúy", "Trần Thị Thúy"])
    }

    @Test("A sort name of one's own is compared word by word as written")
    func ownSortName() {
        // A Khmer name whose given name "Sa Vi" comes first in the sort name its owner gave.
        let khmer = NameSortKey.make(cleaned: "Thạch Thị Sa Vi", sortName: "Sa Vi Thạch Thị")
        #expect(khmer < NameSortKey.make(cleaned: "Lê Văn Tâm", sortName: nil))
        #expect(khmer > NameSortKey.make(cleaned: "Lê Văn Ry", sortName: nil))
        #expect(NameSortKey.make(cleaned: "Lê Văn Tâm", sortName: "") == NameSortKey.make("Lê Văn Tâm"))
    }

    @Test("Apostrophes are dropped from search keys: hwen finds H'Wen, typed with any apostrophe")
    func apostrophesInSearch() {
        for name in ["Ksor H'Wen", "Ksor H’Wen", "Ksor HʼWen", "Ksor H‘Wen"] {
            #expect(VietnameseText.searchKey(name) == "ksor hwen")
            #expect(VietnameseText.searchWords(name) == ["ksor", "hwen"])
        }
        #expect(VietnameseText.searchWords("h'wen") == ["hwen"])
    }

    @Test("NFD and NFC names get the same key")
    func normalisationIndependent() {
        let name = "Nguyễn Thị Hường"
        #expect(NameSortKey.make(name) == NameSortKey.make(name.decomposedStringWithCanonicalMapping))
    }
}

@Suite("Unit labels")
struct LabelSortTests {
    @Test("Numbers in names sort by value: Thôn 2 before Thôn 10")
    func numericOrder() {
        let labels = ["Thôn 10", "Thôn 2", "Thôn 1", "Nhà văn hóa thôn 3", "Thôn 9"]
        #expect(labels.sorted { NameSortKey.label($0) < NameSortKey.label($1) } == ["Nhà văn hóa thôn 3", "Thôn 1", "Thôn 2", "Thôn 9", "Thôn 10"])
    }
}

@Suite("Clean fast path")
struct CleanFastPathTests {
    @Test("Already-clean text is recognised; anything clean would change is not", arguments: [
        ("Nguyễn Thị Lan", true), ("", true), ("A", true), (" Lan", false), ("Lan ", false), ("Thị  Lan", false),
        ("Thị\tLan", false), ("Thị\u{00A0}Lan", false), ("Lê".decomposedStringWithCanonicalMapping, false),
    ])
    func fastPath(text: String, clean: Bool) {
        #expect(VietnameseText.isClean(text) == clean)
        #expect(VietnameseText.isClean(VietnameseText.clean(text)))
    }
}
