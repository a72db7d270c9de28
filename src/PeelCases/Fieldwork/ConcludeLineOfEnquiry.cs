using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Fieldwork;

/// <summary>
/// How a line of enquiry ended: what the team found (and where), or why it was dropped; <c>evidenceIds</c> (optional), the
/// evidence recorded for the question that the conclusion rests on.
/// </summary>
/// <example>{"outcome":"Answered","conclusion":"Confirmed by the workforce survey: neighbourhood officers were abstracted in 3 of 5 shifts.","expectedVersion":5,"evidenceIds":["0f8fad5b-d9cb-469f-a165-70867728950e"]}</example>
public sealed record ConcludeLineOfEnquiry(EnquiryOutcome? Outcome, string? Conclusion, long? ExpectedVersion, IReadOnlyList<Guid>? EvidenceIds = null);

public static class ConcludeLineOfEnquiryRules
{
    public static FieldErrors Validate(ConcludeLineOfEnquiry c) => new FieldErrors()
        .Required("outcome", c.Outcome)
        .Text("conclusion", c.Conclusion, 4_000)
        .List("evidenceIds", c.EvidenceIds, EvidenceCitations.Max, required: false)
        .Required("expectedVersion", c.ExpectedVersion);

    /// <summary>
    /// Concluded once, before the question's findings go to QA (or after it is carried over: nothing more is inspected),
    /// resting on evidence recorded for the question; the same conclusion again is the same.
    /// </summary>
    /// <param name="cited">The evidence the conclusion cites, as loaded.</param>
    public static Decision<LineOfEnquiryConcluded> Decide(Inspection inspection, string code, int number, ConcludeLineOfEnquiry c, IReadOnlyCollection<Evidence> cited,
        string actor, DateTimeOffset now)
    {
        var found = LinesOfEnquiry.Find(inspection, code, number);
        if (found.Value is not var (q, line)) return found.Refusal!;
        var conclusion = c.Conclusion!.Trim();
        var evidence = (c.EvidenceIds ?? []).Distinct().ToList();
        if (line.Concluded is { } done)
            return done.Outcome == c.Outcome && done.Conclusion == conclusion && (done.EvidenceIds ?? []).ToHashSet().SetEquals(evidence)
                ? new AlreadyDone($"Line of enquiry {number} for question {q.Code} is concluded already.")
                : Refusal.ProcessRule($"Line of enquiry {number} for question {q.Code} was {LinesOfEnquiry.Words(done.Outcome)} by {done.ConcludedBy}; set a new line if the question needs more.");
        if (q.Stage is not (QuestionStage.Scoping or QuestionStage.Fieldwork or QuestionStage.Drafting or QuestionStage.CarriedOver))
            return Refusal.ProcessRule($"Question {q.Code} is at {RecordWords.Quoted(q.Stage)}: its lines of enquiry were to be concluded before its findings went to QA.");
        if (EvidenceCitations.Check(inspection, q.Code, evidence, cited, "evidenceIds") is { } uncited) return uncited;
        return new LineOfEnquiryConcluded(inspection.Id, q.Code, number, c.Outcome!.Value, conclusion, actor, now, evidence.Count == 0 ? null : evidence);
    }
}

public static class ConcludeLineOfEnquiryEndpoint
{
    public static ProblemDetails Validate(ConcludeLineOfEnquiry? command) => FieldErrors.Check(command, ConcludeLineOfEnquiryRules.Validate);

    public static ProblemDetails Before(ConcludeLineOfEnquiry? command, Inspection? inspection, string questionCode) =>
        Expected.Question(questionCode, command?.ExpectedVersion).Check(inspection);

    public static async Task<IReadOnlyList<Evidence>> LoadAsync(ConcludeLineOfEnquiry command, IQuerySession session, CancellationToken ct) =>
        command.EvidenceIds is { Count: > 0 } ids ? await session.LoadManyAsync<Evidence>(ct, ids.Distinct()) : [];

    /// <summary>Someone on the team concludes a line of enquiry.</summary>
    [WolverinePost("/inspections/{inspectionId}/questions/{questionCode}/lines-of-enquiry/{number}/conclusion", Name = "ConcludeLineOfEnquiry")]
    [Authorize(Policy = Policies.Fieldwork)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string questionCode, int number, ConcludeLineOfEnquiry command, [InspectionStream] Inspection inspection,
        IReadOnlyList<Evidence> cited, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, TeamRules.MayWorkOn(user, inspection) is { } forbidden
            ? forbidden
            : ConcludeLineOfEnquiryRules.Decide(inspection, questionCode, number, command, cited, user.Actor(), clock.GetUtcNow()));
}
