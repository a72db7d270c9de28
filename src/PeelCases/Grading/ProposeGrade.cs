using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Grading;

/// <summary>Propose a grade for a question, with a rationale that cites the findings it rests on.</summary>
/// <example>{"grade":"Good","rationale":"Risk is assessed well at first contact.","citedFindingIds":["0b6a9c1d-3e2f-4a5b-8c7d-9e0f1a2b3c4d"],"expectedVersion":6}</example>
public sealed record ProposeGrade(Grade? Grade, string? Rationale, IReadOnlyList<Guid>? CitedFindingIds, long? ExpectedVersion);

public static class ProposeGradeRules
{
    public static FieldErrors Validate(ProposeGrade c) => new FieldErrors()
        .Required("grade", c.Grade)
        .Text("rationale", c.Rationale, FieldErrors.LongText)
        .List("citedFindingIds", c.CitedFindingIds, FindingRules.MaxCitations)
        .Required("expectedVersion", c.ExpectedVersion);

    public static Decision<GradeProposed> Decide(Inspection inspection, AssessmentFramework framework, string code, ProposeGrade c,
        IReadOnlyCollection<Finding> cited, string actor, DateTimeOffset now)
    {
        var found = GradeRules.Find(inspection, framework, code);
        if (found.Value is not { } q) return found.Refusal!;
        if (GradeRules.OpenForGrading(q, framework) is { } closed) return closed;
        if (Stages.Require(q.Scoped, "Proposing a grade", QuestionStage.AwaitingGrade, QuestionStage.Moderation) is { } wrongStage) return wrongStage;
        if (GradeRules.OnScale(framework, c.Grade!.Value) is { } offScale) return offScale;

        foreach (var id in c.CitedFindingIds!.Distinct())
        {
            var finding = cited.FirstOrDefault(f => f.Id == id);
            if (finding is null || finding.InspectionId != inspection.Id || finding.QuestionCode != q.Code)
                return Refusal.Invalid("citedFindingIds", $"Finding {id} is not a finding of question {q.Code} in this inspection.");
            if (finding.Withdrawn)
                return Refusal.Invalid("citedFindingIds", $"Finding {id} has been withdrawn; a grade cannot rest on it.");
        }
        return new GradeProposed(inspection.Id, q.Code, c.Grade.Value, c.Rationale!.Trim(), c.CitedFindingIds!.Distinct().ToList(), actor, now);
    }

    /// <summary>A proposal joins the moderation queue as it is made.</summary>
    public static GradeEnteredModeration EnterModeration(Inspection inspection, GradeProposed p) =>
        new(inspection.Id, inspection.ForceId, inspection.Cycle, p.QuestionCode, p.Grade, p.ProposedAt, p.ProposedAt);
}

public static class ProposeGradeEndpoint
{
    public static ProblemDetails Validate(ProposeGrade? command) => FieldErrors.Check(command, ProposeGradeRules.Validate);

    public static ProblemDetails Before(ProposeGrade? command, Inspection? inspection, string questionCode) =>
        Expected.Question(questionCode, command?.ExpectedVersion).Check(inspection);

    public static async Task<IReadOnlyList<Finding>> LoadAsync(ProposeGrade command, IQuerySession session, CancellationToken ct) =>
        await session.LoadManyAsync<Finding>(ct, command.CitedFindingIds!.Distinct());

    [WolverinePost("/inspections/{inspectionId}/questions/{questionCode}/grade-proposals", Name = "ProposeGrade")]
    [Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string questionCode, ProposeGrade command,
        [InspectionStream] Inspection inspection, AssessmentFramework framework,
        IReadOnlyList<Finding> cited, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, ProposeGradeRules.Decide(inspection, framework, questionCode, command, cited, user.Actor(), clock.GetUtcNow()),
            then: proposed => ProposeGradeRules.EnterModeration(inspection, proposed),
            handOn: _ => false); // its workflow step, joining the queue, is taken here (then); what that leads to is handed on
}
