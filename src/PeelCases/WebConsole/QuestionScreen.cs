using PeelCases.Inspections;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PeelCases.Audit;
using PeelCases.Findings;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.WebConsole;

/// <summary>Where the question is viewed from: now, or as it stood at a recorded moment, a business date or a version.</summary>
public sealed record ViewPoint(DateTimeOffset? At, DateOnly? On, long? Version)
{
    public bool IsNow => At is null && On is null && Version is null;
}

/// <param name="EarlierFindings">The earlier inspections' findings the question looks at again, loaded when a follow-up of them is offered.</param>
public sealed record QuestionModel(ConsoleChrome Chrome, InspectionView Inspection, QuestionAsOf Question, GradeTrailView? Trail, ViewPoint Point,
    InspectionDiff? Diff, long? CompareFrom, ActionSet? Actions, ConsoleError? Error, IReadOnlyList<Finding> EarlierFindings);

/// <summary>
/// A question: its findings with the evidence they cite, the grade trail as a timeline, the question as it stood at a
/// point in the record (through the API's own time travel), and what changed between two versions.
/// </summary>
public static class QuestionScreen
{
    public static async Task<IResult> Get(HttpContext http, Guid inspectionId, string questionCode, DateTimeOffset? at, DateOnly? on, long? version,
        long? compareFrom, IQuerySession session, ApiOperations api, CancellationToken ct) =>
        await Render(http, inspectionId, questionCode, new ViewPoint(at, on, version), compareFrom, session, api, null, null, ct);

    public static async Task<IResult> Render(HttpContext http, Guid inspectionId, string questionCode, ViewPoint point, long? compareFrom,
        IQuerySession session, ApiOperations api, ConsoleError? error, ActionRefusal? refused, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var inspection = await session.LoadAsync<Inspection>(inspectionId, ct);
        if (inspection?.FindQuestion(questionCode) is null) return await ConsolePages.NotFound(http, $"Inspection {inspectionId} has no question '{questionCode}'.");
        var view = await InspectionView.Load(session, inspection, ct);
        var self = ConsoleRoutes.Question(inspectionId, questionCode);

        // The API's time travel answers; a point it refuses (before the inspection, beyond its last version) is shown as its refusal.
        // The point, the trail and the comparison are views of one record, read once for the page.
        var reads = new RecordReads(session);
        var asOf = await TimeTravel.ReadQuestion(inspectionId, questionCode, point.At, point.Version, point.On, reads, ct);
        if (asOf is ProblemHttpResult refusedPoint)
        {
            error ??= ConsoleError.From(refusedPoint.ProblemDetails, self);
            status = refusedPoint.StatusCode;
            point = new ViewPoint(null, null, null);
            asOf = await TimeTravel.ReadQuestion(inspectionId, questionCode, null, null, null, reads, ct);
        }
        var question = ((Ok<QuestionAsOf>)asOf).Value!;
        var trail = (await GradeTrail.Read(inspectionId, questionCode, reads, ct)) is Ok<GradeTrailView> t ? t.Value : null;

        InspectionDiff? diff = null;
        if (compareFrom is not null)
        {
            var compared = await RecordDiff.Read(inspectionId, null, null, compareFrom, point.Version, reads, ct);
            if (compared is Ok<InspectionDiff> d) diff = d.Value;
            else if (compared is ProblemHttpResult p) { error ??= ConsoleError.From(p.ProblemDetails, self); status = p.StatusCode; }
        }

        var chrome = ConsolePages.Chrome(http, (error is null ? "" : "Error: ") + $"{question.Question.Code}, {view.ForceName} {view.Cycle}", "board",
            [new("Board", ConsoleRoutes.Board), new($"{view.ForceName}, {view.Cycle}", ConsoleRoutes.Inspection(inspectionId))]);
        ActionSet? actions = null;
        if (point.IsNow)
        {
            var framework = await FrameworkVersions.LoadAsync(session, inspection.FrameworkId, inspection.FrameworkVersion, ct);
            var (allowed, held) = ActionSet.ForActor((await ActionSet.AllowedAsync(http.User, api))
                .Where(a => a.ForQuestion && a.OfferedOn(view, question.Question.Stage) && a.OfferedFor(question.Question)),
                inspection, question.Question.Proposed?.ProposedBy, http.User.Actor());
            actions = new ActionSet(inspectionId, question.Question.Code, question.Question.Version, allowed, framework?.Scale ?? [],
                question.Findings, question.Evidence, chrome.Antiforgery!, self, refused?.Operation, refused?.Typed, question.Question.Summary)
                { Questions = view.Questions, HeldFromYou = held };
        }
        IReadOnlyList<Finding> earlier = [];
        if (actions is not null && actions.Actions.Any(a => a.ForEarlierFinding) && question.EarlierFindings is { Count: > 0 } items)
            earlier = await session.LoadManyAsync<Finding>(ct, items.Select(e => e.Item.FindingId).Distinct());
        return await ConsolePages.Render<QuestionPage>(new QuestionModel(chrome, view, question, trail, point, diff, compareFrom, actions, error, earlier), status);
    }
}
