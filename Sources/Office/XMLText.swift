/// Text of XML or of the letters' small HTML with its entities decoded: the five of XML, `&nbsp;`, and character
/// references (`&#39;`, `&#x2F;`). An unknown or broken entity stays as it was written.
enum XMLText {
    static func decoded(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = "", rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].prefix(12).firstIndex(of: ";") else { result += "&"; rest = rest[rest.index(after: amp)...]; continue }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            case "nbsp": result += "\u{00A0}"
            default:
                let scalar: UInt32?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") { scalar = UInt32(entity.dropFirst(2), radix: 16) }
                else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst()) }
                else { scalar = nil }
                if let scalar, let character = Unicode.Scalar(scalar) { result.unicodeScalars.append(character) } else { result += "&" + entity + ";" }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
