import Foundation

/// A `multipart/form-data` body (a form with a file input): its text fields and its files. Only what a browser's
/// form sends is understood — one level of parts, `Content-Disposition: form-data; name=…; filename=…` — and a body
/// that does not follow it is refused rather than half read.
struct MultipartForm {
    struct File: Sendable {
        let field: String
        /// The name the browser gave, without any folder ("danh-sach.xlsx").
        let fileName: String
        let data: Data
    }

    /// An upload larger than this is refused (a list of 100,000 people as .xlsx is about 4 MB; larger lists go
    /// through `densach import`).
    static let largestBody = 16 << 20

    private(set) var fields: [(String, String)] = []
    private(set) var files: [File] = []

    /// The boundary of a `multipart/form-data; boundary=…` content type, or nil for any other.
    static func boundary(of contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            let value = part.dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 200 ? nil : value
        }
        return nil
    }

    /// Nil when the body is not a well-formed multipart body for `boundary`.
    init?(body: Data, boundary: String) {
        let delimiter = Data("--\(boundary)".utf8)
        let crlf = Data("\r\n".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        guard let first = body.range(of: delimiter) else { return nil }
        var position = first.upperBound
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body[position...].starts(with: Data("--".utf8)) { return }
            guard body[position...].starts(with: crlf) else { return nil }
            position += crlf.count
            guard let headersEnd = body.range(of: headerEnd, in: position..<body.endIndex),
                  let next = body.range(of: crlf + delimiter, in: headersEnd.upperBound..<body.endIndex) else { return nil }
            let headers = String(decoding: body[position..<headersEnd.lowerBound], as: UTF8.self)
            let content = body[headersEnd.upperBound..<next.lowerBound]
            guard let disposition = Self.disposition(headers), let name = disposition["name"] else { return nil }
            if let fileName = disposition["filename"] {
                let bare = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
                files.append(File(field: name, fileName: bare, data: Data(content)))
            } else {
                fields.append((name, String(decoding: content, as: UTF8.self)))
            }
            position = next.upperBound
        }
    }

    /// The parameters of the part's `Content-Disposition: form-data` header.
    private static func disposition(_ headers: String) -> [String: String]? {
        for line in headers.components(separatedBy: "\r\n") {
            let pieces = line.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2, pieces[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            var parameters: [String: String] = [:]
            for item in pieces[1].split(separator: ";").dropFirst() {
                let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2 else { continue }
                parameters[pair[0].lowercased()] = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
            return parameters
        }
        return nil
    }
}
