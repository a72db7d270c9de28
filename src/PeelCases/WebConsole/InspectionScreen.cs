using PeelCases.Inspections;
using Marten;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.WebConsole;

public sealed record InspectionModel(ConsoleChrome Chrome, InspectionView Inspection, AssessmentFramework? Framework, ActionSet InspectionActions,
    IReadOnlyList<ActionSet> QuestionActions, ConsoleError? Error, IReadOnlyList<ActionSet>? PillarActions = null)
{
    /// <summary>The force's earlier areas for improvement, causes of concern and recommendations each question looks at again.</summary>
    public IReadOnlyList<EarlierFinding> EarlierFindings { get; init; } = [];

    /// <summary>The draft checks' flags on the report's hand-written text, open or dismissed, each with the forms offered for it.</summary>
    public IReadOnlyList<(DraftFlag Flag, ActionSet Actions)> DraftFlags { get; init; } = [];

    public string Slug => "peel-" + Inspection.Cycle.Replace('/', '-');

    /// <summary>The day in England and Wales, for what has fallen due (the police and crime commissioner's response).</summary>
    public DateOnly Today { get; init; }
}

/// <summary>An inspection: its questions with stage, counts and grades, and the actions the signed-in role may take now.</summary>
public static class InspectionScreen
{
    public static async Task<IResult> Get(HttpContext http, Guid inspectionId, IQuerySession session, ApiOperations api, CancellationToken ct) =>
        await Render(http, inspectionId, session, api, null, null, ct);

    public static async Task<IResult> Render(HttpContext http, Guid inspectionId, IQuerySession session, ApiOperations api,
        ConsoleError? error, ActionRefusal? refused, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var inspection = await session.LoadAsync<Inspection>(inspectionId, ct);
        if (inspection is null) return await ConsolePages.NotFound(http, $"There is no inspection {inspectionId}.");
        var view = await InspectionView.Load(session, inspection, ct);
        var framework = await FrameworkVersions.LoadAsync(session, inspection.FrameworkId, inspection.FrameworkVersion, ct);
        var allowed = await ActionSet.AllowedAsync(http.User, api);
        var findings = await session.Query<Finding>().Where(f => f.InspectionId == inspectionId).ToListAsync(ct);
        var chrome = ConsolePages.Chrome(http, (error is null ? "" : "Error: ") + $"{view.ForceName}, {view.Cycle}", "board",
            [new("Board", ConsoleRoutes.Board)]);
        var self = ConsoleRoutes.Inspection(inspectionId);
        // A report published by pillar carries no HM Inspector's observations.
        var own = new ActionSet(inspectionId, null, view.Version,
            allowed.Where(a => !a.ForQuestion && !a.ForPillar && !a.ForDraftFlag && a.OfferedOn(view, null) && (a.Form != ActionForm.Observations || framework?.HasPillars == false)).ToList(),
            framework?.Scale ?? [], [], [], chrome.Antiforgery!, self, refused?.Operation, refused?.Typed, view.HmiObservations)
        {
            Holds = new Dictionary<string, string?>
            {
                ["tranche"] = view.Tranche, ["publicationBatch"] = view.PublicationBatch,
                ["publishedOn"] = view.PccResponse?.PublishedOn.ToString("yyyy-MM-dd"), ["url"] = view.PccResponse?.Url,
            },
        };
        if (own.Actions.Any(a => a.Form == ActionForm.Team)) own = own with { Team = await TeamChoice.LoadAsync(session, view.LeadInspector, view.Team, ct) };
        var actor = http.User.Actor();
        var questions = view.Questions
            .Select(q => (q, Sorted: ActionSet.ForActor(allowed.Where(a => a.ForQuestion && !a.QuestionPageOnly && a.OfferedOn(view, q.Stage) && a.OfferedFor(q)),
                inspection, q.Proposed?.ProposedBy, actor)))
            .Select(x => new ActionSet(inspectionId, x.q.Code, x.q.Version, x.Sorted.Open,
                framework?.Scale ?? [], findings.Where(f => f.QuestionCode == x.q.Code).ToList(), [], chrome.Antiforgery!, self,
                refused?.QuestionCode == x.q.Code ? refused.Operation : null, refused?.Typed) { HeldFromYou = x.Sorted.Held })
            .Where(s => s.Actions.Count > 0 || s.HeldFromYou.Count > 0).ToList();
        var pillars = view.Pillars
            .Select(p => (p, Sorted: ActionSet.ForActor(allowed.Where(a => a.ForPillar && a.OfferedOn(view, null) && a.OfferedFor(p)), inspection, p.Proposed?.ProposedBy, actor)))
            .Select(x => new ActionSet(inspectionId, null, view.Version, x.Sorted.Open,
                framework?.Scale ?? [], [], [], chrome.Antiforgery!, self,
                refused?.Typed.GetValueOrDefault("pillarCode") == x.p.Code ? refused.Operation : null, refused?.Typed, x.p.Summary)
                { Pillar = x.p, HeldFromYou = x.Sorted.Held })
            .Where(s => s.Actions.Count > 0 || s.HeldFromYou.Count > 0).ToList();
        // The report's hand-written text read against the record, as sign-off reads it.
        var flags = framework is null ? [] : DraftChecks.Flags(inspection, framework, (await DraftCheckContexts.ReadAsync(session, inspection, ct)).Others);
        var flagActions = flags
            .Select(f => (f, new ActionSet(inspectionId, null, view.Version,
                allowed.Where(a => a.ForDraftFlag && f.Dismissed is null && a.OfferedOn(view, null)).ToList(), [], [], [], chrome.Antiforgery!, self,
                refused?.Typed.GetValueOrDefault("flagId") == f.Id ? refused.Operation : null, refused?.Typed) { Flag = f }))
            .ToList();
        var earlier = framework is null ? [] : await RegisterStore.EarlierForAsync(session, inspection, framework, ct);
        return await ConsolePages.Render<InspectionPage>(new InspectionModel(chrome, view, framework, own, questions, error, pillars)
            {
                DraftFlags = flagActions, EarlierFindings = earlier,
                Today = UkTime.Today(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()),
            }, status);
    }
}

/// <summary>A refused action, so its form can be shown again with what was typed.</summary>
public sealed record ActionRefusal(string Operation, string? QuestionCode, IReadOnlyDictionary<string, string> Typed);
