namespace PeelCases.Kernel;

/// <summary>How an imported event says where it came from (Marten event headers).</summary>
public static class ImportHeaders
{
    public const string ImportedBy = "imported-by";
    public const string Source = "source-document";
    public const string Generated = "generated";
}
