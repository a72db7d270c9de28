using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Kernel;

namespace PeelCases.Inspections;

/// <summary>Add inspectors to the team and take others off it.</summary>
public sealed record ChangeTeam(IReadOnlyList<string>? Join, IReadOnlyList<string>? Leave, long? ExpectedVersion);

public static class TeamRules
{
    public static FieldErrors Validate(ChangeTeam c) => new FieldErrors()
        .List("join", c.Join, 50, required: false).Texts("join", c.Join)
        .List("leave", c.Leave, 50, required: false).Texts("leave", c.Leave)
        .Required("expectedVersion", c.ExpectedVersion);

    public static Decision<InspectionTeamChanged> Decide(Inspection inspection, ChangeTeam c, string actor, DateTimeOffset now)
    {
        var joined = (c.Join ?? []).Select(m => m.Trim()).Distinct().Where(m => !inspection.Team.Contains(m)).ToList();
        var left = (c.Leave ?? []).Select(m => m.Trim()).Distinct().Where(inspection.Team.Contains).ToList();
        if (left.Contains(inspection.LeadInspector))
            return Refusal.ProcessRule($"{inspection.LeadInspector} leads this inspection and stays on its team.");
        if (joined.Count == 0 && left.Count == 0) return Refusal.ProcessRule("The team already looks like that.");
        return new InspectionTeamChanged(inspection.Id, joined, left, actor, now);
    }

    /// <summary>Inspectors work only on inspections whose team they are on; lead inspectors on any.</summary>
    public static Refusal? MayWorkOn(ClaimsPrincipal user, Inspection inspection) =>
        user.IsInRole(Roles.LeadInspector) || inspection.Team.Contains(user.Actor())
            ? null
            : Refusal.Forbidden(
                $"{user.Actor()} is not on the team of inspection {inspection.Id}; the lead inspector can add them.");
}

public static class ChangeTeamEndpoint
{
    public static ProblemDetails Validate(ChangeTeam? command) => FieldErrors.Check(command, TeamRules.Validate);

    public static ProblemDetails Before(ChangeTeam? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    [WolverinePost("/inspections/{inspectionId}/team", Name = "ChangeTeam"), Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(ChangeTeam command, [InspectionStream] Inspection inspection, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, TeamRules.Decide(inspection, command, user.Actor(), clock.GetUtcNow()));
}
