using Marten;
using PeelCases.Kernel;

namespace PeelCases.Moderation;

public static class ModerationConfiguration
{
    public static readonly IReadOnlyList<StoredEvent> Events =
    [
        StoredEvent.Of<GradeModerated>("grade_moderated", "PeelCases.Workflow.GradeModerated"),
        StoredEvent.Of<PillarGradeModerated>("pillar_grade_moderated"),
    ];

    public static StoreOptions AddModeration(this StoreOptions opts) => opts.MapEvents(Events);
}
