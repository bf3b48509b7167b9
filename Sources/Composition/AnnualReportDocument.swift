import Foundation
import GRDB
import Campaigns
import Honours
import Office
import Organisations
import Recognition
import Socialization
import Store
import Vietnamese

/// The yearly report printed from `Templates/documents/annual-report.mustache` (NĐ 30/2020 layout), for the back
/// office and `densach report annual`, which also writes the Markdown appendix and the indicators CSV.
package struct AnnualReportDocument: Sendable {
    package let documents: DocumentTemplates
    package let sets: CriteriaSets
    package let programme: Programme
    package let forms: HonourForms

    package init(templatesDirectory: String, campaignsDirectory: String) throws {
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

    package struct Model {
        struct Campaign { let title: String; let period: String; let activities: Int; let participants: Int; let booksLent: Int }
        struct ModelLine { let title: String; let registered: Int; let recognised: Int; let share: String; let target: String }
        struct IndicatorLine { let name: String; let unit: String; let value: String; let expected: String; let verdict: String }
        struct TrainingLine { let unit: String; let trained: Int; let hours: String; let certificates: Int; let digital: Int; let selfStudied: Int; let selfStudyHours: String }
        struct DutyLine { let section: String; let assignee: String; let text: String; let result: String; let evidence: String }
        struct OrganisationLine {
            let name: String; let members: Int; let joined: Int; let campaigns: Int; let activities: Int; let volunteers: Int
            let volunteerHours: String; let gifts: String
            /// Members present by name at an activity of the year, and those an export reached, with their shares of
            /// the people who were members at some time in the year.
            let tookPart: Int; let tookPartShare: String; let reached: Int; let reachedShare: String
        }
        let committee: String; let commune: String; let dateLong: String; let final: Bool; let year: Int; let recipient: String
        let assessment: String; let campaignCount: Int; let activities: Int; let participants: String; let campaigns: [Campaign]
        let clubs: Int; let sessions: Int; let activeHouses: Int; let houses: Int; let houseShare: String
        let donationsTotal: String; let donationsCash: String; let donationsInKind: String; let donationCount: Int; let sponsorCount: Int; let volunteerHours: String
        let honoursTotal: Int; let honoursIndividuals: Int; let honoursCollectives: Int; let models: [ModelLine]; let indicators: [IndicatorLine]
        let courses: Int; let trained: Int; let trainingHours: String; let digitalTrained: Int; let selfStudied: Int; let training: [TrainingLine]
        let duties: [DutyLine]
        /// Section 9: what each mass organisation did (members, campaigns led, activities, volunteers, gifts).
        let organisations: [OrganisationLine]
        let difficulties: String; let proposals: String
        /// The People's Committee reports as a collective: "TM. ỦY BAN NHÂN DÂN" over the Chairman's lines.
        let signature: [String]; let signerName: String
    }

    package func html(_ db: Database, report: AnnualReport, today: CivilDate = .today()) throws -> String {
        documents.render("annual-report", try Self.model(db, report: report, today: today))
    }

    /// What the report says, for the printed page and the Word document alike.
    package static func model(_ db: Database, report: AnnualReport, today: CivilDate) throws -> Model {
        let settings = try Settings.all(db)
        func setting(_ key: Settings.Key) -> String { settings[key.name] ?? key.defaultValue }
        // A section not written yet prints as a dotted line to fill in by hand, as blank forms do.
        let dash = String(repeating: "…", count: 40)
        return Model(
            committee: setting(Settings.committeeName), commune: setting(Settings.communeName), dateLong: today.documentForm, final: report.isFinal,
            year: report.year, recipient: setting(Settings.reportRecipient), assessment: report.texts["assessment"] ?? "",
            campaignCount: report.campaigns.count, activities: report.activities, participants: VND.grouped(Int64(report.participants)),
            campaigns: report.campaigns.map {
                Model.Campaign(title: $0.title, period: $0.period, activities: $0.activities, participants: $0.participants, booksLent: $0.booksLent)
            },
            clubs: report.clubs, sessions: report.sessions, activeHouses: report.activeHouses, houses: report.houses,
            houseShare: DecimalText.percent(report.houseShare),
            donationsTotal: VND.format(report.socialization.total), donationsCash: VND.format(report.socialization.cash),
            donationsInKind: VND.format(report.socialization.inKind), donationCount: report.socialization.donations, sponsorCount: report.socialization.sponsors,
            volunteerHours: DecimalText.number(Double(report.volunteerMinutes) / 60),
            honoursTotal: report.honours.total, honoursIndividuals: report.honours.individuals, honoursCollectives: report.honours.collectives,
            models: report.models.map { Model.ModelLine(title: $0.title, registered: $0.registered, recognised: $0.recognised,
                                                        share: DecimalText.percent($0.share), target: $0.target.map { "\($0)%" } ?? "") },
            indicators: report.indicators.map {
                Model.IndicatorLine(name: $0.indicator.name, unit: $0.indicator.unit, value: $0.indicator.display($0.value.value),
                                    expected: $0.indicator.display($0.expected),
                                    verdict: $0.onTrack.map { $0 ? "Đạt lộ trình" : "Chưa đạt lộ trình" } ?? "Chưa có số liệu")
            },
            courses: report.training.courses, trained: report.training.total.trained, trainingHours: HoursText.display(report.training.total.courseMinutes),
            digitalTrained: report.training.total.digitalTrained, selfStudied: report.training.total.selfStudied,
            training: (report.training.byUnit + [report.training.total]).map {
                Model.TrainingLine(unit: $0.unit.isEmpty ? "Cả xã" : $0.unit, trained: $0.trained, hours: HoursText.display($0.courseMinutes),
                                   certificates: $0.certificates, digital: $0.digitalTrained, selfStudied: $0.selfStudied,
                                   selfStudyHours: HoursText.display($0.selfStudyMinutes))
            },
            duties: report.duties.map {
                Model.DutyLine(section: $0.duty.section, assignee: $0.duty.assignee, text: $0.duty.text,
                               result: $0.units == 0 ? "Chưa có đơn vị" : "\($0.done)/\($0.units) hoàn thành" + ($0.inProgress > 0 ? ", \($0.inProgress) đang thực hiện" : ""),
                               evidence: $0.evidence.joined(separator: "; "))
            },
            organisations: try organisationLines(db, year: report.year),
            difficulties: report.texts["difficulties"] ?? dash, proposals: report.texts["proposals"] ?? dash,
            signature: Signing.lines(.committee, title: setting(Settings.signerTitle)), signerName: setting(Settings.signerName))
    }

    /// One line per mass organisation, assembled from the modules that hold each figure.
    static func organisationLines(_ db: Database, year: Int) throws -> [Model.OrganisationLine] {
        let figures = try OrganisationYear.figures(db, year: year)
        let led = try CampaignStore.ledByUnit(db, year: year)
        let mobilised = try SocializationTotals.byUnit(db, year: year)
        return try UnitStore.all(db, kinds: MembershipStore.organisationKinds).map { unit in
            let id = unit.id!
            let members = figures[id] ?? .none
            func share(_ count: Int) -> String { members.during == 0 ? "–" : DecimalText.percent(Double(count) * 100 / Double(members.during)) }
            return Model.OrganisationLine(
                name: unit.name, members: members.members, joined: members.joined, campaigns: led[id]?.campaigns ?? 0,
                activities: led[id]?.activities ?? 0, volunteers: mobilised[id]?.volunteers ?? 0,
                volunteerHours: DecimalText.number(Double(mobilised[id]?.minutes ?? 0) / 60), gifts: VND.format(mobilised[id]?.gifts ?? 0),
                tookPart: members.tookPart, tookPartShare: share(members.tookPart), reached: members.reached, reachedShare: share(members.reached))
        }
    }

    /// A count, share or amount, set right in a table ("1.067", "9,9%", "40%"); dates and words stay left.
    static func isNumber(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isNumber || $0 == "." || $0 == "," || $0 == "%" }
    }

    /// The report as a Word document to finish and sign (NĐ 30), with its tables, in the words of
    /// `Templates/documents/annual-report.mustache`.
    package static func word(_ m: Model) -> DOCXDocument {
        typealias P = DOCXDocument.Paragraph
        typealias R = DOCXDocument.Run
        var doc = DOCXDocument(title: "Báo cáo năm \(m.year)")
        func heading(_ text: String) -> DOCXDocument.Block { .paragraph(P([R(text, bold: true)], alignment: .left, spaceBefore: 120)) }
        func body(_ text: String) -> DOCXDocument.Block { .paragraph(P([R(text)], indentFirstLine: true)) }
        func table(_ header: [String], _ rows: [[String]], widths: [Int]) -> DOCXDocument.Block {
            let numeric = Set(1..<header.count)
            return .table(.init(widths: widths, rows: [header.map { DOCXDocument.cell($0, bold: true, alignment: .center) }]
                + rows.map { row in row.enumerated().map { DOCXDocument.cell($0.element, alignment: numeric.contains($0.offset) && Self.isNumber($0.element) ? .right : .left) } },
                headerRows: 1))
        }
        let width = doc.textWidth
        doc.blocks.append(doc.heading(agency: m.committee, under: ["Số: …/BC-UBND"], placeAndDate: "\(m.commune), \(m.dateLong)"))
        if !m.final { doc.blocks.append(.paragraph(P([R("DỰ THẢO — chưa chốt", bold: true)], alignment: .center))) }
        doc.blocks += [
            .paragraph(P([R("BÁO CÁO", bold: true)], alignment: .center, spaceAfter: 0)),
            .paragraph(P([R("Kết quả thực hiện Kế hoạch đẩy mạnh các hoạt động học tập suốt đời trong thư viện, nhà văn hóa năm \(m.year)", bold: true)], alignment: .center)),
            .paragraph(P([R("Kính gửi: \(m.recipient)")], alignment: .center)),
            heading("I. KẾT QUẢ THỰC HIỆN"),
        ]
        if !m.assessment.isEmpty { doc.blocks.append(body(m.assessment)) }
        doc.blocks += [
            heading("1. Tuyên truyền, chiến dịch hưởng ứng các ngày lễ"),
            body("Trong năm, xã tổ chức \(m.campaignCount) chiến dịch với \(m.activities) hoạt động, thu hút \(m.participants) lượt người tham gia."),
            table(["Chiến dịch", "Thời gian", "Hoạt động", "Người tham gia", "Sách mượn"],
                  m.campaigns.map { [$0.title, $0.period, String($0.activities), String($0.participants), String($0.booksLent)] },
                  widths: [width - 2600 - 1100 - 1300 - 1100, 2600, 1100, 1300, 1100]),
            heading("2. Câu lạc bộ, lớp năng khiếu ở nhà văn hóa"),
            body("""
                \(m.clubs) câu lạc bộ, lớp, nhóm đang hoạt động; \(m.sessions) buổi sinh hoạt trong năm; \
                \(m.activeHouses)/\(m.houses) nhà văn hóa (\(m.houseShare)) có câu lạc bộ hoạt động thường xuyên.
                """),
            heading("3. Xã hội hóa"),
            body("""
                Tổng giá trị huy động \(m.donationsTotal) (\(m.donationsCash) tiền mặt, chuyển khoản; \(m.donationsInKind) hiện vật) \
                từ \(m.donationCount) lượt ủng hộ của \(m.sponsorCount) nhà tài trợ; \(m.volunteerHours) giờ tình nguyện.
                """),
            heading("4. Thi đua, khen thưởng"),
            body("\(m.honoursTotal) tập thể, cá nhân được khen thưởng (\(m.honoursIndividuals) cá nhân, \(m.honoursCollectives) tập thể)."),
            heading("5. Bồi dưỡng, tự học của đội ngũ"),
            body("""
                \(m.courses) lớp bồi dưỡng, tập huấn trong năm; \(m.trained) người được bồi dưỡng (\(m.trainingHours) giờ học), \
                trong đó \(m.digitalTrained) người dự lớp kỹ năng số; \(m.selfStudied) người ghi giờ tự học.
                """),
            table(["Đơn vị", "Người được bồi dưỡng", "Giờ học", "Chứng chỉ", "Kỹ năng số", "Người tự học", "Giờ tự học"],
                  m.training.map { [$0.unit, String($0.trained), $0.hours, String($0.certificates), String($0.digital), String($0.selfStudied), $0.selfStudyHours] },
                  widths: [width - 6 * 1050, 1050, 1050, 1050, 1050, 1050, 1050]),
            heading("6. Xây dựng mô hình học tập"),
            table(["Danh hiệu", "Đăng ký", "Được công nhận", "Tỉ lệ", "Mục tiêu 2025"],
                  m.models.map { [$0.title, String($0.registered), String($0.recognised), $0.share, $0.target] },
                  widths: [width - 1200 - 1500 - 1100 - 1400, 1200, 1500, 1100, 1400]),
            heading("7. Các chỉ tiêu của Kế hoạch"),
            table(["Chỉ tiêu", "Năm \(m.year)", "Lộ trình", "Đánh giá"], m.indicators.map { ["\($0.name) (\($0.unit))", $0.value, $0.expected, $0.verdict] },
                  widths: [width - 1100 - 1100 - 2000, 1100, 1100, 2000]),
            heading("8. Nhiệm vụ thường xuyên của các đơn vị"),
            table(["Mục", "Đơn vị thực hiện", "Nhiệm vụ", "Kết quả", "Minh chứng"],
                  m.duties.map { [$0.section, $0.assignee, $0.text, $0.result, $0.evidence] },
                  widths: [600, 2000, width - 600 - 2000 - 1600 - 2200, 1600, 2200]),
            heading("9. Các tổ chức đoàn thể"),
            body("a) Hội viên được tiếp cận và tham gia (tỉ lệ trên số người là hội viên trong năm)"),
            table(["Tổ chức", "Hội viên cuối năm", "Vào mới", "Tham gia hoạt động", "Tỉ lệ", "Nhận tin nhắn", "Tỉ lệ"],
                  m.organisations.map { [$0.name, String($0.members), String($0.joined), String($0.tookPart), $0.tookPartShare, String($0.reached), $0.reachedShare] },
                  widths: [width - 6 * 1100, 1100, 1100, 1100, 1100, 1100, 1100]),
            body("b) Chiến dịch, hoạt động và nguồn lực huy động"),
            table(["Tổ chức", "Chiến dịch chủ trì", "Hoạt động", "Tình nguyện viên", "Giờ tình nguyện", "Giá trị ủng hộ nhận"],
                  m.organisations.map { [$0.name, String($0.campaigns), String($0.activities), String($0.volunteers), $0.volunteerHours, $0.gifts] },
                  widths: [width - 4 * 1100 - 1900, 1100, 1100, 1100, 1100, 1900]),
            heading("II. KHÓ KHĂN, VƯỚNG MẮC"), body(m.difficulties),
            heading("III. ĐỀ XUẤT, KIẾN NGHỊ"), body(m.proposals),
        ]
        let signer = DOCXDocument.signatureBlock(m.signature, name: m.signerName)
        doc.blocks.append(.table(.init(widths: [width / 2, width / 2], rows: [[
            [P([R("Nơi nhận:", bold: true, italic: true, size: 24)], alignment: .left, spaceAfter: 0),
             P([R("- \(m.recipient);", size: 22)], alignment: .left, spaceAfter: 0), P([R("- Lưu: VT.", size: 22)], alignment: .left)],
            signer,
        ]], borders: false)))
        return doc
    }

    /// `densach report annual`: the printable report, the Markdown appendix and the indicators CSV in a folder.
    /// `densach report annual`: the printable report, the same report for Word, its tables as a workbook (a sheet
    /// per section), the Markdown appendix and the indicators CSV, into one folder.
    package func write(_ database: AppDatabase, year: Int, to directory: String, by principal: Principal, today: CivilDate = .today()) async throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let tables = "bao-cao-\(year)-so-lieu.xlsx"
        let data = ListData(forms: forms, sets: sets, programme: programme, today: today)
        let files = try await database.write { db -> [String: Data] in
            let report = try self.report(db, year: year)
            let query = ListQuery(year: year)
            let workbook = try XLSXWriter(path: directory + "/" + tables, properties: .init(
                title: try RecognitionLists.annualReport.title(db, query), sheet: "Tổng hợp", company: "UBND xã \(try Settings.value(db, Settings.communeName))"))
            _ = try RecognitionLists.annualReport.write(db, query, by: principal, data: data, into: workbook)
            try workbook.finish()
            try Audit.record(db, by: principal, .export, entity: "report", id: Int64(year), after: ["to": directory])
            return ["bao-cao-\(year).html": Data(ThankYouLetters.standalone(try self.html(db, report: report, today: today),
                                                                                  title: "Báo cáo năm \(year)").utf8),
                    "bao-cao-\(year).docx": try Self.word(try Self.model(db, report: report, today: today)).data(),
                    "phu-luc-\(year).md": Data(report.markdown.utf8), "chi-tieu-\(year).csv": Data(try report.indicatorsCSV().utf8)]
        }
        for (name, bytes) in files { try bytes.write(to: URL(fileURLWithPath: directory + "/" + name), options: .atomic) }
        return (Array(files.keys) + [tables]).sorted()
    }
}
