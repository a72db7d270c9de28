using PeelCases.Kernel;
using PublicHoliday;

namespace PeelCases.FactualAccuracy;

/// <summary>
/// Working days in England and Wales: weekends and bank holidays skipped, the one-off ones included (the 2022
/// Platinum Jubilee and State Funeral, the 2023 Coronation), from the maintained PublicHoliday library rather than a
/// list typed in here. A deadline is reckoned in UK local time (Europe/London, daylight saving included) — ten working
/// days after 10:00 is 10:00 on the tenth working day, whatever the clocks did — and stored as an instant; a deadline
/// already stored is never reckoned again.
/// </summary>
public static class WorkingDayCalendar
{
    private static readonly UKBankHoliday EnglandAndWales = new(UKBankHoliday.UkCountries.England);

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !EnglandAndWales.IsBankHoliday(day.ToDateTime(TimeOnly.MinValue));

    public static DateTimeOffset Add(DateTimeOffset start, int days)
    {
        var local = UkTime.Local(start);
        var day = DateOnly.FromDateTime(local);
        for (var added = 0; added < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) added++;
        }
        var wallClock = day.ToDateTime(TimeOnly.FromDateTime(local));
        // The hour the clocks skip in spring does not exist: the deadline moves to the hour after.
        if (UkTime.London.IsInvalidTime(wallClock)) wallClock = wallClock.AddHours(1);
        return new DateTimeOffset(wallClock, UkTime.London.GetUtcOffset(wallClock)).ToUniversalTime();
    }
}

public sealed class FactualAccuracyOptions
{
    /// <summary>How long the force has to challenge facts (comparable regulators use 10 working days).</summary>
    public int WorkingDays { get; set; } = 10;
}
