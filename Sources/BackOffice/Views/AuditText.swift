import Foundation
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

    /// What an update changed, one line a field: "fullName: Lê Thị Mai → Lê Thị Mai Anh". Fields whose value did not
    /// change, and bookkeeping (`updatedAt`, hashes), are left out; the raw JSON stays behind "Xem chi tiết".
    static func changes(before: String?, after: String?) -> [String] {
        let old = object(before), new = object(after)
        guard !old.isEmpty || !new.isEmpty else { return [] }
        let skipped: Set<String> = ["updatedAt", "createdAt", "sortKey", "searchKey", "passwordHash", "tokenHash"]
        return Set(old.keys).union(new.keys).subtracting(skipped).sorted().compactMap { key in
            let was = old[key].map(text), now = new[key].map(text)
            if was == now { return nil }
            switch (was, now) {
            case (nil, let now?): return "\(key): \(now)"
            case (let was?, nil): return "\(key): \(was) → —"
            case (let was?, let now?): return "\(key): \(was) → \(now)"
            default: return nil
            }
        }
    }

    private static func object(_ json: String?) -> [String: Any] {
        guard let json, let data = json.data(using: .utf8) else { return [:] }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    private static func text(_ value: Any) -> String {
        switch value {
        case is NSNull: return "—"
        case let text as String: return text.isEmpty ? "—" : String(text.prefix(120))
        default:
            let data = (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
