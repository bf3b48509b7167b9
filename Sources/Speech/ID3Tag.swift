import Foundation

/// The ID3v2.3 tag at the head of the MP3: its title and album as players show them. Written here rather than by
/// lame, whose tag would also claim the length a streamed WAV header gives (players then show 13 hours).
enum ID3Tag {
    static func bytes(title: String, album: String) -> Data {
        var frames = Data()
        for (id, text) in [("TIT2", title), ("TALB", album)] where !text.isEmpty {
            // Encoding 1: UTF-16 with a byte order mark, the one every player reads for Vietnamese letters.
            var body = Data([0x01, 0xFF, 0xFE])
            for unit in text.utf16 { body.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
            frames.append(contentsOf: Array(id.utf8))
            frames.append(contentsOf: withUnsafeBytes(of: UInt32(body.count).bigEndian, Array.init))
            frames.append(contentsOf: [0, 0])
            frames.append(body)
        }
        guard !frames.isEmpty else { return Data() }
        let size = frames.count  // the tag's size is "syncsafe": 7 bits a byte
        var tag = Data(Array("ID3".utf8) + [3, 0, 0])
        tag.append(contentsOf: [UInt8(size >> 21 & 0x7F), UInt8(size >> 14 & 0x7F), UInt8(size >> 7 & 0x7F), UInt8(size & 0x7F)])
        tag.append(frames)
        return tag
    }
}
