using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PeelCases.Moderation;
using PeelCases.ReferenceData;

namespace PeelCases.WebConsole;

public sealed record ModerationModel(ConsoleChrome Chrome, IReadOnlyList<ModerationItem> Queue, string? Cycle, IReadOnlyList<string> Cycles,
    IReadOnlyList<PillarModerationItem> Pillars, string? Tranche = null);

public sealed record ProposersModel(ConsoleChrome Chrome, ProposerDriftReport? Report, string? Cycle, IReadOnlyList<string> Cycles, ConsoleError? Error);

public sealed record ComparisonModel(ConsoleChrome Chrome, GradeComparison? Comparison, string? Cycle, string? Question, string? Tranche,
    IReadOnlyList<(string Cycle, string Code, string Text)> Questions, ConsoleError? Error);

/// <summary>
/// The moderation queue (questions, then pillars); one question across every force in a cycle with its distribution of grades and the comparison's
/// flags; and each proposer's grades against what moderation made of them.
/// </summary>
public static class ModerationScreen
{
    public static async Task<IResult> Queue(HttpContext http, string? cycle, string? tranche, IQuerySession session, CancellationToken ct)
    {
        cycle = string.IsNullOrWhiteSpace(cycle) ? null : cycle;
        tranche = string.IsNullOrWhiteSpace(tranche) ? null : tranche.Trim();
        var queue = await ModerationQueue.Get(cycle, null, tranche, http.User, session, ct);
        var pillars = await PillarModerationQueue.Get(cycle, tranche, http.User, session, ct);
        var cycles = (await session.Query<AssessmentFramework>().ToListAsync(ct)).Select(f => f.Cycle).Distinct().Order().ToList();
        return await ConsolePages.Render<ModerationPage>(new ModerationModel(ConsolePages.Chrome(http, "Moderation", "moderation"), queue, cycle, cycles, pillars, tranche));
    }

    public static async Task<IResult> Comparison(HttpContext http, string? cycle, string? question, string? pick, string? tranche, IQuerySession session, CancellationToken ct)
    {
        // The page's one select names both: "2018/19|E3".
        if (pick?.Split('|') is [var c, var q]) (cycle, question) = (c, q);
        tranche = string.IsNullOrWhiteSpace(tranche) ? null : tranche;
        var frameworks = await session.Query<AssessmentFramework>().ToListAsync(ct);
        var questions = frameworks.GroupBy(f => f.Cycle).SelectMany(g => g.MaxBy(f => f.Version)!.Questions.Where(q => q.Graded).Select(q => (g.Key, q.Code, q.Text)))
            .OrderBy(q => q.Key).ThenBy(q => q.Code).ToList();
        GradeComparison? comparison = null;
        ConsoleError? error = null;
        var status = StatusCodes.Status200OK;
        if (!string.IsNullOrWhiteSpace(cycle) || !string.IsNullOrWhiteSpace(question))
        {
            var answer = await ModerationComparison.Get(cycle, question, tranche, session, ct);
            if (answer is Ok<GradeComparison> ok) comparison = ok.Value;
            else if (answer is ProblemHttpResult p)
            {
                error = ConsoleError.From(p.ProblemDetails, "/console/moderation/comparison");
                status = p.StatusCode;
            }
        }
        var title = comparison is null ? "Compare a question across forces" : $"{comparison.QuestionCode} across forces, {comparison.Cycle}";
        return await ConsolePages.Render<ComparisonPage>(new ComparisonModel(
            ConsolePages.Chrome(http, (error is null ? "" : "Error: ") + title, "moderation", [new("Moderation", ConsoleRoutes.Moderation)]),
            comparison, cycle, question, tranche, questions, error), status);
    }

    public static async Task<IResult> Proposers(HttpContext http, string? cycle, IQuerySession session, CancellationToken ct)
    {
        var cycles = (await session.Query<AssessmentFramework>().ToListAsync(ct)).Select(f => f.Cycle).Distinct().Order().ToList();
        var answer = await ProposerDrift.Get(cycle, session, ct);
        var (report, error, status) = answer switch
        {
            Ok<ProposerDriftReport> ok => (ok.Value, (ConsoleError?)null, StatusCodes.Status200OK),
            ProblemHttpResult p => (null, ConsoleError.From(p.ProblemDetails, ConsoleRoutes.Proposers), p.StatusCode),
            _ => throw new InvalidOperationException("Unexpected answer."),
        };
        return await ConsolePages.Render<ProposersPage>(new ProposersModel(
            ConsolePages.Chrome(http, (error is null ? "" : "Error: ") + "Proposers against moderation", "moderation", [new("Moderation", ConsoleRoutes.Moderation)]),
            report, cycle, cycles, error), status);
    }
}
