using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Grading;

/// <summary>
/// A lead inspector or moderator judged a draft-check flag not to be an error, and said why (added 2026-11-27).
/// <c>QuestionCode</c> is empty for a pillar summary's flag; <c>PillarCode</c> names that pillar (added 2026-12-07, so
/// that the pillar's redaction reaches the dismissal; empty on a question's flag and on dismissals stored before).
/// </summary>
public sealed record DraftFlagDismissed(Guid InspectionId, string QuestionCode, string FlagId, string Element, string Said, string RecordSays,
    string Reason, string DismissedBy, DateTimeOffset DismissedAt, string PillarCode = "") : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => DismissedAt;
}

public sealed record DismissDraftFlag(string? Reason, long? ExpectedVersion);

/// <summary>The page's hand-written text read against the record, as the draft-check endpoints and sign-off see it.</summary>
public sealed record DraftCheckView(Guid InspectionId, IReadOnlyList<DraftFlag> Flags, int Open);

public static class DraftCheckRules
{
    public static FieldErrors Validate(DismissDraftFlag c) => new FieldErrors()
        .Text("reason", c.Reason, FieldErrors.LongText)
        .Required("expectedVersion", c.ExpectedVersion);

    public static Decision<DraftFlagDismissed> Dismiss(Inspection inspection, IReadOnlyList<DraftFlag> flags, string flagId, DismissDraftFlag c,
        string actor, DateTimeOffset now)
    {
        var flag = flags.FirstOrDefault(f => f.Id == flagId);
        if (flag is null) return Refusal.NotFound($"Inspection {inspection.Id} has no open draft-check flag {flagId}; the text may have been corrected.");
        if (flag.Dismissed is { } done) return new AlreadyDone($"The flag was dismissed by {done.By}.");
        if (PublicSummaries.TextFixed(inspection) is { } fixedText) return fixedText;
        return new DraftFlagDismissed(inspection.Id, flag.QuestionCode, flag.Id, flag.Element, flag.Said, flag.RecordSays, c.Reason!.Trim(), actor, now,
            flag.PillarCode);
    }

    /// <summary>Sign-off waits until every flag is corrected or dismissed.</summary>
    public static Refusal? Require(IReadOnlyList<DraftFlag> flags) =>
        flags.Where(f => f.Dismissed is null).ToList() is { Count: > 0 } open
            ? Refusal.ProcessRule($"HMI sign-off waits for the draft checks: {open.Count} statement(s) disagree with the record — " +
                string.Join("; ", open.Select(f => $"{f.Element} says \"{f.Said}\" ({f.RecordSays})")) +
                ". Correct the text, or dismiss each flag with a reason.")
            : null;
}

/// <summary>What the draft checks read besides the inspection: the force's other standing judgments, for movement.</summary>
public sealed record DraftCheckContext(IReadOnlyList<StandingJudgment> Others);

public static class DraftCheckContexts
{
    public static async Task<DraftCheckContext> ReadAsync(IQuerySession session, Inspection? inspection, CancellationToken ct)
    {
        if (inspection is null) return new([]);
        var standing = await GradeMovements.OfForcesAsync(session, [inspection.ForceId], ct);
        return new(standing.Where(s => s.Inspection.Id != inspection.Id).Select(s => s.Judgment).ToList());
    }
}

public static class DraftCheckEndpoints
{
    [WolverineGet("/inspections/{inspectionId}/draft-checks", Name = "GetDraftChecks"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<DraftCheckView>(200)]
    public static async Task<IResult> Get(Guid inspectionId, IQuerySession session, CancellationToken ct)
    {
        var inspection = await session.LoadAsync<Inspection>(inspectionId, ct);
        if (inspection is null) return Refusal.NotFound($"There is no inspection {inspectionId}.").ToResult();
        var framework = (await FrameworkVersions.LoadAsync(session, inspection.FrameworkId, inspection.FrameworkVersion, ct))!;
        var flags = DraftChecks.Flags(inspection, framework, (await DraftCheckContexts.ReadAsync(session, inspection, ct)).Others);
        return Results.Ok(new DraftCheckView(inspectionId, flags, flags.Count(f => f.Dismissed is null)));
    }
}

public static class DismissDraftFlagEndpoint
{
    public static ProblemDetails Validate(DismissDraftFlag? command) => FieldErrors.Check(command, DraftCheckRules.Validate);

    public static ProblemDetails Before(DismissDraftFlag? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    public static Task<DraftCheckContext> LoadAsync(Inspection? inspection, IQuerySession session, CancellationToken ct) =>
        DraftCheckContexts.ReadAsync(session, inspection, ct);

    [WolverinePost("/inspections/{inspectionId}/draft-checks/{flagId}/dismissal", Name = "DismissDraftFlag"), Authorize(Policy = Policies.DraftReview)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string flagId, DismissDraftFlag command, [InspectionStream] Inspection inspection,
        AssessmentFramework framework, DraftCheckContext drafts, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, DraftCheckRules.Dismiss(inspection, DraftChecks.Flags(inspection, framework, drafts.Others), flagId, command,
            user.Actor(), clock.GetUtcNow()));
}
