namespace PeelCases.Kernel;

/// <summary>How an imported event says where it came from (Marten event headers).</summary>
public static class ImportHeaders
{
    public const string ImportedBy = "imported-by";
    public const string Source = "source-document";
    public const string Generated = "generated";
}

/// <summary>
/// The ids of what an imported inspection holds, derived from the inspection's id so that importing twice imports once.
/// Its first piece of evidence is the published report, the one source every imported finding cites. (The demo's own
/// inspections derive their ids the same way, so the report is known by its id and its words together.)
/// </summary>
public static class ImportedIds
{
    public const int PublishedReport = 1;
    public const string PublishedReportSummary = "The published report of this inspection.";

    public static Guid Of(Guid inspection, int n)
    {
        var bytes = inspection.ToByteArray();
        bytes[14] = (byte)(0xE0 + n / 256);
        bytes[15] = (byte)(n % 256);
        return new Guid(bytes);
    }

    public static bool IsPublishedReport(Guid evidence, Guid inspection, string summary) =>
        evidence == Of(inspection, PublishedReport) && summary == PublishedReportSummary;
}

/// <summary>How an event appended to correct a stored record says so (a Marten event header): the correction's id.</summary>
public static class CorrectionHeaders
{
    public const string Correction = "correction";
}
