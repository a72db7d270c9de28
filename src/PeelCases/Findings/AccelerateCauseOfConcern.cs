using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Findings;

/// <summary>
/// A cause of concern raised for publication ahead of the report, during fieldwork, because the team found significant
/// service failures or risks to public safety (added 2026-12-02). An HMI reviews it and publishes it
/// (<see cref="AcceleratedCauseOfConcernPublished"/>); it then stays in the report and the register like any other.
/// </summary>
public sealed record CauseOfConcernAccelerated(Guid FindingId, Guid InspectionId, string QuestionCode, string Reason, string RaisedBy, DateTimeOffset RaisedAt)
    : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => RaisedAt;
}

/// <summary>The HMI published the accelerated cause of concern, dated <see cref="PublishedOn"/>, before the inspection's report.</summary>
public sealed record AcceleratedCauseOfConcernPublished(Guid FindingId, Guid InspectionId, string QuestionCode, DateOnly PublishedOn, string PublishedBy, DateTimeOffset PublishedAt)
    : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => PublishedAt;
}

public sealed record Acceleration(string Reason, string RaisedBy, DateTimeOffset RaisedAt, DateOnly? PublishedOn = null, string? PublishedBy = null);

public sealed record AccelerateCauseOfConcern(string? Reason, long? ExpectedVersion);

public sealed record PublishAcceleratedCauseOfConcern(DateOnly? PublishedOn, long? ExpectedVersion);

public static class AccelerationRules
{
    public static FieldErrors Validate(AccelerateCauseOfConcern c) => new FieldErrors().Text("reason", c.Reason, 2_000).Required("expectedVersion", c.ExpectedVersion);

    public static FieldErrors Validate(PublishAcceleratedCauseOfConcern c) => new FieldErrors().Required("publishedOn", c.PublishedOn).Required("expectedVersion", c.ExpectedVersion);

    /// <summary>During fieldwork only, for a standing cause of concern with its recommendations.</summary>
    public static Decision<CauseOfConcernAccelerated> Raise(Finding finding, Inspection inspection, AccelerateCauseOfConcern c, string actor, DateTimeOffset now)
    {
        if (finding.Withdrawn || finding.Content.Kind != FindingKind.CauseOfConcern)
            return Refusal.ProcessRule("Only a standing cause of concern can be accelerated.");
        if (finding.Accelerated is { } raised) return new AlreadyDone($"{raised.RaisedBy} raised it for acceleration on {UkTime.Date(raised.RaisedAt)}.");
        if (inspection.Stage != InspectionStage.Fieldwork)
            return Refusal.ProcessRule($"An accelerated cause of concern is raised during fieldwork; the inspection is at {RecordWords.Quoted(inspection.Stage)}.");
        return new CauseOfConcernAccelerated(finding.Id, finding.InspectionId, finding.QuestionCode, c.Reason!.Trim(), actor, now);
    }

    /// <summary>The HMI's review: published once, before the report, not dated before it was raised nor after today.</summary>
    public static Decision<AcceleratedCauseOfConcernPublished> Publish(Finding finding, Inspection inspection, PublishAcceleratedCauseOfConcern c, string actor, DateTimeOffset now)
    {
        if (finding.Accelerated is not { } raised) return Refusal.ProcessRule("The cause of concern has not been raised for acceleration.");
        if (raised.PublishedOn is { } on) return new AlreadyDone($"It was published on {on:d MMMM yyyy}.");
        if (finding.Withdrawn) return Refusal.ProcessRule("The cause of concern was withdrawn.");
        if (inspection.Stage == InspectionStage.Published) return Refusal.ProcessRule("The report is published: the cause of concern is in it.");
        var day = c.PublishedOn!.Value;
        if (day < UkTime.Today(raised.RaisedAt) || day > UkTime.Today(now))
            return Refusal.Invalid("publishedOn", "An accelerated cause of concern is published after it was raised and not later than today.");
        return new AcceleratedCauseOfConcernPublished(finding.Id, finding.InspectionId, finding.QuestionCode, day, actor, now);
    }

    public static void Apply(Finding f, CauseOfConcernAccelerated e)
    {
        f.Accelerated = new Acceleration(e.Reason, e.RaisedBy, e.RaisedAt);
        (f.LastChangedBy, f.LastChangedAt) = (e.RaisedBy, e.RaisedAt);
    }

    public static void Apply(Finding f, AcceleratedCauseOfConcernPublished e)
    {
        f.Accelerated = f.Accelerated! with { PublishedOn = e.PublishedOn, PublishedBy = e.PublishedBy };
        (f.LastChangedBy, f.LastChangedAt) = (e.PublishedBy, e.PublishedAt);
    }
}

/// <summary>The finding's inspection, read (not locked): the finding has a stream of its own.</summary>
public sealed record AccelerationContext(Inspection? Inspection);

public static class AccelerateCauseOfConcernEndpoint
{
    public static ProblemDetails Validate(AccelerateCauseOfConcern? command) => FieldErrors.Check(command, AccelerationRules.Validate);

    public static async Task<AccelerationContext> LoadAsync(Guid inspectionId, IQuerySession session, CancellationToken ct) => new(await session.LoadAsync<Inspection>(inspectionId, ct));

    public static ProblemDetails Before(Guid inspectionId, Guid findingId, AccelerateCauseOfConcern? command, Finding? finding) =>
        RecordStreams.MayChange(null, null, finding, inspectionId, findingId, command?.ExpectedVersion, "finding");

    /// <summary>The lead inspector raises a cause of concern for publication ahead of the report.</summary>
    [WolverinePost("/inspections/{inspectionId}/findings/{findingId}/acceleration", Name = "AccelerateCauseOfConcern"), Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<Finding>(200)]
    public static (IResult, Events) Post(Guid findingId, AccelerateCauseOfConcern command, AccelerationContext context, [RecordStream("findingId")] Finding finding,
        ClaimsPrincipal user, TimeProvider clock) =>
        RecordStreams.Changed<Finding, CauseOfConcernAccelerated>(findingId, AccelerationRules.Raise(finding, context.Inspection!, command, user.Actor(), clock.GetUtcNow()));
}

public static class PublishAcceleratedCauseOfConcernEndpoint
{
    public static ProblemDetails Validate(PublishAcceleratedCauseOfConcern? command) => FieldErrors.Check(command, AccelerationRules.Validate);

    public static async Task<AccelerationContext> LoadAsync(Guid inspectionId, IQuerySession session, CancellationToken ct) => new(await session.LoadAsync<Inspection>(inspectionId, ct));

    public static ProblemDetails Before(Guid inspectionId, Guid findingId, PublishAcceleratedCauseOfConcern? command, Finding? finding) =>
        RecordStreams.MayChange(null, null, finding, inspectionId, findingId, command?.ExpectedVersion, "finding");

    /// <summary>The HMI reviews and publishes the accelerated cause of concern: its page goes public at /reports/{force}/accelerated/{findingId}.</summary>
    [WolverinePost("/inspections/{inspectionId}/findings/{findingId}/acceleration/publication", Name = "PublishAcceleratedCauseOfConcern"), Authorize(Policy = Policies.SignOff)]
    [ProducesResponseType<Finding>(200)]
    public static (IResult, Events) Post(Guid findingId, PublishAcceleratedCauseOfConcern command, AccelerationContext context, [RecordStream("findingId")] Finding finding,
        ClaimsPrincipal user, TimeProvider clock) =>
        RecordStreams.Changed<Finding, AcceleratedCauseOfConcernPublished>(findingId, AccelerationRules.Publish(finding, context.Inspection!, command, user.Actor(), clock.GetUtcNow()));
}
