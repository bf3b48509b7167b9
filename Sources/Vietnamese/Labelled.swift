/// A value shown to people by name: the Vietnamese label (CLI, exports, documents) and the English one of the
/// back office's second language. A protocol rather than a string table so that a new case cannot ship without both.
package protocol Labelled {
    var label: String { get }
    var englishLabel: String { get }
}

extension Labelled {
    package func label(english: Bool) -> String { english ? englishLabel : label }
}
