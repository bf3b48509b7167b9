import Foundation

/// The Vietnamese lunisolar calendar (âm lịch), computed for UTC+7 with Hồ Ngọc Đức's astronomical method (new moons
/// and the sun's longitude after Jean Meeus), the one Vietnamese calendars print. Valid 1900–2100. Vietnam's calendar
/// differs from China's (UTC+8) in a few years, e.g. Tết 2007 fell on 17/02 in Vietnam, 18/02 in China; Tết 2030 falls on 02/02, 03/02 in China.
package enum LunarCalendar {
    package struct LunarDate: Equatable, Sendable, CustomStringConvertible {
        package let day: Int
        package let month: Int
        package let year: Int
        package let isLeapMonth: Bool

        package init(day: Int, month: Int, year: Int, isLeapMonth: Bool = false) {
            self.day = day; self.month = month; self.year = year; self.isLeapMonth = isLeapMonth
        }

        /// "15/8" or "1/4 nhuận".
        package var description: String { "\(day)/\(month)\(isLeapMonth ? " nhuận" : "")" }
    }

    static let timeZone = 7.0

    /// The solar date of a lunar date, or nil when it does not exist (a leap month that year does not have, day 30 of
    /// a 29-day month, a year outside 1900–2100).
    package static func solar(_ lunar: LunarDate) -> CivilDate? {
        guard (1900...2100).contains(lunar.year), (1...12).contains(lunar.month), (1...30).contains(lunar.day) else { return nil }
        let (a11, b11) = lunar.month < 11
            ? (lunarMonth11(year: lunar.year - 1), lunarMonth11(year: lunar.year))
            : (lunarMonth11(year: lunar.year), lunarMonth11(year: lunar.year + 1))
        let k = Int(floor(0.5 + (Double(a11) - 2415021.076998695) / 29.530588853))
        var offset = lunar.month - 11
        if offset < 0 { offset += 12 }
        if b11 - a11 > 365 {
            let leapOffset = leapMonthOffset(a11: a11)
            var leapMonth = leapOffset - 2
            if leapMonth < 0 { leapMonth += 12 }
            if lunar.isLeapMonth && lunar.month != leapMonth { return nil }
            if lunar.isLeapMonth || offset >= leapOffset { offset += 1 }
        } else if lunar.isLeapMonth {
            return nil
        }
        let monthStart = newMoonDay(k + offset)
        let nextMonthStart = newMoonDay(k + offset + 1)
        guard lunar.day <= nextMonthStart - monthStart else { return nil }
        return civilDate(julianDay: monthStart + lunar.day - 1)
    }

    /// The lunar date of a solar date.
    package static func lunar(_ date: CivilDate) -> LunarDate {
        let dayNumber = julianDay(date)
        let k = Int(floor((Double(dayNumber) - 2415021.076998695) / 29.530588853))
        var monthStart = newMoonDay(k + 1)
        if monthStart > dayNumber { monthStart = newMoonDay(k) }
        var a11 = lunarMonth11(year: date.year)
        var b11 = a11
        var lunarYear: Int
        if a11 >= monthStart {
            lunarYear = date.year
            a11 = lunarMonth11(year: date.year - 1)
        } else {
            lunarYear = date.year + 1
            b11 = lunarMonth11(year: date.year + 1)
        }
        let day = dayNumber - monthStart + 1
        let diff = Int(floor(Double(monthStart - a11) / 29))
        var isLeap = false
        var month = diff + 11
        if b11 - a11 > 365 {
            let leapDiff = leapMonthOffset(a11: a11)
            if diff >= leapDiff {
                month = diff + 10
                if diff == leapDiff { isLeap = true }
            }
        }
        if month > 12 { month -= 12 }
        if month >= 11 && diff < 4 { lunarYear -= 1 }
        return LunarDate(day: day, month: month, year: lunarYear, isLeapMonth: isLeap)
    }

    // MARK: Astronomy

    static func julianDay(_ date: CivilDate) -> Int {
        let a = (14 - date.month) / 12
        let y = date.year + 4800 - a
        let m = date.month + 12 * a - 3
        return date.day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    static func civilDate(julianDay jd: Int) -> CivilDate {
        let a = jd + 32044
        let b = (4 * a + 3) / 146097
        let c = a - (b * 146097) / 4
        let d = (4 * c + 3) / 1461
        let e = c - (1461 * d) / 4
        let m = (5 * e + 2) / 153
        return CivilDate(year: b * 100 + d - 4800 + m / 10, month: m + 3 - 12 * (m / 10), day: e - (153 * m + 2) / 5 + 1)!
    }

    /// Julian day (fractional) of the k-th new moon after 1/1/1900.
    static func newMoon(_ k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85, t2 = t * t, t3 = t2 * t
        let dr = Double.pi / 180
        var jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
        let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
        let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
        let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
        var c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
        c1 -= 0.0004 * sin(dr * 3 * mpr)
        c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
        c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
        c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
        c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m))
        let deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2
        return jd1 + c1 - deltaT
    }

    /// The sun's longitude (radians, 0..2π) at a Julian day.
    static func sunLongitude(_ jdn: Double) -> Double {
        let t = (jdn - 2451545.0) / 36525, t2 = t * t
        let dr = Double.pi / 180
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
        dl = dl + (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
        var l = (l0 + dl) * dr
        l -= Double.pi * 2 * floor(l / (Double.pi * 2))
        return l
    }

    /// Which of the 12 sectors (major solar terms) the sun is in at local midnight starting that day.
    static func sunSector(dayNumber: Int) -> Int {
        Int(floor(sunLongitude(Double(dayNumber) - 0.5 - timeZone / 24) / Double.pi * 6))
    }

    static func newMoonDay(_ k: Int) -> Int { Int(floor(newMoon(k) + 0.5 + timeZone / 24)) }

    /// The first day of the 11th lunar month (the one holding the winter solstice) of a year.
    static func lunarMonth11(year: Int) -> Int {
        let offset = julianDay(CivilDate(year: year, month: 12, day: 31)!) - 2415021
        let k = Int(floor(Double(offset) / 29.530588853))
        var newMoon = newMoonDay(k)
        if sunSector(dayNumber: newMoon) >= 9 { newMoon = newMoonDay(k - 1) }
        return newMoon
    }

    /// In a 13-month year, how many months after month 11 the leap month (the first without a major solar term) comes.
    static func leapMonthOffset(a11: Int) -> Int {
        let k = Int(floor((Double(a11) - 2415021.076998695) / 29.530588853 + 0.5))
        var last = 0
        var i = 1
        var arc = sunSector(dayNumber: newMoonDay(k + i))
        repeat {
            last = arc
            i += 1
            arc = sunSector(dayNumber: newMoonDay(k + i))
        } while arc != last && i < 14
        return i - 1
    }
}

extension CivilDate {
    /// 1 for Monday … 7 for Sunday (Julian day numbers start on a Monday).
    package var isoWeekday: Int { LunarCalendar.julianDay(self) % 7 + 1 }
}

extension CivilDate {
    /// The date `days` later (earlier when negative).
    package func adding(days: Int) -> CivilDate { LunarCalendar.civilDate(julianDay: LunarCalendar.julianDay(self) + days) }

    /// Days from `self` to `other`.
    package func days(to other: CivilDate) -> Int { LunarCalendar.julianDay(other) - LunarCalendar.julianDay(self) }
}
