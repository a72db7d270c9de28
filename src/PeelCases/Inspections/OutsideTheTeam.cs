using PeelCases.Kernel;

namespace PeelCases.Inspections;

/// <summary>
/// QA review, moderation and the award are checks on the team's work, so someone from outside the team makes them (as
/// the question or inspection is held at those stages, HandQuestionRules, HandInspectionRules): not the grade's
/// proposer, the inspection's lead inspector or a member of its team. The endpoints apply it to the person sending the
/// command; an import, which records a published history under one actor, calls the decisions without it.
/// </summary>
public static class OutsideTheTeam
{
    public const string QaReview = "QA review", Moderation = "moderation", Award = "the award";

    /// <param name="check">The check in words, as the refusal names it (<see cref="QaReview"/>, <see cref="Moderation"/>, <see cref="Award"/>).</param>
    public static Refusal? Check(Inspection inspection, string? proposedBy, string actor, string check)
    {
        var why = actor == proposedBy ? "proposed this grade"
            : actor == inspection.LeadInspector ? "leads this inspection"
            : inspection.OnTeam(actor) ? "is on this inspection's team"
            : null;
        return why is null ? null : Refusal.Forbidden($"{actor} {why}: {check} is a check on the team's work, made from outside the team.");
    }
}
