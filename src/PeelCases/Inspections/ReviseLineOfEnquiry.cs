using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Kernel;

namespace PeelCases.Inspections;

/// <summary>An open line of enquiry's words (and what prompted it) corrected, with the reason; the earlier words stay in its history.</summary>
/// <example>{"enquiry":"The force management statement says neighbourhood officers lose shifts to response: how often, in which districts?","basis":"ForceManagementStatement","reason":"Narrowed to the districts the data names.","expectedVersion":4}</example>
public sealed record ReviseLineOfEnquiry(string? Enquiry, EnquiryBasis? Basis, string? Reason, long? ExpectedVersion);

public static class ReviseLineOfEnquiryRules
{
    public static FieldErrors Validate(ReviseLineOfEnquiry c) => new FieldErrors()
        .Text("enquiry", c.Enquiry, 1_000)
        .Required("basis", c.Basis)
        .Text("reason", c.Reason, FieldErrors.LongText)
        .Required("expectedVersion", c.ExpectedVersion);

    /// <summary>
    /// While the line is open and it could still be set (planning, fieldwork; the question's findings not yet at QA). The
    /// same words and basis again change nothing; words another open line of the question has already are refused.
    /// </summary>
    public static Decision<LineOfEnquiryRevised> Decide(Inspection inspection, string code, int number, ReviseLineOfEnquiry c, string actor, DateTimeOffset now)
    {
        var found = LinesOfEnquiry.Find(inspection, code, number);
        if (found.Value is not var (q, line)) return found.Refusal!;
        var enquiry = c.Enquiry!.Trim();
        if (line.Enquiry == enquiry && line.Basis == c.Basis)
            return new AlreadyDone($"Line of enquiry {number} for question {q.Code} says that already.");
        if (line.Concluded is { } done)
            return Refusal.ProcessRule($"Line of enquiry {number} for question {q.Code} was {LinesOfEnquiry.Words(done.Outcome)} by {done.ConcludedBy}: its words stand as concluded; set a new line if the question needs more.");
        if (inspection.Stage is not (InspectionStage.Planning or InspectionStage.Fieldwork))
            return Refusal.ProcessRule($"Lines of enquiry are set and corrected in planning and fieldwork; the inspection is at {RecordWords.Quoted(inspection.Stage)}.");
        if (q.Stage is not (QuestionStage.Scoping or QuestionStage.Fieldwork or QuestionStage.Drafting))
            return Refusal.ProcessRule($"Question {q.Code} is at {RecordWords.Quoted(q.Stage)}: its findings have gone to QA.");
        if (q.LinesOfEnquiry.FirstOrDefault(l => l.Open && l.Number != number && l.Enquiry == enquiry) is { } other)
            return Refusal.ProcessRule($"Line of enquiry {other.Number} for question {q.Code} says that already.");
        return new LineOfEnquiryRevised(inspection.Id, q.Code, number, enquiry, c.Basis!.Value, c.Reason!.Trim(), actor, now);
    }
}

public static class ReviseLineOfEnquiryEndpoint
{
    public static ProblemDetails Validate(ReviseLineOfEnquiry? command) => FieldErrors.Check(command, ReviseLineOfEnquiryRules.Validate);

    public static ProblemDetails Before(ReviseLineOfEnquiry? command, Inspection? inspection, string questionCode) =>
        Expected.Question(questionCode, command?.ExpectedVersion).Check(inspection);

    /// <summary>The lead inspector corrects an open line of enquiry's words.</summary>
    [WolverinePost("/inspections/{inspectionId}/questions/{questionCode}/lines-of-enquiry/{number}/revision", Name = "ReviseLineOfEnquiry")]
    [Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string questionCode, int number, ReviseLineOfEnquiry command, [InspectionStream] Inspection inspection,
        ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, ReviseLineOfEnquiryRules.Decide(inspection, questionCode, number, command, user.Actor(), clock.GetUtcNow()));
}
