using PeelCases.Inspections;
namespace PeelCases.FactualAccuracy;

/// <summary>How the factual accuracy check changes the inspection record (folded by Lifecycle/InspectionProjection).</summary>
public static class FactualAccuracyState
{
    public static void Apply(Inspection i, FactualAccuracyCheckOpened e)
    {
        i.EnterStage(InspectionStage.FactualAccuracyCheck, e.OpenedAt);
        i.FactualAccuracy = new FactualAccuracyCheck(e.OpenedAt, e.OpenedBy, e.WorkingDays, e.Deadline, null, []);
        i.Touch(e.OpenedBy, e.OpenedAt);
    }

    public static void Apply(Inspection i, FactualAccuracyChallengeRaised e)
    {
        i.FactualAccuracy!.Challenges.Add(new Challenge(e.ChallengeId, e.Text, e.FindingId, e.RaisedBy, e.RaisedAt));
        i.Touch(e.RaisedBy, e.RaisedAt);
    }

    public static void Apply(Inspection i, FactualAccuracyChallengeResolved e)
    {
        var challenges = i.FactualAccuracy!.Challenges;
        var index = challenges.FindIndex(c => c.Id == e.ChallengeId);
        challenges[index] = challenges[index] with { Accepted = e.Accepted, Reason = e.Reason, ResolvedBy = e.ResolvedBy, ResolvedAt = e.ResolvedAt };
        i.Touch(e.ResolvedBy, e.ResolvedAt);
    }

    public static void Apply(Inspection i, FactualAccuracyCheckClosed e)
    {
        i.FactualAccuracy = i.FactualAccuracy! with { ClosedAt = e.ClosedAt, ClosedBy = e.ClosedBy };
        i.LastChangedAt = e.ClosedAt;
        if (e.ClosedBy is { } by) i.LastChangedBy = by;
    }

    public static void Apply(Inspection i, ForceConfirmedNoFurtherComments e)
    {
        i.FactualAccuracy = i.FactualAccuracy! with { NoFurtherComments = new SignOffStamp(e.ConfirmedBy, e.ConfirmedAt) };
        i.Touch(e.ConfirmedBy, e.ConfirmedAt);
    }
}
