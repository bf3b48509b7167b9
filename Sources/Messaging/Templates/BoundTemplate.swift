import Vietnamese

/// What changes from one recipient to the next.
/// Held as they are stored: a template bound for `--ascii` folds them as it writes them (`BoundTemplate.render`).
package struct RecipientValues: Sendable {
    package var name: String
    package var givenName: Substring
    package var callForm: String
    package var village: String

    package init(name: String, givenName: Substring, callForm: String, village: String) {
        self.name = name; self.givenName = givenName; self.callForm = callForm; self.village = village
    }

    /// A field's text (a slice: the given name is one of the full name, the others whole).
    func value(_ field: MessageVariables.Recipient) -> Substring {
        switch field {
        case .name: return name[...]
        case .givenName: return givenName
        case .callForm: return callForm[...]
        case .village: return village[...]
        }
    }
}

/// A template with every shared value (commune, campaign, today…) already written in, ready to render one message per
/// recipient with a handful of appends. For SMS `--ascii`, the fixed text is folded once here.
package struct BoundTemplate: Sendable {
    indirect enum Part: Sendable {
        case text(String)
        case field(MessageVariables.Recipient, escaped: Bool)
        case section(MessageVariables.Recipient, inverted: Bool, [Part])
    }

    package let template: MessageTemplate
    let parts: [Part]
    package let ascii: Bool
    let html: Bool
    /// Recipient fields the template shows: the others are not worked out for each of a million rows.
    let usedFields: Set<MessageVariables.Recipient>
    /// The same, looked up for every message without hashing.
    let usesName: Bool, usesGivenName: Bool, usesCallForm: Bool, usesVillage: Bool

    /// `values` holds the shared variables; a variable the template uses but that has no value is an error that
    /// says how to give it.
    package init(_ template: MessageTemplate, values: [String: String], ascii: Bool) throws {
        self.template = template
        self.ascii = ascii
        html = template.channel == .letter
        let html = self.html
        func bind(_ pieces: [MessageTemplate.Piece]) throws -> [Part] {
            var parts: [Part] = []
            func append(_ text: String) {
                let text = ascii ? SMSText.asciiFolded(text) : text
                if case .text(let previous)? = parts.last { parts[parts.count - 1] = .text(previous + text) } else { parts.append(.text(text)) }
            }
            for piece in pieces {
                switch piece {
                case .text(let text): append(text)
                case .variable(let name, let escaped):
                    if let field = MessageVariables.Recipient(rawValue: name) {
                        parts.append(.field(field, escaped: escaped && html))
                    } else {
                        let value = try Self.value(name, in: values, template: template)
                        append(escaped && html ? HTMLEscape.text(value) : value)
                    }
                case .section(let name, let inverted, let inner):
                    if let field = MessageVariables.Recipient(rawValue: name) {
                        parts.append(.section(field, inverted: inverted, try bind(inner)))
                    } else {
                        let present = !(values[name] ?? "").isEmpty
                        if present != inverted {
                            for part in try bind(inner) {
                                if case .text(let text) = part { append(ascii ? text : text) } else { parts.append(part) }
                            }
                        }
                    }
                }
            }
            return parts
        }
        parts = try bind(template.pieces)
        let used = Set(template.usedVariables.compactMap(MessageVariables.Recipient.init(rawValue:)))
        usedFields = used
        usesName = used.contains(.name)
        usesGivenName = used.contains(.givenName)
        usesCallForm = used.contains(.callForm)
        usesVillage = used.contains(.village)
    }

    static func value(_ name: String, in values: [String: String], template: MessageTemplate) throws -> String {
        guard let value = values[name] else {
            let hint = name.hasPrefix("campaign.") ? "--campaign ID (hoặc --activity ID) hoặc --set \(name)=…"
                : name.hasPrefix("activity.") ? "--activity ID hoặc --set \(name)=…" : "--set \(name)=…"
            throw TemplateError(template: template.name, line: 1, message: "mẫu dùng \"\(name)\" nhưng chưa có giá trị: dùng \(hint)",
                                missingVariable: name)
        }
        return value
    }

    package func render(_ recipient: RecipientValues) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        render(parts, recipient, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the message's UTF-8 to `out`: an export renders a million into one buffer it reuses.
    func render(_ recipient: RecipientValues, into out: inout [UInt8]) {
        render(parts, recipient, into: &out)
    }

    /// Fixed text only: posts and broadcasts, which use no recipient variable.
    package func renderShared() -> String { render(RecipientValues(name: "", givenName: "", callForm: "", village: "")) }

    private func render(_ parts: [Part], _ recipient: RecipientValues, into out: inout [UInt8]) {
        for part in parts {
            switch part {
            case .text(let text): out.append(contentsOf: text.utf8)
            case .field(let field, let escaped): append(recipient.value(field), escaped: escaped, to: &out)
            case .section(let field, let inverted, let inner):
                if recipient.value(field).isEmpty == inverted { render(inner, recipient, into: &out) }
            }
        }
    }

    /// A recipient's value: HTML-escaped in a letter, folded for `--ascii` (straight from its bytes, no string made).
    private func append(_ value: Substring, escaped: Bool, to out: inout [UInt8]) {
        if escaped {
            out.append(contentsOf: HTMLEscape.text(String(value)).utf8)
        } else if ascii {
            SMSText.appendFolded(value, to: &out)
        } else {
            out.append(contentsOf: value.utf8)
        }
    }
}
