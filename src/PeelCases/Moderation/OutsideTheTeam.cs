using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Moderation;

/// <summary>
/// Moderation is a check on the team's work, so a moderator from outside the team makes it (as the inspection is held at
/// moderation, HandInspectionRules): not the grade's proposer, the inspection's lead inspector or a member of its team.
/// The moderation endpoints apply it to the person sending the command; an import, which records a published history
/// under one actor, calls the decisions without it.
/// </summary>
public static class OutsideTheTeam
{
    public static Refusal? Check(Inspection inspection, string? proposedBy, string actor)
    {
        var why = actor == proposedBy ? "proposed this grade"
            : actor == inspection.LeadInspector ? "leads this inspection"
            : inspection.Team.Contains(actor) ? "is on this inspection's team"
            : null;
        return why is null ? null
            : Refusal.Forbidden($"{actor} {why}: moderation is a check on the team's work, made by a moderator from outside the team.");
    }
}
