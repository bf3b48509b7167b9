import Composition
import Testing
import Vietnamese

@Suite("Signature blocks")
struct SigningTests {
    @Test("The block follows the document's issuer and the signer", arguments: [
        (Signing.Authority.chairman, "Chủ tịch", ["CHỦ TỊCH"]),
        (.chairman, "Phó Chủ tịch", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
        (.committee, "CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        (.committee, "PHÓ CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    ])
    func block(authority: Signing.Authority, title: String, lines: [String]) {
        #expect(Signing.lines(authority, title: title) == lines)
    }
}
