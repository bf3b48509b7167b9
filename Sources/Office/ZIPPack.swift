import Foundation
import ZIPFoundation

/// Several files handed over as one download (a loudspeaker script with one sound file per village).
package enum ZIPPack {
    /// A ZIP archive of the files, stored as they are (MP3 does not deflate).
    package static func archive(_ files: [(name: String, data: Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (name, data) in files {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
