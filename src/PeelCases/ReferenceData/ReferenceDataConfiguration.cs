using Marten;

namespace PeelCases.ReferenceData;

public static class ReferenceDataConfiguration
{
    public const string ForceDocument = "force";
    public const string FrameworkDocument = "assessmentframework";

    public static StoreOptions AddReferenceData(this StoreOptions opts)
    {
        opts.Schema.For<Force>().Identity(f => f.Id).DocumentAlias(ForceDocument);
        opts.Schema.For<AssessmentFramework>().Identity(f => f.Key).DocumentAlias(FrameworkDocument).Index(f => f.Id);
        return opts;
    }
}
