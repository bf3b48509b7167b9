import Mustache
import Vietnamese

/// Mustache's own HTML escaping compares `Character`s, so `"` followed by a combining mark passes through raw and a
/// name can open an attribute. Every template of the back office is compiled with this content type instead, which
/// escapes with the project's scalar-wise `HTMLEscape`.
package struct ScalarHTMLContentType: MustacheContentType {
    package func escapeText(_ text: String) -> String { HTMLEscape.text(text) }
}

package enum ScalarHTML {
    private static let name = "SCALARHTML"
    private static let registered: Void = MustacheContentTypes.register(ScalarHTMLContentType(), named: name)

    /// A template source that escapes `{{…}}` scalar by scalar (the pragma prints nothing).
    package static func template(_ source: String) -> String {
        _ = registered
        return "{{% CONTENT_TYPE: \(name)}}" + source
    }
}
