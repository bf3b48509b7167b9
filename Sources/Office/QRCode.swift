/// A QR code (ISO/IEC 18004) for a short text such as a web address: byte mode, error correction level M (15% of
/// the symbol may be soiled or torn on a notice board and it still reads), versions 1–10 (up to 213 bytes), the
/// mask chosen by the standard's penalty rules. Written here because no QR library is on the package mirror.
package struct QRCode: Sendable {
    /// Dark modules, row by row (`modules[row][column]`), without the quiet zone.
    package let modules: [[Bool]]
    package let version: Int
    package var size: Int { modules.count }

    package struct TooLong: Error, Sendable, Equatable { package let bytes: Int }

    package init(text: String) throws {
        let data = Array(text.utf8)
        // Byte mode is Latin-1 unless an ECI says otherwise: text beyond ASCII is announced as UTF-8 (ECI 26).
        let utf8 = data.contains { $0 >= 0x80 }
        guard let version = (1...10).first(where: { Self.capacity($0, eci: utf8) >= data.count }) else { throw TooLong(bytes: data.count) }
        self.version = version
        var symbol = QRSymbol(version: version)
        symbol.drawFunctionPatterns()
        symbol.drawCodewords(Self.codewords(data, version: version, eci: utf8))
        var best: (mask: Int, penalty: Int, modules: [[Bool]])?
        for mask in 0..<8 {
            var candidate = symbol
            candidate.applyMask(mask)
            candidate.drawFormatBits(mask: mask)
            let penalty = candidate.penalty()
            if best == nil || penalty < best!.penalty { best = (mask, penalty, candidate.modules) }
        }
        modules = best!.modules
    }

    /// An SVG drawing with the four-module quiet zone the standard asks, one path of dark runs (no styles: the
    /// pages' Content-Security-Policy forbids inline ones).
    package func svg(moduleSize: Int = 8) -> String {
        let side = size + 8
        var path = ""
        for (row, line) in modules.enumerated() {
            var column = 0
            while column < size {
                guard line[column] else { column += 1; continue }
                var run = 1
                while column + run < size && line[column + run] { run += 1 }
                path += "M\(column + 4) \(row + 4)h\(run)v1h-\(run)z"
                column += run
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 \(side) \(side)\" width=\"\(side * moduleSize)\" height=\"\(side * moduleSize)\" "
            + "shape-rendering=\"crispEdges\" role=\"img\"><rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>"
    }

    // MARK: Codewords

    /// Level M per version: error-correction codewords per block, and the blocks' data codewords.
    static let blocks: [Int: (ec: Int, data: [Int])] = [
        1: (10, [16]), 2: (16, [28]), 3: (26, [44]), 4: (18, [32, 32]), 5: (24, [43, 43]), 6: (16, [27, 27, 27, 27]),
        7: (18, [31, 31, 31, 31]), 8: (22, [38, 38, 39, 39]), 9: (22, [36, 36, 36, 37, 37]), 10: (26, [43, 43, 43, 43, 44]),
    ]

    static func countBits(_ version: Int) -> Int { version < 10 ? 8 : 16 }

    /// Bytes a version holds at level M in byte mode.
    static func capacity(_ version: Int, eci: Bool = false) -> Int {
        (blocks[version]!.data.reduce(0, +) * 8 - 4 - countBits(version) - (eci ? 12 : 0)) / 8
    }

    /// The data bit stream cut into blocks, each with its Reed–Solomon codewords, interleaved as the symbol reads.
    static func codewords(_ data: [UInt8], version: Int, eci: Bool = false) -> [UInt8] {
        let (ecCount, dataCounts) = blocks[version]!
        let dataTotal = dataCounts.reduce(0, +)
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) { for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) } }
        if eci { append(0b0111, 4); append(26, 8) }
        append(0b0100, 4)
        append(data.count, countBits(version))
        for byte in data { append(Int(byte), 8) }
        append(0, min(4, dataTotal * 8 - bits.count))
        while bits.count % 8 != 0 { bits.append(false) }
        var bytes = stride(from: 0, to: bits.count, by: 8).map { start in bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) } }
        var pad: UInt8 = 0xEC
        while bytes.count < dataTotal { bytes.append(pad); pad = pad == 0xEC ? 0x11 : 0xEC }
        var dataBlocks: [[UInt8]] = []
        var start = 0
        for count in dataCounts { dataBlocks.append(Array(bytes[start..<start + count])); start += count }
        let generator = ReedSolomon.generator(degree: ecCount)
        let ecBlocks = dataBlocks.map { ReedSolomon.remainder($0, generator: generator) }
        var result: [UInt8] = []
        for i in 0..<dataCounts.max()! { for block in dataBlocks where i < block.count { result.append(block[i]) } }
        for i in 0..<ecCount { for block in ecBlocks { result.append(block[i]) } }
        return result
    }
}

/// Arithmetic in GF(256) with the QR polynomial x⁸+x⁴+x³+x²+1.
enum ReedSolomon {
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var result: UInt8 = 0, a = a, b = b
        while b != 0 {
            if b & 1 == 1 { result ^= a }
            let carry = a & 0x80 != 0
            a <<= 1
            if carry { a ^= 0x1D }
            b >>= 1
        }
        return result
    }

    /// The generator (x − α⁰)(x − α¹)…(x − α^(degree−1)), highest coefficient (always 1) left out.
    static func generator(degree: Int) -> [UInt8] {
        var coefficients = [UInt8](repeating: 0, count: degree)
        coefficients[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                coefficients[j] = multiply(coefficients[j], root)
                if j + 1 < degree { coefficients[j] ^= coefficients[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return coefficients
    }

    static func remainder(_ data: [UInt8], generator: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for i in 0..<result.count { result[i] ^= multiply(generator[i], factor) }
        }
        return result
    }
}
