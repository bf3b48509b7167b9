import Store
import Training
import Vietnamese

/// Staff training of a year: the courses, who took part, and the totals per unit the yearly report carries.
package enum TrainingLists {
    package static let all = [courses, participants]

    package static let courses = ListExport(
        "training-courses", summary: "Lớp bồi dưỡng, hội thảo của một năm (--year): cấp, chủ đề, ngày, số giờ, người dự, chứng chỉ", entity: "trainingCourse",
        file: { q in "boi-duong-\(Cells.fileYear(q))" }, title: { _, q in "Các lớp bồi dưỡng, tập huấn\(Cells.inYear(q))" }, sheet: { _ in "Lớp bồi dưỡng" }
    ) { db, query, _, data, sink in
        let items = try TrainingStore.courses(db, year: query.year ?? data.today.year)
        try sink.begin([TableColumn("Tên lớp, hội thảo", width: 40), TableColumn("Đơn vị tổ chức", width: 26), TableColumn("Cấp", width: 14),
                        TableColumn("Chủ đề", width: 26), TableColumn("Từ ngày", width: 11), TableColumn("Đến ngày", width: 11),
                        TableColumn("Số giờ", width: 8), TableColumn("Người đăng ký", width: 10), TableColumn("Người dự", width: 10),
                        TableColumn("Chứng chỉ", width: 10)])
        for item in items {
            let c = item.course
            try sink.row([.text(c.title), .text(c.organiser), .text(c.level.label), .text(c.topic.label), .date(c.startDate), .date(c.endDate),
                          .number(Double(c.minutes) / 60), .integer(Int64(item.participants)), .integer(Int64(item.attended)), .integer(Int64(item.certificates))])
        }
        return items.count
    }

    /// Everyone who took part in a course of the year, with their unit and result; a unit-scoped account gets its units only.
    package static let participants = ListExport(
        "training-participants", summary: "Người dự các lớp bồi dưỡng của một năm (--year): đơn vị, vai trò, có mặt, chứng chỉ", entity: "trainingParticipant",
        file: { q in "nguoi-du-boi-duong-\(Cells.fileYear(q))" }, title: { _, q in "Người dự lớp bồi dưỡng\(Cells.inYear(q))" }, sheet: { _ in "Người dự" }
    ) { db, query, principal, data, sink in
        try sink.begin([TableColumn("Lớp", width: 36), TableColumn("Từ ngày", width: 11), TableColumn("Họ và tên", width: 26),
                        TableColumn("Đơn vị", width: 26), TableColumn("Vai trò", width: 16), TableColumn("Có mặt", width: 8),
                        TableColumn("Chứng chỉ", width: 26), TableColumn("Số giờ", width: 8)])
        var rows = 0
        for item in try TrainingStore.courses(db, year: query.year ?? data.today.year).reversed() {
            for p in try TrainingStore.participants(db, courseId: item.course.id!, for: principal) {
                try sink.row([.text(item.course.title), .date(item.course.startDate), .text(p.name), Cells.text(p.unit), .text(p.participant.role.label),
                              .text(p.participant.attended ? "Có" : "Vắng"), Cells.text(p.participant.certificate),
                              p.participant.attended ? .number(Double(item.course.minutes) / 60) : .empty])
                rows += 1
            }
        }
        return rows
    }
}
