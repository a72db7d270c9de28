namespace PeelCases.Kernel;

/// <summary>How an imported event says where it came from (Marten event headers).</summary>
public static class ImportHeaders
{
    public const string ImportedBy = "imported-by";
    public const string Source = "source-document";
    public const string Generated = "generated";
}

/// <summary>How an event appended to correct a stored record says so (a Marten event header): the correction's id.</summary>
public static class CorrectionHeaders
{
    public const string Correction = "correction";
}
