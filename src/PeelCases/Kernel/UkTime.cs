namespace PeelCases.Kernel;

/// <summary>
/// Instants are stored as instants; people in England and Wales read them in UK local time (Europe/London, GMT in
/// winter, BST in summer). Every date and time the service writes for a person goes through here.
/// </summary>
public static class UkTime
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London).DateTime;

    /// <summary>"10 December 2026, 10:00 GMT" or "1 July 2026, 10:00 BST".</summary>
    public static string Format(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, London);
        return $"{local:d MMMM yyyy, HH:mm} {(London.IsDaylightSavingTime(local) ? "BST" : "GMT")}";
    }

    /// <summary>The day it is (or was) in England and Wales at an instant: what "today" means to a deadline.</summary>
    public static DateOnly Today(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant));

    /// <summary>"10 December 2026": the day as it was in England and Wales.</summary>
    public static string Date(DateTimeOffset instant) => $"{Local(instant):d MMMM yyyy}";
}
