using Wolverine.Attributes;
using PeelCases.Kernel;

namespace PeelCases.QualityAssurance;

// In the inspection stream.

public sealed record FindingsSubmittedForQa(Guid InspectionId, string QuestionCode, int FindingCount, string SubmittedBy, DateTimeOffset SubmittedAt) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => SubmittedAt;
}

[MessageIdentity("PeelCases.Workflow.FindingsAcceptedByQa")] // stored in Wolverine's envelope tables: never change
public sealed record FindingsAcceptedByQa(Guid InspectionId, string QuestionCode, string? Comments, string ReviewedBy, DateTimeOffset ReviewedAt) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => ReviewedAt;
}

public sealed record FindingsReturnedByQa(Guid InspectionId, string QuestionCode, string Comments, string ReviewedBy, DateTimeOffset ReviewedAt) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => ReviewedAt;
}
