/// Addresses people may type that the back office then shows as links. Only web addresses: `javascript:` or
/// `data:` in an href runs in the reader's session.
package enum SafeLink {
    package static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), text.count <= 2000 else { return false }
        return !text.unicodeScalars.contains { $0.value <= 0x20 || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\\" }
    }
}
