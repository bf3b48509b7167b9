import Mustache

/// Mustache sections hide on false, nil and empty lists; swift-mustache also shows them for "". View models carry
/// pre-formatted text where "" means "nothing to show", so empty text hides a section, as in most Mustache engines.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { isEmpty }
}
