using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Kernel;

namespace PeelCases.Inspections;

/// <summary>
/// A named person holds a question at its stage (added 2026-12-07): who has its drafting, its QA review, its moderation
/// or its award, so the board names a person and not only a role. The holder is let go when the question moves on.
/// </summary>
public sealed record QuestionHandedTo(Guid InspectionId, string QuestionCode, QuestionStage Stage, string Holder, string HandedBy, DateTimeOffset HandedAt)
    : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => HandedAt;
}

/// <summary>Who holds a question now; blank: the sender takes it.</summary>
/// <example>{"holder":"quinn.qa","expectedVersion":9}</example>
public sealed record HandQuestion(string? Holder, long? ExpectedVersion);

public static class HandQuestionRules
{
    public static FieldErrors Validate(HandQuestion c) => new FieldErrors()
        .Text("holder", c.Holder, 100, required: false)
        .Required("expectedVersion", c.ExpectedVersion);

    /// <summary>The roles whose work a question waits on at a stage; null where it waits on no one in particular.</summary>
    public static IReadOnlyList<string>? RolesFor(QuestionStage stage) => stage switch
    {
        QuestionStage.Fieldwork or QuestionStage.Drafting => [Roles.Inspector, Roles.LeadInspector],
        QuestionStage.QaReview => [Roles.QaReviewer],
        QuestionStage.AwaitingGrade => [Roles.LeadInspector],
        QuestionStage.Moderation => [Roles.Moderator],
        QuestionStage.AwaitingAward => [Roles.Hmi, Roles.Moderator],
        _ => null,
    };

    /// <summary>
    /// Anyone whose role does the stage's work may take the question, and hand it to a colleague; so may the inspection's
    /// lead inspector (a name is not checked against a directory: none is held). Drafting stays within the team; QA
    /// review, moderation and the award go to someone outside it, and never to the grade's proposer.
    /// </summary>
    public static Decision<QuestionHandedTo> Decide(Inspection inspection, string code, HandQuestion c, string actor, IReadOnlyCollection<string> actorRoles,
        DateTimeOffset now)
    {
        if (inspection.FindQuestion(code) is not { } q) return Refusal.NotFound($"Question '{code}' is not in the scope of inspection {inspection.Id}.");
        if (RolesFor(q.Stage) is not { } roles)
            return Refusal.ProcessRule($"Question {q.Code} is at {RecordWords.Quoted(q.Stage)}: no one holds it there.");
        var named = Named(inspection, $"question {q.Code}", RecordWords.Quoted(q.Stage), roles, c.Holder, actor, actorRoles);
        if (named.Refusal is { } refused) return refused;
        var holder = named.Value!;
        if (q.Stage is QuestionStage.Fieldwork or QuestionStage.Drafting && !inspection.Team.Contains(holder))
            return Refusal.Invalid("holder", $"{holder} is not on the team of this inspection; add them to the team first.");
        if (q.Stage is QuestionStage.QaReview or QuestionStage.Moderation or QuestionStage.AwaitingAward)
        {
            if (inspection.OnTeam(holder))
                return Refusal.Invalid("holder", $"{holder} is on this inspection's team: {RecordWords.Quoted(q.Stage)} is for someone outside it.");
            if (q.Proposed?.ProposedBy == holder)
                return Refusal.Invalid("holder", $"{holder} proposed the grade: {RecordWords.Quoted(q.Stage)} is for someone else.");
        }
        if (q.Holder?.Person == holder) return new AlreadyDone($"{holder} holds question {q.Code} already.");
        return new QuestionHandedTo(inspection.Id, q.Code, q.Stage, holder, actor, now);
    }

    /// <summary>
    /// Who a take or a hand-on names (blank: the sender), or why the sender may not name them: whoever's role does the
    /// stage's work takes it and hands it to a colleague; the inspection's lead inspector hands it to anyone. Shared by a
    /// question's stages and the inspection's own (HandInspectionRules).
    /// </summary>
    public static Decision<string> Named(Inspection inspection, string what, string stage, IReadOnlyList<string> roles, string? named, string actor,
        IReadOnlyCollection<string> actorRoles)
    {
        var holder = string.IsNullOrWhiteSpace(named) ? actor : named.Trim();
        var doesTheWork = roles.Any(actorRoles.Contains);
        var who = string.Join(" or ", roles.Select(Roles.Name));
        if (holder != actor && !doesTheWork && actor != inspection.LeadInspector)
            return Refusal.Forbidden(
                $"Only the inspection's lead inspector ({inspection.LeadInspector}) or {who} hands {what} on at {stage}; leave the name blank to take it yourself.");
        if (holder == actor && !doesTheWork)
            return Refusal.Forbidden($"{char.ToUpperInvariant(what[0])}{what[1..]} at {stage} is work for {who}: {actor} cannot take it.");
        return holder;
    }

    public static void Apply(Inspection i, QuestionHandedTo e) =>
        i.ChangeQuestion(e.QuestionCode, q => q.Stage == e.Stage ? q with { Holder = new StageHolder(e.Holder, e.HandedBy, e.HandedAt) } : q,
            e.HandedBy, e.HandedAt);
}

public static class HandQuestionEndpoint
{
    public static ProblemDetails Validate(HandQuestion? command) => FieldErrors.Check(command, HandQuestionRules.Validate);

    public static ProblemDetails Before(HandQuestion? command, Inspection? inspection, string questionCode) =>
        Expected.Question(questionCode, command?.ExpectedVersion).Check(inspection);

    /// <summary>Take a question at its stage, or (the lead inspector) hand it to a named person.</summary>
    [WolverinePost("/inspections/{inspectionId}/questions/{questionCode}/holder", Name = "HandQuestion"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string questionCode, HandQuestion command, [InspectionStream] Inspection inspection,
        ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, HandQuestionRules.Decide(inspection, questionCode, command, user.Actor(),
            Roles.All.Where(user.IsInRole).ToList(), clock.GetUtcNow()));
}
