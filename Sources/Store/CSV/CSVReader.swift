import Foundation

/// Reads CSV as spreadsheets write it: RFC 4180 quoting, CRLF, LF or a lone CR (old Mac Excel, files stitched
/// together) as line ends, comma or semicolon (Excel in a Vietnamese locale saves with ";"), UTF-8 with or without
/// BOM. Other encodings are refused with a message saying how to fix. Before any row is handed out the whole file is
/// checked: an unterminated quote, a row with more fields than the header or a control character stops the import
/// with file and line, so nothing is read wrong quietly.
package struct CSVReader: Sequence {
    package struct Record: Sendable {
        /// Line in the file where the record starts (1 = header line).
        package let line: Int
        package let fields: [String]
    }

    package enum Failure: Error, Equatable {
        case notUTF8(file: String)
        case utf16(file: String)
        case empty(file: String)
        case malformed(file: String, line: Int, problem: String)

        package var message: String {
            switch self {
            case .notUTF8(let file):
                return "\(ImportPlace.fileName(file)): tệp không ở mã UTF-8. Trong Excel chọn Lưu thành → \"CSV UTF-8 (Comma delimited)\" rồi nhập lại."
            case .utf16(let file):
                return "\(ImportPlace.fileName(file)): tệp ở mã UTF-16 (\"Unicode Text\"). Hãy lưu lại thành \"CSV UTF-8\" rồi nhập lại."
            case .empty(let file):
                return "\(ImportPlace.fileName(file)): tệp trống, không có dòng tiêu đề."
            case .malformed(let file, let line, let problem):
                return ImportPlace.describe(file: file, line: line, problem)
            }
        }
    }

    private let bytes: [UInt8]
    private let start: Int
    package let delimiter: UInt8

    package init(data: Data, fileName: String) throws {
        let all = [UInt8](data)
        if all.starts(with: [0xFF, 0xFE]) || all.starts(with: [0xFE, 0xFF]) { throw Failure.utf16(file: fileName) }
        let offset = all.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard String(validating: all[offset...], as: UTF8.self) != nil else { throw Failure.notUTF8(file: fileName) }
        guard all.count > offset else { throw Failure.empty(file: fileName) }
        bytes = all
        start = offset
        delimiter = Self.detectDelimiter(all[offset...])
        try all.withUnsafeBufferPointer { try Self.checkStructure($0, from: offset, delimiter: delimiter, file: fileName) }
    }

    /// One pass over the bytes with the same quoting and line rules as the reader: quotes that never close, rows
    /// wider than the header, and characters no text may hold (`TextRules`: C0/C1 controls, BiDi overrides).
    private static func checkStructure(_ b: UnsafeBufferPointer<UInt8>, from offset: Int, delimiter: UInt8, file: String) throws {
        var line = 1, fields = 1, headerFields: Int? = nil, quoted = false, quoteLine = 0, atFieldStart = true, recordHasText = false
        var i = offset
        func fail(_ problem: String, _ at: Int) -> Failure { .malformed(file: file, line: at, problem: problem) }
        while i < b.count {
            let byte = b[i]
            let lineEnd = byte == 0x0A || (byte == 0x0D && (i + 1 >= b.count || b[i + 1] != 0x0A))
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F {
                throw fail("có ký tự điều khiển (U+00\(String(format: "%02X", byte))) — tệp có thể bị hỏng", line)
            }
            if byte == 0xC2, i + 1 < b.count, (0x80...0x9F).contains(b[i + 1]) { throw fail("có ký tự điều khiển C1", line) }
            if byte == 0xE2, i + 2 < b.count, (b[i + 1] == 0x80 && (0xAA...0xAE).contains(b[i + 2])) || (b[i + 1] == 0x81 && (0xA6...0xA9).contains(b[i + 2])) {
                throw fail("có ký tự đảo chiều chữ (BiDi) không được phép", line)
            }
            if quoted {
                if byte == 0x22 {
                    if i + 1 < b.count && b[i + 1] == 0x22 { i += 1 } else { quoted = false }
                } else if lineEnd { line += 1 }
                i += 1
                continue
            }
            if byte == 0x22 && atFieldStart {
                quoted = true; quoteLine = line; recordHasText = true
            } else if byte == delimiter {
                fields += 1; atFieldStart = true; recordHasText = true
                i += 1
                continue
            } else if lineEnd {
                if recordHasText {
                    if let header = headerFields {
                        if fields > header { throw fail("dòng có \(fields) cột, nhiều hơn dòng tiêu đề (\(header) cột) — thừa dấu phân cách?", line) }
                    } else {
                        headerFields = fields
                    }
                }
                line += 1; fields = 1; atFieldStart = true; recordHasText = false
                i += 1
                continue
            } else if byte != 0x0D {
                recordHasText = true
            }
            atFieldStart = false
            i += 1
        }
        if quoted { throw fail("dấu ngoặc kép mở ở dòng này không được đóng — ô bị cắt hoặc thiếu \"", quoteLine) }
        if recordHasText, let header = headerFields, fields > header {
            throw fail("dòng có \(fields) cột, nhiều hơn dòng tiêu đề (\(header) cột) — thừa dấu phân cách?", line)
        }
    }

    /// The delimiter the header line uses most: ";" or ",".
    private static func detectDelimiter(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var commas = 0, semicolons = 0, quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: ",") { commas += 1 }
            if byte == UInt8(ascii: ";") { semicolons += 1 }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    package func makeIterator() -> Iterator { Iterator(bytes: bytes, position: start, delimiter: delimiter) }

    package struct Iterator: IteratorProtocol {
        let bytes: [UInt8]
        var position: Int
        let delimiter: UInt8
        var line = 1

        package mutating func next() -> Record? {
            let bytes = self.bytes  // read through a pointer: a million rows of byte-by-byte array access add up
            return bytes.withUnsafeBufferPointer { buffer in nextRecord(buffer) }
        }

        private mutating func nextRecord(_ bytes: UnsafeBufferPointer<UInt8>) -> Record? {
            // Skip blank lines between records.
            while position < bytes.count && (bytes[position] == 0x0A || bytes[position] == 0x0D) {
                if Self.endsLine(bytes, position) { line += 1 }
                position += 1
            }
            guard position < bytes.count else { return nil }
            let startLine = line
            var fields: [String] = []
            while true {
                let (field, ended) = nextField(bytes)
                fields.append(field)
                if ended { break }
            }
            return Record(line: startLine, fields: fields)
        }

        /// One field, and whether the record ends after it. An unquoted field without a stray carriage return is
        /// made straight from its bytes; quoted ones are unescaped byte by byte.
        private mutating func nextField(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, ended: Bool) {
            let start = position
            while position < bytes.count {
                let byte = bytes[position]
                if byte == delimiter {
                    position += 1
                    return (Self.text(bytes, start..<position - 1), false)
                }
                if byte == 0x0A {
                    position += 1
                    line += 1
                    let end = position - 1 > start && bytes[position - 2] == 0x0D ? position - 2 : position - 1
                    return (Self.text(bytes, start..<end), true)
                }
                if byte == 0x0D && Self.endsLine(bytes, position) {  // a lone CR ends the record like LF
                    position += 1
                    line += 1
                    return (Self.text(bytes, start..<position - 1), true)
                }
                if byte == 0x22 && position == start {
                    position = start
                    return slowField(bytes)
                }
                position += 1
            }
            let end = position > start && bytes[position - 1] == 0x0D ? position - 1 : position
            return (Self.text(bytes, start..<end), true)
        }

        /// LF, or a CR not followed by LF (the CR of a CRLF is not a line end of its own).
        static func endsLine(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
            bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A))
        }

        private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// RFC 4180 quoting ("" inside quotes is one quote; line breaks inside quotes belong to the field); outside
        /// quotes a lone CR ends the record and the CR of a CRLF is dropped.
        private mutating func slowField(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, ended: Bool) {
            var field: [UInt8] = []
            var quoted = false
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if quoted {
                    if byte == 0x22 {
                        if position < bytes.count && bytes[position] == 0x22 { field.append(0x22); position += 1 }
                        else { quoted = false }
                    } else {
                        if Self.endsLine(bytes, position - 1) { line += 1 }
                        field.append(byte)
                    }
                } else if byte == 0x22 && field.isEmpty {
                    quoted = true
                } else if byte == delimiter {
                    return (String(decoding: field, as: UTF8.self), false)
                } else if Self.endsLine(bytes, position - 1) {
                    line += 1
                    return (String(decoding: field, as: UTF8.self), true)
                } else if byte != 0x0D {
                    field.append(byte)
                }
            }
            return (String(decoding: field, as: UTF8.self), true)
        }
    }
}

