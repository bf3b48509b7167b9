import Store
import Vietnamese

/// Residents, households, consents and units: the lists of the shared store.
package enum PeopleLists {
    package static let all = [people, households, consents, units]

    /// The people list under the importer's headers (it imports back), scoped to the villages the account reads.
    package static let people = ListExport(
        "people", summary: "Người dân (cùng cột với tệp nhập; --village-id một thôn)", entity: "person",
        file: { q in q.villageId.map { "nguoi-dan-thon-\($0)" } ?? "nguoi-dan" }, title: { _, _ in "Danh sách người dân" }, sheet: { _ in "Người dân" }
    ) { db, query, principal, _, sink in
        try CSVExport.people(db, into: sink, scope: principal.readScope, villageId: query.villageId)
    }

    package static let households = ListExport(
        "households", summary: "Hộ gia đình: thôn, chủ hộ, số nhân khẩu, địa chỉ", entity: "household",
        file: { _ in "ho-gia-dinh" }, title: { _, _ in "Danh sách hộ gia đình" }, sheet: { _ in "Hộ gia đình" }
    ) { db, query, principal, _, sink in
        let items = try HouseholdStore.all(db, villageId: query.villageId, for: principal)
        try sink.begin([TableColumn("STT", width: 5), TableColumn("Hộ", width: 28), TableColumn("Thôn", width: 14), TableColumn("Chủ hộ", width: 24),
                        TableColumn("Số nhân khẩu", width: 8), TableColumn("Địa chỉ", width: 30)])
        for (index, item) in items.enumerated() {
            try sink.row([.integer(Int64(index + 1)), .text(item.household.name), Cells.text(item.villageName), Cells.text(item.headName),
                          .integer(Int64(item.memberCount)), Cells.text(item.household.address)])
        }
        return items.count
    }

    /// The register of consents, withdrawn ones included: the proof the law asks for (who, which channel, purpose,
    /// how and when given, by which guardian, when withdrawn).
    package static let consents = ListExport(
        "consents", summary: "Sổ đồng ý nhận tin: kênh, mục đích, cách ghi nhận, ngày đồng ý, ngày rút (--kind sms|zalo|…)", entity: "consent",
        file: { q in "dong-y-nhan-tin" + (q.kind.map { "-\($0)" } ?? "") }, title: { _, _ in "Sổ ghi nhận đồng ý nhận tin" }, sheet: { _ in "Đồng ý nhận tin" }
    ) { db, query, principal, _, sink in
        let channel = query.kind.flatMap(ConsentChannel.init(rawValue:))
        let lines = try ConsentStore.register(db, channel: channel, villageId: query.villageId, for: principal)
        try sink.begin([TableColumn("Họ và tên", width: 26), TableColumn("Thôn", width: 14), TableColumn("Kênh", width: 14),
                        TableColumn("Mục đích", width: 40), TableColumn("Cách ghi nhận", width: 24), TableColumn("Ngày đồng ý", width: 11),
                        TableColumn("Người giám hộ", width: 22), TableColumn("Ngày rút", width: 11), TableColumn("Ghi chú", width: 24)])
        for line in lines {
            let c = line.consent
            try sink.row([.text(line.fullName), Cells.text(line.village), .text(c.channel.label), .text(c.purpose), .text(c.method.label),
                          .date(c.givenOn), Cells.text(c.guardianName), Cells.date(c.withdrawnOn), Cells.text(c.note)])
        }
        return lines.count
    }

    /// Units in tree order under the importer's headers (public: every account reads the commune's units).
    package static let units = ListExport(
        "units", summary: "Đơn vị (cùng cột với tệp nhập)", entity: "unit",
        file: { _ in "don-vi" }, title: { _, _ in "Danh sách đơn vị" }, sheet: { _ in "Đơn vị" }
    ) { db, _, _, _, sink in
        try CSVExport.units(db, into: sink)
    }
}
