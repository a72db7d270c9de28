using PeelCases.Inspections;

namespace PeelCases.FactualAccuracy;

/// <summary>What the deadline message does when it arrives: close the check, wait, or nothing.</summary>
public sealed record DeadlineOutcome(FactualAccuracyCheckClosed? Closed, TimeSpan WaitFor)
{
    public static readonly DeadlineOutcome Nothing = new(null, TimeSpan.Zero);
}

public static class CheckDeadlineRules
{
    /// <summary>
    /// The deadline message closes the check it was scheduled for, once, and never before that check's deadline by the
    /// service's clock: the scheduler fires on the machine's clock, so a message that arrives early (a node whose clock
    /// runs ahead, a service given another clock) waits out the rest. One for an earlier deadline, or for a check already
    /// closed, does nothing.
    /// </summary>
    public static DeadlineOutcome Decide(Inspection? inspection, CloseFactualAccuracyCheck message, DateTimeOffset now) =>
        inspection is not { FactualAccuracy: { ClosedAt: null } check } || check.Deadline != message.Deadline ? DeadlineOutcome.Nothing
        : now < check.Deadline ? new DeadlineOutcome(null, check.Deadline - now)
        : new DeadlineOutcome(new FactualAccuracyCheckClosed(inspection.Id, check.Challenges.Count, now), TimeSpan.Zero);
}
