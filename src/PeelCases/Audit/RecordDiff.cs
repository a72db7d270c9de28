using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Audit;

public sealed record BeforeAfter<T>(T? Before, T? After);

public sealed record QuestionDiff(string Code, BeforeAfter<QuestionScope?>? Scope, BeforeAfter<string?>? Stage, BeforeAfter<string?>? Grade);

/// <summary>A pillar grade that moved (proposed, moderated, awarded) between the two points; added 2026-12-07.</summary>
public sealed record PillarDiff(string Code, BeforeAfter<string?> Grade);

public sealed record FindingDiff(Guid FindingId, string QuestionCode, string Heading, FindingKind Kind, string Change, string? TextBefore, string? TextAfter);

public sealed record InspectionDiff(
    string From, string To, BeforeAfter<InspectionStage>? Stage, IReadOnlyList<QuestionDiff> Questions,
    IReadOnlyList<FindingDiff> Findings, int EvidenceAdded, int EvidenceAmended, long VersionFrom, long VersionTo, IReadOnlyList<PillarDiff>? Pillars = null);

/// <summary>What changed between two points of the record: stages, scopes, grades (questions' and pillars'), findings, evidence.</summary>
public static class RecordDiff
{
    [WolverineGet("/inspections/{inspectionId}/diff", Name = "GetInspectionDiff"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<InspectionDiff>(200)]
    public static Task<IResult> Get(Guid inspectionId, DateTimeOffset? fromAt, DateTimeOffset? toAt, long? fromVersion, long? toVersion,
        IQuerySession session, CancellationToken ct) =>
        Read(inspectionId, fromAt, toAt, fromVersion, toVersion, new RecordReads(session), ct);

    public static async Task<IResult> Read(Guid inspectionId, DateTimeOffset? fromAt, DateTimeOffset? toAt, long? fromVersion, long? toVersion,
        RecordReads reads, CancellationToken ct)
    {
        var record = await reads.LoadAsync(inspectionId, ct);
        if (record is null) return Refusal.NotFound($"There is no inspection {inspectionId}.").ToResult();
        var from = new PointInRecord(fromAt, fromVersion);
        var to = new PointInRecord(toAt, toVersion);
        if (from == PointInRecord.Now)
            return Refusal.Invalid("fromAt", "Say where the comparison starts: fromAt (a moment) or fromVersion.").ToResult();
        if (fromAt is not null && fromVersion is not null || toAt is not null && toVersion is not null)
            return Refusal.Invalid("fromAt", "Give each end of the comparison as a moment or as a version, not both.").ToResult();
        if (fromVersion is < 1 || toVersion is < 1) return Refusal.Invalid(fromVersion is < 1 ? "fromVersion" : "toVersion", "Versions start at 1.").ToResult();
        if (fromVersion > (toVersion ?? long.MaxValue) || fromAt > (toAt ?? DateTimeOffset.MaxValue))
            return Refusal.Invalid("toVersion", $"The comparison runs forward: {from} comes after {to}.").ToResult();
        if ((record.Reaches(from) ?? record.Reaches(to)) is { } beyond) return beyond.ToResult();
        return Results.Ok(Compare(record.StateAt(from), record.StateAt(to), from.ToString(), to.ToString()));
    }

    public static InspectionDiff Compare(RecordState before, RecordState after, string fromLabel, string toLabel)
    {
        var b = before.Inspection;
        var a = after.Inspection;
        var questions = (a?.Questions ?? []).Select(q =>
        {
            var old = b?.FindQuestion(q.Code);
            return new QuestionDiff(q.Code,
                Diff(old?.Scope, q.Scope),
                Diff(old?.Stage.ToString(), q.Stage.ToString()),
                Diff(Grade(old), Grade(q)));
        }).Where(d => d.Scope is not null || d.Stage is not null || d.Grade is not null).ToList();
        var pillars = (a?.Pillars ?? []).Select(p => (p.PillarCode, Grade: Diff(Grade(b?.Pillars.FirstOrDefault(x => x.PillarCode == p.PillarCode)), Grade(p))))
            .Where(d => d.Grade is not null).Select(d => new PillarDiff(d.PillarCode, d.Grade!)).ToList();

        var findings = new List<FindingDiff>();
        foreach (var f in after.Findings)
        {
            var old = before.Findings.FirstOrDefault(x => x.Id == f.Id);
            var change = old is null ? (f.Withdrawn ? null : "added")
                : f.Withdrawn && !old.Withdrawn ? "withdrawn"
                : old.Version != f.Version && !f.Withdrawn ? "changed" : null;
            if (change is not null)
                findings.Add(new FindingDiff(f.Id, f.QuestionCode, f.Content.Heading, f.Content.Kind, change,
                    old?.Content.Text, change == "withdrawn" ? null : f.Content.Text));
        }

        return new InspectionDiff(fromLabel, toLabel, b?.Stage == a?.Stage || a is null ? null : new BeforeAfter<InspectionStage>(b?.Stage ?? default, a.Stage),
            questions, findings,
            after.Evidence.Count(e => before.Evidence.All(x => x.Id != e.Id)),
            after.Evidence.Count(e => before.Evidence.FirstOrDefault(x => x.Id == e.Id) is { } old && old.Version != e.Version),
            b?.Version ?? 0, a?.Version ?? 0, pillars);
    }

    private static string? Grade(PillarJudgment? p) => p switch
    {
        { Awarded: { } x } => $"{x.Grade.Display()} (awarded)",
        { Moderated: { } m } => $"{m.Grade.Display()} (moderated)",
        { Proposed: { } x } => $"{x.Grade.Display()} (proposed)",
        _ => null,
    };

    private static string? Grade(InspectionQuestion? q) => q switch
    {
        { Awarded: { } x } => $"{x.Grade.Display()} (awarded)",
        { CarriedOverFrom: { } r } => $"{r.Grade.Display()} (carried over from {r.Year})",
        { Moderated: { } m } => $"{m.Grade.Display()} (moderated)",
        { Proposed: { } p } => $"{p.Grade.Display()} (proposed)",
        _ => null,
    };

    private static BeforeAfter<T>? Diff<T>(T before, T after) => EqualityComparer<T>.Default.Equals(before, after) ? null : new BeforeAfter<T>(before, after);
}
