import Foundation

/// Where exported text goes: a file or standard output, written in large blocks so that a million lines cost a few
/// hundred system calls, or a string (previews, tests).
package protocol MessageOutput: AnyObject {
    func write(_ text: String)
    /// UTF-8 bytes as they are (a message rendered as bytes is not made a string to be written).
    func write(utf8 bytes: [UInt8])
    func finish() throws
}

/// Written by one export at a time (hence unchecked: it is handed to a database read closure, never shared).
/// A file is written beside its destination under a temporary name and renamed into place by `finish()`: a refused
/// or interrupted export leaves an existing file as it was, and nobody opens half a file (rename is atomic on one
/// file system). An output dropped without `finish()` removes its temporary file.
package final class FileOutput: MessageOutput, @unchecked Sendable {
    private let handle: FileHandle
    /// (temporary, final) paths when writing a file.
    private let paths: (temporary: String, final: String)?
    private var finished = false
    private var buffer: [UInt8] = []
    private static let blockSize = 1 << 18

    /// The first failed write (a full disk): later writes are skipped and `finish()` reports it.
    private var failure: (any Error)?

    /// `path == nil` or "-" writes to standard output.
    package convenience init(path: String?) throws {
        guard let path, path != "-" else {
            self.init(handle: FileHandle.standardOutput, paths: nil)
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        let name = ".\((path as NSString).lastPathComponent).partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = (directory.isEmpty ? "" : directory + "/") + name
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw MessagingError("Không ghi được tệp \(path).")
        }
        self.init(handle: handle, paths: (temporary, path))
    }

    /// Writes to `handle`; with `paths`, `handle` is the temporary file, renamed to the final path by `finish()`.
    init(handle: FileHandle, paths: (temporary: String, final: String)?) {
        self.handle = handle
        self.paths = paths
        buffer.reserveCapacity(Self.blockSize + 4096)
    }

    deinit {
        if let paths, !finished {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: paths.temporary)
        }
    }

    package func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.blockSize { flush() }
    }

    package func write(utf8 bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.blockSize { flush() }
    }

    /// Hands the block to the file as it is (no copy into a `Data`); a failure is kept for `finish()`, since
    /// Foundation's non-throwing `write(_:)` ends the process on a full disk.
    private func flush() {
        guard !buffer.isEmpty else { return }
        if failure == nil {
            do {
                try buffer.withUnsafeBytes { try handle.write(contentsOf: $0) }
            } catch {
                failure = error
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    package func finish() throws {
        flush()
        if let failure {
            try? handle.close()
            if let paths { try? FileManager.default.removeItem(atPath: paths.temporary) }
            let what = paths.map { "tệp \($0.final)" } ?? "đầu ra"
            throw MessagingError("Không ghi hết được \(what): \(Self.reason(failure))." + (paths == nil ? "" : " Tệp cũ (nếu có) vẫn giữ nguyên."))
        }
        guard let paths else { return }
        try handle.synchronize()
        try handle.close()
        guard rename(paths.temporary, paths.final) == 0 else {
            try? FileManager.default.removeItem(atPath: paths.temporary)
            throw MessagingError("Không ghi được tệp \(paths.final).")
        }
        finished = true
    }

    /// A write failure in words: a full disk is the one people meet.
    static func reason(_ error: any Error) -> String {
        (error as? CocoaError)?.code == .fileWriteOutOfSpace ? "ổ đĩa đã đầy" : error.localizedDescription
    }
}

package final class StringOutput: MessageOutput {
    package private(set) var text = ""
    package init() {}
    package func write(_ text: String) { self.text += text }
    package func write(utf8 bytes: [UInt8]) { text += String(decoding: bytes, as: UTF8.self) }
    package func finish() throws {}
}

enum TextEncoding {
    static func csvField(_ value: String) -> String {
        guard value.utf8.withContiguousStorageIfAvailable(needsQuotes) ?? needsQuotes(Array(value.utf8)) else { return value }
        var quoted: [UInt8] = []
        appendCSVField(Array(value.utf8), to: &quoted)
        return String(decoding: quoted, as: UTF8.self)
    }

    /// `csvField` of UTF-8 bytes, appended to a line without making a string of them (the one quoting rule).
    static func appendCSVField(_ bytes: [UInt8], to line: inout [UInt8]) {
        guard bytes.withUnsafeBufferPointer(needsQuotes) else { return line.append(contentsOf: bytes) }
        line.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { line.append(byte) }
            line.append(byte)
        }
        line.append(UInt8(ascii: "\""))
    }

    /// A comma, a quote or a line break: scanned over the bytes in place (every message of an export goes through).
    private static func needsQuotes<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
        return false
    }

    static func jsonString(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
