using System.Security.Claims;
using Marten;
using Marten.Exceptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine;
using Wolverine.Marten;
using PeelCases.Fieldwork;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Findings;

/// <summary>
/// Draft a finding for a question: a strength, an area for improvement, a cause of concern
/// (with recommendations) or innovative practice, citing the evidence it rests on. The
/// client chooses <paramref name="FindingId"/>, so a resend drafts it once.
/// </summary>
/// <example>{"findingId":"0b6a9c1d-3e2f-4a5b-8c7d-9e0f1a2b3c4d","questionCode":"E3","heading":"Vulnerability is identified at first contact",
/// "kind":"Strength","text":"Call handlers assess risk consistently using THRIVE.","citedEvidenceIds":["5f0c1e2a-8d3b-4c6f-9a1e-2b7d4c9e0f13"]}</example>
public sealed record DraftFinding(
    Guid? FindingId,
    string? QuestionCode,
    string? Heading,
    FindingKind? Kind,
    string? Text,
    IReadOnlyList<Guid>? CitedEvidenceIds,
    IReadOnlyList<RecommendationInput>? Recommendations = null)
{
    public FindingContent ToContent() => FindingRules.ToContent(Heading!, Kind!.Value, Text!, CitedEvidenceIds!, Recommendations);
}

public static class DraftFindingRules
{
    public static FieldErrors Validate(DraftFinding c) => FindingRules.ValidateContent(
        new FieldErrors().Required("findingId", c.FindingId).NotEmpty("findingId", c.FindingId).Text("questionCode", c.QuestionCode, 20),
        c.Heading, c.Kind, c.Text, c.CitedEvidenceIds, c.Recommendations);

    public static Decision<FindingDrafted> Decide(Inspection inspection, DraftFinding c, IReadOnlyCollection<Evidence> cited, string actor, DateTimeOffset now)
    {
        var content = FindingRules.CheckAgainst(inspection, c.QuestionCode!, c.ToContent(), cited);
        if (content.Refusal is { } refusal) return refusal;
        return new FindingDrafted(c.FindingId!.Value, inspection.Id, inspection.FindQuestion(c.QuestionCode!)!.Code, content.Value!, actor, now);
    }

    /// <summary>A resend of the same draft is answered with the record; another use of the id is refused.</summary>
    public static Refusal? CheckResend(Finding existing, FindingDrafted wouldDraft)
    {
        var first = existing.EarlierVersions.FirstOrDefault()?.Content ?? existing.Content;
        var same = existing.InspectionId == wouldDraft.InspectionId && existing.QuestionCode == wouldDraft.QuestionCode
                   && first.Heading == wouldDraft.Content.Heading && first.Kind == wouldDraft.Content.Kind && first.Text == wouldDraft.Content.Text
                   && first.CitedEvidenceIds.SequenceEqual(wouldDraft.Content.CitedEvidenceIds);
        return same ? null : IdTaken(existing.Id);
    }

    public static Refusal IdTaken(Guid id) =>
        Refusal.ProcessRule($"Finding id {id} is already used for a different finding. Choose a new id, or revise the existing finding.");
}

public static class DraftFindingEndpoint
{
    public static ProblemDetails Validate(DraftFinding? command) => FieldErrors.Check(command, DraftFindingRules.Validate);

    public static async Task<(RecordStart<Finding>, IReadOnlyList<Evidence>)> LoadAsync(Guid inspectionId, DraftFinding command, IQuerySession session, CancellationToken ct) =>
        (await RecordStreams.LoadAsync<Finding>(session, inspectionId, command.FindingId, ct), await session.LoadManyAsync<Evidence>(ct, command.CitedEvidenceIds!.Distinct()));

    public static ProblemDetails Before(Guid inspectionId, RecordStart<Finding> start, ClaimsPrincipal user) =>
        RecordStreams.MayWorkOn(start.Inspection, inspectionId, user);

    [WolverinePost("/inspections/{inspectionId}/findings", Name = "DraftFinding"), Authorize(Policy = Policies.Fieldwork)]
    [ProducesResponseType<Finding>(201), ProducesResponseType<Finding>(200)]
    public static (IResult, IMartenOp) Post(DraftFinding command, RecordStart<Finding> start, IReadOnlyList<Evidence> cited, ClaimsPrincipal user, TimeProvider clock)
    {
        var inspection = start.Inspection!;
        var decision = DraftFindingRules.Decide(inspection, command, cited, user.Actor(), clock.GetUtcNow());
        if (start.Stored is { } stored) return (Resent(stored, decision), MartenOps.Nothing());
        return RecordStreams.Start<FindingProjection, Finding, FindingDrafted>(command.FindingId!.Value, decision,
            $"/inspections/{inspection.Id}/findings/{command.FindingId}");
    }

    public static Task<IResult> OnExceptionAsync(ExistingStreamIdCollisionException collision, HttpContext context) =>
        RecordStreams.Collided<Finding>(collision, context, "findings");

    private static IResult Resent(Finding existing, Decision<FindingDrafted> decision) =>
        (decision.Value is { } drafted ? DraftFindingRules.CheckResend(existing, drafted) : DraftFindingRules.IdTaken(existing.Id)) is { } refusal
            ? refusal.ToResult()
            : Results.Ok(existing);
}
