namespace PeelCases.Inspections;

/// <summary>How planning events change the inspection record (folded by Lifecycle/InspectionProjection).</summary>
public static class InspectionState
{
    public static Inspection Create(InspectionScheduled e) => new()
    {
        Id = e.InspectionId,
        ForceId = e.ForceId,
        Cycle = e.Cycle,
        Year = e.Year,
        FrameworkId = e.FrameworkId,
        FrameworkVersion = e.FrameworkVersion,
        LeadInspector = e.LeadInspector,
        Covers = e.Pillars?.ToList(),
        Coverage = Inspection.CoverageOf(e.Pillars),
        Team = e.Team.ToList(),
        FieldworkStarts = e.FieldworkStarts,
        FieldworkEnds = e.FieldworkEnds,
        Stage = InspectionStage.Planning,
        StageSince = e.ScheduledAt,
        Questions = e.QuestionCodes.Select(c => new InspectionQuestion(c, null, QuestionStage.Scoping, e.ScheduledAt)).ToList(),
        ScheduledAt = e.ScheduledAt,
        ScheduledBy = e.ScheduledBy,
        LastChangedAt = e.ScheduledAt,
        LastChangedBy = e.ScheduledBy,
    };

    // Re-scoping starts the question's judgment afresh (an awarded question cannot be re-scoped); its lines of enquiry stay.
    public static void Apply(Inspection i, QuestionScoped e) => i.ChangeQuestion(e.QuestionCode, q => new InspectionQuestion(q.Code, e.Scope,
        e.Scope != QuestionScope.CarryOver && i.Stage == InspectionStage.Fieldwork ? QuestionStage.Fieldwork : QuestionStage.Scoping, e.ScopedAt)
        { LinesOfEnquiry = q.LinesOfEnquiry },
        e.ScopedBy, e.ScopedAt);

    public static void Apply(Inspection i, InspectionTeamChanged e)
    {
        i.Team = i.Team.Except(e.Left).Concat(e.Joined).Distinct().ToList();
        // Someone who leaves the team lets go of the questions they held; someone who joins it lets go of the checks on
        // its work they held (QA review, moderation, the award, the inspection's moderation and sign-off).
        foreach (var q in i.Questions.Where(q => q.Holder is { } h && (e.Left.Contains(h.Person) || e.Joined.Contains(h.Person) && q.Stage is
                     QuestionStage.QaReview or QuestionStage.Moderation or QuestionStage.AwaitingAward)).ToList())
            i.Replace(q with { Holder = null, Version = q.Version + 1 });
        if (i.Holder is { } held && e.Joined.Contains(held.Person)) i.Holder = null;
        i.Touch(e.ChangedBy, e.ChangedAt);
    }
}
