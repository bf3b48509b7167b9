import CompressNIO
import Hummingbird
import NIOCore

/// gzip for text answers (HTML, CSS, JSON, CSV, SVG, JavaScript) when the browser accepts it: a list page is
/// 5–10 times smaller on the wire, which is what a phone on a weak link waits for. Small answers and bodies that
/// are already compressed are sent as they are.
struct CompressionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let minimumSize = 1024
    static let compressible = ["text/", "application/json", "application/javascript", "image/svg+xml", "application/xml"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard request.method != .head,
              Self.acceptsGzip(request.headers[.acceptEncoding]),
              response.headers[.contentEncoding] == nil,
              let type = response.headers[.contentType], Self.compressible.contains(where: { type.hasPrefix($0) })
        else { return response }
        let body = try await Self.collect(response.body)
        response.headers[.vary] = "Accept-Encoding"
        guard body.readableBytes >= Self.minimumSize else {
            response.body = ResponseBody(byteBuffer: body)
            return response
        }
        var input = body
        let compressed = try input.compress(with: .gzip)
        response.headers[.contentEncoding] = "gzip"
        response.headers[.contentLength] = String(compressed.readableBytes)
        response.body = ResponseBody(byteBuffer: compressed)
        return response
    }

    /// "gzip" listed without q=0.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        return header.lowercased().split(separator: ",").contains { part in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.first == "gzip" || pieces.first == "*" else { return false }
            return !pieces.dropFirst().contains { $0.replacingOccurrences(of: " ", with: "").hasPrefix("q=0") && !$0.contains("q=0.") }
        }
    }

    /// The whole body in one buffer (pages and downloads here are made in memory anyway).
    static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let box = Collected()
        try await body.write(CollectingWriter(box: box))
        return box.buffer
    }

    /// `ResponseBody.write` consumes its writer: the bytes are gathered in a box the caller keeps.
    final class Collected: @unchecked Sendable { var buffer = ByteBuffer() }

    struct CollectingWriter: ResponseBodyWriter {
        let box: Collected
        mutating func write(_ part: ByteBuffer) async throws { var part = part; box.buffer.writeBuffer(&part) }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
