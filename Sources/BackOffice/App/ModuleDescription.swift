/// The modules the navigation already shows. Those not yet built answer with an honest page that says what they
/// will do, instead of an empty screen.
struct ModuleDescription: Sendable {
    let slug: String

    static let pending: [ModuleDescription] = ["recognition"]
        .map(ModuleDescription.init)
}
