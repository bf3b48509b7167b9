import Mustache

/// A view model as the templates see it. Mustache shows a section for any string, even an empty one; our view models
/// carry text already formatted, where "" means "nothing to show", so through this wrapper an empty string reads as
/// no value (the section hides, the inverted one shows), as in most Mustache engines. Wrapping the model, rather than
/// making every `String` of the process conform to Mustache's protocol, keeps the rule to what is rendered here: the
/// pages and the documents alike, in the server and on the command line.
package struct MustacheModel: MustacheParent, MustacheCustomRenderable {
    let value: Any

    package init(_ value: Any) { self.value = value }

    package func child(named name: String) -> Any? {
        if let parent = value as? MustacheParent { return Self.wrapped(parent.child(named: name)) }
        guard let found = Mirror(reflecting: value).children.first(where: { $0.label == name }) else { return nil }
        return Self.wrapped(found.value)
    }

    /// A leaf value shown with `{{x}}` renders as itself.
    package var renderText: String { (value as? MustacheCustomRenderable)?.renderText ?? String(describing: value) }
    package var isNull: Bool { (value as? MustacheCustomRenderable)?.isNull ?? false }

    static func wrapped(_ value: Any?) -> Any? {
        guard let value = unwrapped(value) else { return nil }
        switch value {
        case let text as String: return text.isEmpty ? nil : text
        case is Bool, is Int, is Int64, is Double, is MustacheLambda, is MustacheTemplate, is MustacheCustomRenderable: return value
        case let list as [Any]: return list.map { wrapped($0) ?? "" }
        default: return MustacheModel(value)
        }
    }

    /// The value an `Optional` holds, or nil.
    private static func unwrapped(_ value: Any?) -> Any? {
        guard let value else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrapped($0.value) } ?? nil
    }
}
