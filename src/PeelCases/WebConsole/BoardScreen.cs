using PeelCases.Inspections;
using Marten;
using PeelCases.Board;
using PeelCases.Monitoring;

namespace PeelCases.WebConsole;

/// <summary>One line of the board: an inspection as a whole, or one of its questions.</summary>
public sealed record BoardLine(BoardInspection Inspection, BoardQuestion? Question)
{
    public string Stage => Question is { } q ? ConsoleText.Stage(q.Stage) : ConsoleText.Stage(Inspection.Stage);
    public string HeldBy => Question?.HeldBy ?? Inspection.HeldBy;
    public DateTimeOffset Since => Question?.Since ?? Inspection.Since;
    public double DaysWaiting => Question?.DaysWaiting ?? Inspection.DaysWaiting;
    public bool Stuck => Question?.Stuck ?? Inspection.Stuck;
    public string? Blocker => Question is { } q ? q.Blocker : Inspection.Blocker;
}

public sealed record BoardFilter(string? Cycle, string? Force, string? Stage, string? Holder, string? Tranche, string Sort);

public sealed record BoardModel(ConsoleChrome Chrome, BoardFilter Filter, IReadOnlyList<BoardLine> Lines,
    IReadOnlyList<string> Cycles, IReadOnlyList<(string Id, string Name)> Forces, IReadOnlyList<string> Stages, IReadOnlyList<string> Holders,
    IReadOnlyList<string> Tranches, bool MaySchedule = false);

/// <summary>The board: every open inspection and question, filtered by cycle, force, stage, holder and tranche, sorted by age.</summary>
public static class BoardScreen
{
    public static async Task<IResult> Get(HttpContext http, string? cycle, string? force, string? stage, string? holder, string? tranche, string? sort,
        IQuerySession session, BoardOptions options, TimeProvider clock, ApiOperations api, CancellationToken ct)
    {
        var board = await BoardQueries.Get(null, null, null, null, null, session, options, clock, ct);
        var all = board.SelectMany(i => i.Questions.Select(q => new BoardLine(i, q)).Prepend(new BoardLine(i, null))).ToList();
        var filter = new BoardFilter(Blank(cycle), Blank(force), Blank(stage), Blank(holder), Blank(tranche), sort == "newest" ? "newest" : "oldest");
        var lines = all.Where(l => (filter.Cycle is null || l.Inspection.Cycle == filter.Cycle) && (filter.Force is null || l.Inspection.ForceId == filter.Force)
                && (filter.Stage is null || l.Stage == filter.Stage) && (filter.Holder is null || l.HeldBy == filter.Holder)
                && (filter.Tranche is null || l.Inspection.Tranche == filter.Tranche))
            .ToList();
        lines = filter.Sort == "newest" ? [.. lines.OrderBy(l => l.DaysWaiting)] : [.. lines.OrderByDescending(l => l.DaysWaiting)];
        return await ConsolePages.Render<BoardPage>(new BoardModel(ConsolePages.Chrome(http, "Board", "board"), filter, lines,
            Distinct(board.Select(i => i.Cycle)), board.Select(i => (i.ForceId, i.ForceName)).Distinct().OrderBy(f => f.ForceName).ToList(),
            Distinct(all.Select(l => l.Stage)), Distinct(all.Select(l => l.HeldBy)), Distinct(board.Select(i => i.Tranche).OfType<string>()),
            await api.MayCallAsync(http.User, "ScheduleInspection")));
    }

    public static bool Engaged(BoardInspection i) => i.Monitoring == MonitoringStage.Engage;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static List<string> Distinct(IEnumerable<string> values) => values.Distinct().Order(StringComparer.Ordinal).ToList();
}
