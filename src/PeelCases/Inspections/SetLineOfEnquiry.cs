using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Kernel;

namespace PeelCases.Inspections;

/// <summary>A key line of enquiry for a question, and what prompted it.</summary>
/// <example>{"enquiry":"The force management statement says neighbourhood officers lose shifts to response: how often, and what does it cost?","basis":"ForceManagementStatement","expectedVersion":3}</example>
public sealed record SetLineOfEnquiry(string? Enquiry, EnquiryBasis? Basis, long? ExpectedVersion);

public static class SetLineOfEnquiryRules
{
    public const int MaxPerQuestion = 20;

    public static FieldErrors Validate(SetLineOfEnquiry c) => new FieldErrors()
        .Text("enquiry", c.Enquiry, 1_000)
        .Required("basis", c.Basis)
        .Required("expectedVersion", c.ExpectedVersion);

    /// <summary>
    /// Set in planning or fieldwork, for a question inspected this time. An open line with the same words is the same line
    /// (a resend); a concluded one is not, so a dropped line may be set again.
    /// </summary>
    public static Decision<LineOfEnquirySet> Decide(Inspection inspection, string code, SetLineOfEnquiry c, string actor, DateTimeOffset now)
    {
        if (inspection.FindQuestion(code) is not { } q) return Refusal.NotFound($"Question '{code}' is not in the scope of inspection {inspection.Id}.");
        var enquiry = c.Enquiry!.Trim();
        if (q.LinesOfEnquiry.FirstOrDefault(l => l.Open && l.Enquiry == enquiry) is { } same)
            return same.Basis == c.Basis
                ? new AlreadyDone($"Line of enquiry {same.Number} for question {q.Code} says that already.")
                : Refusal.ProcessRule($"Line of enquiry {same.Number} for question {q.Code} says that already, prompted by {LinesOfEnquiry.Words(same.Basis)}.");
        if (inspection.Stage is not (InspectionStage.Planning or InspectionStage.Fieldwork))
            return Refusal.ProcessRule($"Lines of enquiry are set in planning and fieldwork; the inspection is at {RecordWords.Quoted(inspection.Stage)}.");
        if (q.Scope == QuestionScope.CarryOver)
            return Refusal.ProcessRule($"Question {q.Code} is carried over: it is not inspected this time, so it has no lines of enquiry.");
        if (q.Stage is not (QuestionStage.Scoping or QuestionStage.Fieldwork or QuestionStage.Drafting))
            return Refusal.ProcessRule($"Question {q.Code} is at {RecordWords.Quoted(q.Stage)}: its findings have gone to QA.");
        if (q.LinesOfEnquiry.Count >= MaxPerQuestion)
            return Refusal.ProcessRule($"Question {q.Code} has {MaxPerQuestion} lines of enquiry, the most one question takes.");
        var number = q.LinesOfEnquiry.Select(l => l.Number).DefaultIfEmpty(0).Max() + 1;
        return new LineOfEnquirySet(inspection.Id, q.Code, number, enquiry, c.Basis!.Value, actor, now);
    }
}

public static class SetLineOfEnquiryEndpoint
{
    public static ProblemDetails Validate(SetLineOfEnquiry? command) => FieldErrors.Check(command, SetLineOfEnquiryRules.Validate);

    public static ProblemDetails Before(SetLineOfEnquiry? command, Inspection? inspection, string questionCode) =>
        Expected.Question(questionCode, command?.ExpectedVersion).Check(inspection);

    /// <summary>The lead inspector sets a key line of enquiry to steer fieldwork on a question.</summary>
    [WolverinePost("/inspections/{inspectionId}/questions/{questionCode}/lines-of-enquiry", Name = "SetLineOfEnquiry"), Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string questionCode, SetLineOfEnquiry command, [InspectionStream] Inspection inspection,
        ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, SetLineOfEnquiryRules.Decide(inspection, questionCode, command, user.Actor(), clock.GetUtcNow()));
}
