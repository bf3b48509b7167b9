import Testing
@testable import Vietnamese

@Suite("Vietnamese lunar calendar (UTC+7)")
struct LunarCalendarTests {
    /// Tết Nguyên đán (1/1 âm lịch) as Vietnamese calendars print it. 2007 and 2030 differ from China's (the new moon
    /// falls before midnight in UTC+7, after it in UTC+8): 17/02/2007 and 02/02/2030 here.
    static let tet: [Int: String] = [
        1990: "27/01/1990", 1991: "15/02/1991", 1992: "04/02/1992", 1993: "23/01/1993", 1994: "10/02/1994",
        1995: "31/01/1995", 1996: "19/02/1996", 1997: "07/02/1997", 1998: "28/01/1998", 1999: "16/02/1999",
        2000: "05/02/2000", 2001: "24/01/2001", 2002: "12/02/2002", 2003: "01/02/2003", 2004: "22/01/2004",
        2005: "09/02/2005", 2006: "29/01/2006", 2007: "17/02/2007", 2008: "07/02/2008", 2009: "26/01/2009",
        2010: "14/02/2010", 2011: "03/02/2011", 2012: "23/01/2012", 2013: "10/02/2013", 2014: "31/01/2014",
        2015: "19/02/2015", 2016: "08/02/2016", 2017: "28/01/2017", 2018: "16/02/2018", 2019: "05/02/2019",
        2020: "25/01/2020", 2021: "12/02/2021", 2022: "01/02/2022", 2023: "22/01/2023", 2024: "10/02/2024",
        2025: "29/01/2025", 2026: "17/02/2026", 2027: "06/02/2027", 2028: "26/01/2028", 2029: "13/02/2029",
        2030: "02/02/2030", 2035: "08/02/2035", 2040: "12/02/2040", 2045: "17/02/2045", 2050: "23/01/2050",
    ]

    @Test("Tết of every year 1990–2030 and of 2035, 2040, 2045, 2050")
    func tetDates() {
        for (year, expected) in Self.tet {
            #expect(LunarCalendar.solar(.init(day: 1, month: 1, year: year))?.display == expected, "Tết \(year)")
        }
    }

    @Test("Other published dates: Giỗ Tổ Hùng Vương, Trung thu, leap months")
    func otherDates() {
        let cases: [(LunarCalendar.LunarDate, String)] = [
            (.init(day: 10, month: 3, year: 2025), "07/04/2025"),   // Giỗ Tổ Hùng Vương
            (.init(day: 10, month: 3, year: 2026), "26/04/2026"),
            (.init(day: 15, month: 8, year: 2023), "29/09/2023"),   // Tết Trung thu
            (.init(day: 15, month: 8, year: 2024), "17/09/2024"),
            (.init(day: 15, month: 8, year: 2025), "06/10/2025"),
            (.init(day: 1, month: 2, year: 2023, isLeapMonth: true), "22/03/2023"),  // tháng 2 nhuận 2023
            (.init(day: 1, month: 4, year: 2020, isLeapMonth: true), "23/05/2020"),  // tháng 4 nhuận 2020
            (.init(day: 1, month: 6, year: 2025, isLeapMonth: true), "25/07/2025"),  // tháng 6 nhuận 2025
            (.init(day: 1, month: 7, year: 2025), "23/08/2025"),    // the month after the leap month
        ]
        for (lunar, expected) in cases {
            #expect(LunarCalendar.solar(lunar)?.display == expected, "\(lunar) \(lunar.year)")
        }
    }

    @Test("A leap month the year does not have, or a 30th in a 29-day month, does not exist")
    func impossible() {
        #expect(LunarCalendar.solar(.init(day: 1, month: 3, year: 2025, isLeapMonth: true)) == nil)
        #expect(LunarCalendar.solar(.init(day: 1, month: 1, year: 2101)) == nil)
        // Month 12 of Ất Tỵ (2025) has 29 days: Tết 2026 is the day after the 29th.
        #expect(LunarCalendar.solar(.init(day: 29, month: 12, year: 2025))?.display == "16/02/2026")
        #expect(LunarCalendar.solar(.init(day: 30, month: 12, year: 2025)) == nil)
    }

    @Test("Solar to lunar and back give the same day, across every day of 1999–2001 and 2025–2026")
    func roundTrip() {
        for year in [1999, 2000, 2001, 2025, 2026] {
            for month in 1...12 {
                for day in 1...CivilDate.daysIn(month: month, year: year) {
                    let date = CivilDate(year: year, month: month, day: day)!
                    let lunar = LunarCalendar.lunar(date)
                    #expect(LunarCalendar.solar(lunar) == date, "\(date.display) → \(lunar) \(lunar.year)")
                }
            }
        }
        #expect(LunarCalendar.lunar(CivilDate(year: 2025, month: 7, day: 25)!) == .init(day: 1, month: 6, year: 2025, isLeapMonth: true))
    }
}
