namespace PeelCases.FactualAccuracy;

/// <summary>Deadlines in working days: weekends are skipped (bank holidays are not modelled).</summary>
public static class WorkingDayCalendar
{
    public static DateTimeOffset Add(DateTimeOffset start, int days)
    {
        var deadline = start;
        for (var added = 0; added < days;)
        {
            deadline = deadline.AddDays(1);
            if (deadline.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) added++;
        }
        return deadline;
    }
}

public sealed class FactualAccuracyOptions
{
    /// <summary>How long the force has to challenge facts (comparable regulators use 10 working days).</summary>
    public int WorkingDays { get; set; } = 10;
}
