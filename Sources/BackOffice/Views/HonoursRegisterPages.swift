import Foundation
import GRDB
import Honours
import Hummingbird
import Store
import Vietnamese

/// What the pages of `HonoursRegisterController` show: one view model each, its fields one a line.
extension HonoursRegisterController {
    struct FormRow {
        let key: String
        let name: String
        let kind: String
        let level: String
        let awardedBy: String
        let recipients: String
        let award: String
    }

    struct ClanRow {
        let name: String
        let village: String
        let notes: String
    }

    struct ModelRow {
        let title: String
        let unit: String
        let year: Int
        let description: String
        let replicated: String
    }

    struct RegisterPage {
        let forms: [FormRow]
        let clans: [ClanRow]
        let models: [ModelRow]
        let villages: [Option]
        let units: [Option]
        let year: Int
        let canManage: Bool
        let canAdd: Bool
        let csrf: String
    }
}

extension HonoursRegisterController.FormRow {
    /// A form or title of the catalogue, with the cash award it now carries.
    init(_ form: HonourForm, award: Int64, english: Bool, text: (String) -> String) {
        key = form.key
        name = form.name
        kind = text("honourKind_\(form.kind.rawValue)")
        level = text("honourLevel_\(form.level)")
        awardedBy = form.awardedBy
        recipients = form.recipients.map { $0.label(english: english) }.joined(separator: ", ")
        self.award = VND.grouped(award)
    }
}

extension HonoursRegisterController.ClanRow {
    /// A clan and its village (looked up in `villages`).
    init(_ clan: Clan, villages: [OrgUnit]) {
        name = clan.name
        village = villages.first { $0.id == clan.villageId }?.name ?? ""
        notes = clan.notes ?? ""
    }
}

extension HonoursRegisterController.ModelRow {
    /// A good model of the register and the unit it belongs to.
    init(_ model: GoodModel, unit: String) {
        title = model.title
        self.unit = unit
        year = model.year
        self.description = model.description
        replicated = model.replicatedWhere ?? ""
    }
}

extension HonoursRegisterController.RegisterPage {
    /// The catalogue of forms, the clans, the good models, and the menus of the forms that add to them
    /// (`writableVillages` and `units`: those the account may write in).
    init(
        forms: [HonoursRegisterController.FormRow],
        clans: [Clan],
        models: [(GoodModel, String)],
        villages: [OrgUnit],
        writableVillages: [OrgUnit],
        units: [OrgUnit],
        year: Int,
        canManage: Bool,
        canAdd: Bool,
        csrf: String
    ) {
        self.forms = forms
        self.clans = clans.map { HonoursRegisterController.ClanRow($0, villages: villages) }
        self.models = models.map { HonoursRegisterController.ModelRow($0.0, unit: $0.1) }
        self.villages = writableVillages.options()
        self.units = units.options()
        self.year = year
        self.canManage = canManage
        self.canAdd = canAdd
        self.csrf = csrf
    }
}
