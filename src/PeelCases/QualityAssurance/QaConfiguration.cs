using Marten;
using PeelCases.Kernel;

namespace PeelCases.QualityAssurance;

public static class QaConfiguration
{
    public static readonly IReadOnlyList<StoredEvent> Events =
    [
        StoredEvent.Of<FindingsSubmittedForQa>("findings_submitted_for_qa", "PeelCases.Workflow.FindingsSubmittedForQa"),
        StoredEvent.Of<FindingsAcceptedByQa>("findings_accepted_by_qa", "PeelCases.Workflow.FindingsAcceptedByQa"),
        StoredEvent.Of<FindingsReturnedByQa>("findings_returned_by_qa", "PeelCases.Workflow.FindingsReturnedByQa"),
    ];

    public static StoreOptions AddQualityAssurance(this StoreOptions opts) => opts.MapEvents(Events);
}
