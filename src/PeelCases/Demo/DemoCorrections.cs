using Marten;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Demo;

/// <summary>
/// Corrections to demo records stored by earlier versions, appended as events (never rewritten): each
/// carries the <c>correction</c> header with the correction's id and a business time before the
/// sign-off it completes, so the published page shows what the record should have held. Idempotent.
/// </summary>
public static class DemoCorrections
{
    /// <summary>
    /// Until 2026-11-27 a page printed the grade proposal's rationale where no public summary was written;
    /// the demo's Cumbria record relied on that. Its pillar and question summaries are written now.
    /// </summary>
    public const string CumbriaPublicSummaries = "2026-11-27-cumbria-public-summaries";

    private const string Actor = "correction";

    /// <summary>Appends what is missing; the number of events appended.</summary>
    public static async Task<int> ApplyAsync(IDocumentStore store, CancellationToken ct)
    {
        var appended = 0;
        foreach (var (id, text) in DemoData.PublicText)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForExclusiveWriting<Inspection>(id, ct);
            if (stream.Aggregate is not { } inspection) continue;
            var at = inspection.SignedOff?.At.AddMinutes(-1) ?? inspection.LastChangedAt;
            var events = new List<object>();
            if (string.IsNullOrWhiteSpace(inspection.Pillars.FirstOrDefault(p => p.PillarCode == "effectiveness")?.Summary))
                events.Add(new PillarSummaryWritten(id, "effectiveness", text.Pillar, Actor, at));
            foreach (var (code, summary) in text.Questions)
                if (inspection.FindQuestion(code) is { Scope: QuestionScope.Detailed or QuestionScope.Ungraded, Summary: null })
                    events.Add(new QuestionSummaryWritten(id, code, summary, Actor, at));
            if (events.Count == 0) continue;
            session.SetHeader(CorrectionHeaders.Correction, CumbriaPublicSummaries);
            session.LastModifiedBy = Actor;
            stream.AppendMany(events);
            await session.SaveChangesAsync(ct);
            appended += events.Count;
        }
        return appended;
    }
}
