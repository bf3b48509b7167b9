import Crypto
import Foundation

/// A short fingerprint of a record as stored: the API's ETag and the web forms' hidden `version`. Any change to any
/// column changes it, so a write that names the version it read is refused (412) once someone else has saved.
package enum RecordVersion {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return encoder
    }()

    package static func of(_ record: some Encodable) -> String {
        let data = (try? encoder.encode(record)) ?? Data()
        return SHA256.hash(data: data).prefix(10).map { String(format: "%02x", $0) }.joined()
    }

    /// Throws `DomainError.stale` when `expected` is given and no longer matches the record.
    package static func check(_ record: some Encodable, expected: String?) throws {
        guard let expected, !expected.isEmpty, expected != "*" else { return }
        if of(record) != expected { throw DomainError.stale }
    }
}