/// Writes CSV that Excel opens right: UTF-8 with BOM, CRLF, quotes only where needed.
package struct CSVWriter {
    private var output: (String) throws -> Void

    package init(bom: Bool = true, output: @escaping (String) throws -> Void) rethrows {
        self.output = output
        if bom { try output("\u{FEFF}") }
    }

    package func write(_ fields: [String]) throws {
        try output(fields.map(Self.escape).joined(separator: ",") + "\r\n")
    }

    /// Works on Unicode scalars, not Characters: `"` or `=` followed by a combining mark is one Character, and a
    /// Character-wise test would let it through unquoted.
    package static func escape(_ field: String) -> String {
        let scalars = field.unicodeScalars
        var value = field
        // A leading = + - @ (or tab, CR) would run as a formula in a spreadsheet: prefix a quote mark (CSV injection).
        if let first = scalars.first, "=+-@\t\r".unicodeScalars.contains(first),
           !scalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "-" || $0 == "+" }) {
            value = "'" + value
        }
        if scalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
            var quoted = String.UnicodeScalarView()
            quoted.append("\"")
            for scalar in value.unicodeScalars {
                quoted.append(scalar)
                if scalar == "\"" { quoted.append("\"") }
            }
            quoted.append("\"")
            return String(quoted)
        }
        return value
    }
}
