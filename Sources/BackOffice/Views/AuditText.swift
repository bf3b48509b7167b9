import Store

/// How the audit trail names what changed: "Người dân Nguyễn Văn An", "Lượt đọc thư viện #28" — the record type from
/// the strings (`entity_<type>`), then the record's name where the store knows it, else its number.
enum AuditText {
    static func entity(_ entry: AuditEntry, names: [String: String], views: Views, language: Language) -> String {
        let label = type(entry.entity, views: views, language: language)
        guard let id = entry.entityId else { return label }
        return label + " " + (names["\(entry.entity)#\(id)"] ?? "#\(id)")
    }

    static func type(_ entity: String, views: Views, language: Language) -> String {
        let key = "entity_" + entity
        let text = views.text(key, language)
        return text == key ? entity : text
    }
}
