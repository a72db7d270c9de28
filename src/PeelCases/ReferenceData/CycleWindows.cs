namespace PeelCases.ReferenceData;

/// <summary>
/// When an inspection of a cycle can do its fieldwork. No public source states fieldwork windows, so
/// each runs from the January of the cycle's first year to the end of the period in which that
/// cycle's reports were published (the last 2018/19 tranche in early 2020, the last 2021/22 reports
/// in spring 2023); a window stated by the inspectorate would replace these. Kept out of the stored
/// framework versions: a window is a scheduling rule, not part of what a question means.
/// </summary>
public sealed record CycleWindow(string Cycle, DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}

public static class CycleWindows
{
    private static readonly IReadOnlyList<CycleWindow> All =
    [
        new("2014", new(2014, 1, 1), new(2015, 6, 30)),
        new("2015", new(2015, 1, 1), new(2016, 6, 30)),
        new("2016", new(2016, 1, 1), new(2017, 6, 30)),
        new("2017", new(2017, 1, 1), new(2018, 6, 30)),
        new("2018/19", new(2018, 1, 1), new(2020, 3, 31)),
        new("2021/22", new(2021, 1, 1), new(2023, 3, 31)),
        new("2023-25", new(2023, 1, 1), new(2025, 12, 31)),
        new("2025-27", new(2025, 4, 1), new(2027, 12, 31)),
    ];

    /// <summary>The window of the cycle; null for a cycle without one (nothing to check).</summary>
    public static CycleWindow? Of(string cycle) => All.FirstOrDefault(w => w.Cycle == cycle);
}
