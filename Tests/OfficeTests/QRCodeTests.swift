import Foundation
@testable import Office
import Testing

/// QR codes read by an independent decoder: zbarimg (zbar-tools; `.ci/run` installs it). Without it, and outside
/// CI, the decoding suite is skipped; in CI its absence fails.
let zbarPresent = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].contains { FileManager.default.isExecutableFile(atPath: $0) }

@Suite("QR codes decode", .enabled(if: zbarPresent || ProcessInfo.processInfo.environment["CI"] != nil,
                                   "zbarimg is not installed here (apt-get install zbar-tools)"))
struct QRCodeDecodingTests {
    /// The symbol as a plain PBM image, four pixels a module, with the quiet zone; decoded by zbarimg.
    static func decoded(_ code: QRCode) throws -> String {
        let scale = 4, side = (code.size + 8) * scale
        var pbm = "P1\n\(side) \(side)\n"
        for y in 0..<side {
            let row = (0..<side).map { x -> String in
                let mx = x / scale - 4, my = y / scale - 4
                return (0..<code.size).contains(mx) && (0..<code.size).contains(my) && code.modules[my][mx] ? "1" : "0"
            }
            pbm += row.joined(separator: " ") + "\n"
        }
        let path = NSTemporaryDirectory() + "densach-qr-\(UUID().uuidString).pbm"
        try pbm.write(toFile: path, atomically: true, encoding: .ascii)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"]
                                        .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/zbarimg")
        process.arguments = ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "zbarimg found a QR code")
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    @Test("Addresses of every length up to version 10 decode to themselves", arguments: [
        "http://192.168.1.10:8080/s/k7m2p9qx",
        "https://densach.daktore.gov.vn/s/abcdefgh",
        "A",
        "https://densach.daktore.quangngai.gov.vn/s/k7m2p9qx?nguon=ap-phich-nha-van-hoa-thon-3&lan=2026",
        String(repeating: "https://example.vn/", count: 11),
    ])
    func decodes(_ text: String) throws {
        let code = try QRCode(text: text)
        #expect(try Self.decoded(code) == text)
    }

    @Test("Vietnamese text (UTF-8 bytes) decodes too")
    func vietnamese() throws {
        let text = "Đăng ký: CLB Đọc sách thôn Một"
        #expect(try Self.decoded(try QRCode(text: text)) == text)
    }
}

struct QRCodeTests {
    @Test("The version grows with the text; beyond version 10 the text is refused, not cut")
    func versions() throws {
        #expect(try QRCode(text: "http://x.vn/s/abc").version == 2)
        #expect(try QRCode(text: String(repeating: "a", count: 42)).version == 3)
        #expect(try QRCode(text: String(repeating: "a", count: 213)).version == 10)
        #expect(throws: QRCode.TooLong(bytes: 214)) { try QRCode(text: String(repeating: "a", count: 214)) }
    }

    @Test("Reed–Solomon: the codewords of the standard's worked example (version 1-M, \"01234567\")")
    func reedSolomon() {
        // ISO/IEC 18004 annex I: data 10 20 0C 56 61 80 EC 11 EC 11 EC 11 EC 11 EC 11 → EC A5 24 D4 C1 ED 36 C7 87 2C 55.
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        #expect(ReedSolomon.remainder(data, generator: ReedSolomon.generator(degree: 10)) == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    @Test("The SVG has the quiet zone, one path, no style attribute")
    func svg() throws {
        let code = try QRCode(text: "http://x.vn/s/abc")
        let svg = code.svg(moduleSize: 8)
        #expect(svg.contains("viewBox=\"0 0 33 33\""))
        #expect(svg.contains("width=\"264\""))
        #expect(!svg.contains("style"))
        #expect(svg.components(separatedBy: "<path").count == 2)
    }
}
