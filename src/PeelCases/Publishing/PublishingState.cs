using PeelCases.Inspections;
namespace PeelCases.Publishing;

/// <summary>How publication changes the inspection record (folded by Lifecycle/InspectionProjection).</summary>
public static class PublishingState
{
    public static void Apply(Inspection i, InspectionPublished e)
    {
        i.EnterStage(InspectionStage.Published, e.PublishedAt);
        i.Publications.Add(new Publication(e.ReportVersion, e.PublishedOn, e.PublishedBy, e.PublishedAt));
        i.Touch(e.PublishedBy, e.PublishedAt);
    }
}
