import Foundation
import GRDB
import Honours
import Recognition
import Store
import Vietnamese

/// The yearly report printed from `Templates/documents/annual-report.mustache` (NĐ 30/2020 layout), for the back
/// office and `densach report annual`, which also writes the Markdown appendix and the indicators CSV.
public struct AnnualReportDocument: Sendable {
    package let documents: DocumentTemplates
    package let sets: CriteriaSets
    package let programme: Programme
    package let forms: HonourForms

    public init(templatesDirectory: String, campaignsDirectory: String) throws {
        documents = try DocumentTemplates(directory: templatesDirectory + "/documents")
        sets = try CriteriaSets(directory: campaignsDirectory + "/criteria")
        programme = try Programme(path: campaignsDirectory + "/programme.yaml")
        forms = try HonourForms(path: campaignsDirectory + "/honours.yaml")
    }

    package init(documents: DocumentTemplates, sets: CriteriaSets, programme: Programme, forms: HonourForms) {
        self.documents = documents; self.sets = sets; self.programme = programme; self.forms = forms
    }

    package func report(_ db: Database, year: Int) throws -> AnnualReport {
        try AnnualReport.make(db, year: year, sets: sets, programme: programme, forms: forms)
    }

    struct Model {
        struct Campaign { let title: String; let period: String; let activities: Int; let participants: Int; let booksLent: Int }
        struct ModelLine { let title: String; let registered: Int; let recognised: Int; let share: String; let target: String }
        struct IndicatorLine { let name: String; let unit: String; let value: String; let expected: String; let verdict: String }
        let committee: String; let commune: String; let dateLong: String; let final: Bool; let year: Int; let recipient: String
        let assessment: String; let campaignCount: Int; let activities: Int; let participants: String; let campaigns: [Campaign]
        let clubs: Int; let sessions: Int; let activeHouses: Int; let houses: Int; let houseShare: String
        let donationsTotal: String; let donationsCash: String; let donationsInKind: String; let donationCount: Int; let sponsorCount: Int; let volunteerHours: String
        let honoursTotal: Int; let honoursIndividuals: Int; let honoursCollectives: Int; let models: [ModelLine]; let indicators: [IndicatorLine]
        let difficulties: String; let proposals: String; let signerLead: String; let signerTitle: String; let signerName: String
    }

    package func html(_ db: Database, report: AnnualReport, today: CivilDate = .today()) throws -> String {
        let settings = try Settings.all(db)
        func setting(_ key: Settings.Key) -> String { settings[key.name] ?? key.defaultValue }
        // A section not written yet prints as a dotted line to fill in by hand, as blank forms do.
        let dash = String(repeating: "…", count: 40)
        let model = Model(
            committee: setting(Settings.committeeName), commune: setting(Settings.communeName), dateLong: today.documentForm, final: report.isFinal,
            year: report.year, recipient: setting(Settings.reportRecipient), assessment: report.texts["assessment"] ?? "",
            campaignCount: report.campaigns.count, activities: report.activities, participants: VND.grouped(Int64(report.participants)),
            campaigns: report.campaigns.map { Model.Campaign(title: $0.title, period: $0.period, activities: $0.activities, participants: $0.participants, booksLent: $0.booksLent) },
            clubs: report.clubs, sessions: report.sessions, activeHouses: report.activeHouses, houses: report.houses,
            houseShare: DecimalText.percent(report.houseShare),
            donationsTotal: VND.format(report.socialization.total), donationsCash: VND.format(report.socialization.cash),
            donationsInKind: VND.format(report.socialization.inKind), donationCount: report.socialization.donations, sponsorCount: report.socialization.sponsors,
            volunteerHours: DecimalText.number(Double(report.volunteerMinutes) / 60),
            honoursTotal: report.honours.total, honoursIndividuals: report.honours.individuals, honoursCollectives: report.honours.collectives,
            models: report.models.map { Model.ModelLine(title: $0.title, registered: $0.registered, recognised: $0.recognised,
                                                        share: DecimalText.percent($0.share), target: $0.target.map { "\($0)%" } ?? "") },
            indicators: report.indicators.map {
                Model.IndicatorLine(name: $0.indicator.name, unit: $0.indicator.unit, value: DecimalText.number($0.value.value),
                                    expected: DecimalText.number($0.expected),
                                    verdict: $0.onTrack.map { $0 ? "Đạt lộ trình" : "Chưa đạt lộ trình" } ?? "Chưa có số liệu")
            },
            difficulties: report.texts["difficulties"] ?? dash, proposals: report.texts["proposals"] ?? dash,
            signerLead: Signing.lead(forTitle: setting(Settings.signerTitle)), signerTitle: setting(Settings.signerTitle), signerName: setting(Settings.signerName))
        return documents.render("annual-report", model)
    }

    /// `densach report annual`: the printable report, the Markdown appendix and the indicators CSV in a folder.
    public func write(_ database: AppDatabase, year: Int, to directory: String, by principal: Principal) async throws -> [String] {
        let (page, markdown, csv) = try await database.write { db -> (String, String, String) in
            let report = try self.report(db, year: year)
            try Audit.record(db, by: principal, .export, entity: "report", id: Int64(year), after: ["to": directory])
            return (ThankYouLetters.standalone(try self.html(db, report: report)), report.markdown, try report.indicatorsCSV())
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files = ["bao-cao-\(year).html": page, "phu-luc-\(year).md": markdown, "chi-tieu-\(year).csv": csv]
        for (name, text) in files { try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8) }
        return files.keys.sorted()
    }
}
