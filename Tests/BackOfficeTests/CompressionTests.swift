import BackOffice
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Compression")
struct CompressionTests {
    @Test("A page travels gzip-compressed when the browser accepts it, several times smaller; not otherwise")
    func gzipWhenAccepted() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let plain = try await browser.get("/campaigns/calendar")
            #expect(plain.headers[.contentEncoding] == nil)
            browser.extraHeaders.withLockedValue { $0 = ["Accept-Encoding": "gzip, deflate, br"] }
            let zipped = try await browser.get("/campaigns/calendar")
            #expect(zipped.headers[.contentEncoding] == "gzip")
            #expect(zipped.headers[.vary] == "Accept-Encoding")
            #expect(Array(zipped.body.readableBytesView.prefix(2)) == [0x1F, 0x8B])
            #expect(zipped.body.readableBytes * 3 < plain.body.readableBytes)
            let css = try await browser.get("/static/app.css")
            #expect(css.headers[.contentEncoding] == "gzip")
            browser.extraHeaders.withLockedValue { $0 = ["Accept-Encoding": "gzip;q=0, identity"] }
            #expect(try await browser.get("/people").headers[.contentEncoding] == nil)
        }
    }
}
