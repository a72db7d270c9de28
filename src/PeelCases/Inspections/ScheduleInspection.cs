using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Inspections;

/// <summary>
/// Schedule an inspection of one force in one cycle. <paramref name="InspectionId"/> is optional:
/// a client that sends one can retry safely.
/// </summary>
public sealed record ScheduleInspection(
    Guid? InspectionId,
    string? ForceId,
    string? Cycle,
    string? FrameworkId,
    IReadOnlyList<string>? QuestionCodes,
    string? LeadInspector,
    DateOnly? FieldworkStarts,
    DateOnly? FieldworkEnds,
    IReadOnlyList<string>? Team = null,
    int? FrameworkVersion = null);

public static class ScheduleInspectionRules
{
    public static FieldErrors Validate(ScheduleInspection c) => new FieldErrors()
        .NotEmpty("inspectionId", c.InspectionId)
        .Text("forceId", c.ForceId)
        .Text("cycle", c.Cycle)
        .Text("frameworkId", c.FrameworkId)
        .List("questionCodes", c.QuestionCodes)
        .Text("leadInspector", c.LeadInspector)
        .Required("fieldworkStarts", c.FieldworkStarts)
        .Required("fieldworkEnds", c.FieldworkEnds)
        .List("team", c.Team, 50, required: false)
        .Texts("team", c.Team);

    /// <summary>Checks the command against reference data and the force's existing inspections.</summary>
    public static Decision<InspectionScheduled> Decide(
        ScheduleInspection c, Force? force, AssessmentFramework? framework, IReadOnlyList<Inspection> sameCycle,
        Guid newId, string actor, DateTimeOffset now)
    {
        if (force is null) return Refusal.Invalid("forceId", $"There is no force with code '{c.ForceId}'. GET /forces lists them.");
        if (framework is null)
            return c.FrameworkVersion is { } version
                ? Refusal.Invalid("frameworkVersion", $"There is no version {version} of framework '{c.FrameworkId}'. GET /frameworks lists them.")
                : Refusal.Invalid("frameworkId", $"There is no framework '{c.FrameworkId}'. GET /frameworks lists them.");
        if (framework.Cycle != c.Cycle)
            return Refusal.Invalid("cycle", $"Framework {framework.Id} is for cycle {framework.Cycle}, not {c.Cycle}.");
        var starts = c.FieldworkStarts!.Value;
        var ends = c.FieldworkEnds!.Value;
        if (ends < starts) return Refusal.Invalid("fieldworkEnds", $"Fieldwork cannot end ({ends:yyyy-MM-dd}) before it starts ({starts:yyyy-MM-dd}).");
        if (ends.DayNumber - starts.DayNumber > 90) return Refusal.Invalid("fieldworkEnds", "A fieldwork window is at most 90 days long.");
        if (CycleWindows.Of(framework.Cycle) is { } window)
        {
            if (!window.Contains(starts)) return OutsideCycle("fieldworkStarts", starts, window);
            if (!window.Contains(ends)) return OutsideCycle("fieldworkEnds", ends, window);
        }

        var codes = new List<string>();
        foreach (var code in c.QuestionCodes!)
        {
            var question = framework.FindQuestion(code);
            if (question is null)
                return Refusal.Invalid("questionCodes", $"Framework {framework.Id} has no question '{code}'.");
            if (codes.Contains(question.Code))
                return Refusal.Invalid("questionCodes", $"Question {question.Code} is listed twice.");
            codes.Add(question.Code);
        }

        // Keep framework order, whatever order the client listed them in.
        var ordered = framework.Questions.Where(q => codes.Contains(q.Code)).Select(q => q.Code).ToList();
        var pillars = PillarsOf(ordered, framework);
        // Up to 2017 each pillar was an inspection of its own; no two inspections of a force in a cycle cover one pillar.
        foreach (var other in sameCycle.Where(i => i.Id != c.InspectionId))
        {
            var theirs = other.Covers ?? PillarsOf(other.Questions.Select(q => q.Code), framework);
            if (pillars.Count == 0 || theirs.Count == 0)
                return Refusal.ProcessRule($"{force.Name} already has an inspection for cycle {c.Cycle} ({other.Id}).");
            if (pillars.Intersect(theirs).ToList() is { Count: > 0 } both)
                return Refusal.ProcessRule($"{force.Name} already has an inspection of {string.Join(" and ", both)} for cycle {c.Cycle} ({other.Id}).");
        }
        // The lead inspector is on the team by definition: first, whether or not the client listed them.
        var lead = c.LeadInspector!.Trim();
        var team = (c.Team ?? []).Select(m => m.Trim()).Prepend(lead).Distinct().ToList();
        return new InspectionScheduled(newId, force.Id, framework.Cycle, framework.Year, framework.Id, framework.Version, ordered,
            lead, starts, ends, team, actor, now, pillars);
    }

    private static Refusal OutsideCycle(string field, DateOnly day, CycleWindow window) =>
        Refusal.Invalid(field, $"{day:yyyy-MM-dd} is outside the fieldwork window of cycle {window.Cycle} ({window.From:yyyy-MM-dd} to {window.To:yyyy-MM-dd}).");

    /// <summary>The pillars the questions belong to, in framework order; empty for a framework without pillars.</summary>
    public static IReadOnlyList<string> PillarsOf(IEnumerable<string> questionCodes, AssessmentFramework framework) =>
        framework.Pillars.Where(p => questionCodes.Any(code => framework.FindQuestion(code)?.PillarCode == p.Code)).Select(p => p.Code).ToList();
}

public static class ScheduleInspectionEndpoint
{
    public static ProblemDetails Validate(ScheduleInspection? command) => FieldErrors.Check(command, ScheduleInspectionRules.Validate);

    [WolverinePost("/inspections", Name = "ScheduleInspection"), Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(201)]
    public static async Task<IResult> Post(
        ScheduleInspection command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var id = command.InspectionId ?? Guid.CreateVersion7();
        var existing = await session.LoadAsync<Inspection>(id, ct);
        if (existing is not null)
        {
            // A retry of the same scheduling is answered with what was recorded; anything else is a conflict.
            return existing.ForceId == command.ForceId && existing.Cycle == command.Cycle
                ? Results.Ok(await InspectionView.Load(session, existing, ct))
                : Refusal.ProcessRule($"Inspection {id} already exists for another force or cycle.").ToResult();
        }

        var force = await session.LoadAsync<Force>(command.ForceId!, ct);
        var framework = await FrameworkVersions.ApplicableAsync(session, command.FrameworkId!, command.FieldworkStarts!.Value, command.FrameworkVersion, ct);
        var sameCycle = await session.Query<Inspection>()
            .Where(i => i.ForceId == command.ForceId && i.Cycle == command.Cycle).ToListAsync(ct);

        var decision = ScheduleInspectionRules.Decide(command, force, framework, sameCycle, id, user.Actor(), clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return refusal.ToResult();

        session.Events.StartStream<Inspection>(id, decision.Value!);
        await session.SaveChangesAsync(ct);
        var inspection = await session.LoadAsync<Inspection>(id, ct);
        return Results.Created($"/inspections/{id}", await InspectionView.Load(session, inspection!, ct));
    }
}
