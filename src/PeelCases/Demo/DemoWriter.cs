using Marten;
using PeelCases.FactualAccuracy;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.HmiSignOff;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Moderation;
using PeelCases.Publishing;
using PeelCases.QualityAssurance;
using PeelCases.ReferenceData;
using PeelCases.Workflow;

namespace PeelCases.Demo;

/// <summary>
/// Applies commands through the same decision functions as the API, with business times of
/// the demo's own, failing loudly if demo data breaks a rule.
/// </summary>
internal sealed class DemoWriter(IDocumentSession session, CancellationToken ct)
{
    public async Task Schedule(Guid id, ScheduleInspection command, DateTimeOffset at)
    {
        var force = await session.LoadAsync<Force>(command.ForceId!, ct);
        var framework = await FrameworkVersions.ApplicableAsync(session, command.FrameworkId!, command.FieldworkStarts!.Value, command.FrameworkVersion, ct);
        // As the endpoint: one inspection of a force in a cycle.
        var sameCycle = await session.Query<Inspection>().Where(i => i.ForceId == command.ForceId && i.Cycle == command.Cycle).ToListAsync(ct);
        var actor = command.LeadInspector!;
        session.SetHeader("source", "demo-data");
        session.LastModifiedBy = actor;
        session.Events.StartStream<Inspection>(id, Must(ScheduleInspectionRules.Decide(command, force, framework, sameCycle, id, actor, at)));
        await session.SaveChangesAsync(ct);
    }

    public Task Scope(Guid id, string question, QuestionScope scope, string reason, DateTimeOffset at) =>
        Decide(id, (i, f) => ScopeQuestionRules.Decide(i, f, question, new ScopeQuestion(scope, reason, i.Version), i.LeadInspector, at));

    public Task CarryOver(Guid id, string question, DateTimeOffset at) => Decide(id, async (i, f) =>
    {
        var lookup = await EarlierJudgments.FindAsync(session, i, f.FindQuestion(question)!, ct);
        return CarryOverJudgmentRules.Decide(i, f, question, _ => lookup, i.LeadInspector, at);
    });

    /// <summary>The lead inspector hands a question to a named person at its stage.</summary>
    public Task Hand(Guid id, string question, string holder, DateTimeOffset at) => Decide(id, (i, _) =>
        HandQuestionRules.Decide(i, question, new HandQuestion(holder, i.FindQuestion(question)!.Version), i.LeadInspector, [Roles.LeadInspector], at));

    public Task SetLineOfEnquiry(Guid id, string question, string enquiry, EnquiryBasis basis, DateTimeOffset at) => Decide(id, (i, _) =>
        SetLineOfEnquiryRules.Decide(i, question, new SetLineOfEnquiry(enquiry, basis, i.FindQuestion(question)!.Version), i.LeadInspector, at));

    public Task ConcludeLineOfEnquiry(Guid id, string question, int number, EnquiryOutcome outcome, string conclusion, IReadOnlyList<Guid> evidence, string by,
        DateTimeOffset at) => Decide(id, async (i, _) =>
        ConcludeLineOfEnquiryRules.Decide(i, question, number, new ConcludeLineOfEnquiry(outcome, conclusion, i.FindQuestion(question)!.Version, evidence),
            await session.LoadManyAsync<Evidence>(ct, evidence), by, at));

    public Task StartFieldwork(Guid id, DateTimeOffset at) => Decide(id, (i, _) => FieldworkRules.Start(i, i.LeadInspector, at));

    public Task CompleteFieldwork(Guid id, DateTimeOffset at) => Decide(id, (i, _) => FieldworkRules.Complete(i, i.LeadInspector, at));

    /// <summary>Submitted for QA by the team and accepted by the reviewer.</summary>
    public async Task PassQa(Guid id, string question, string reviewer, DateTimeOffset at)
    {
        var findings = (await RecordCounts.FindingsAsync(session, id, ct)).GetValueOrDefault(question)?.Values.Sum() ?? 0;
        await Decide(id, (i, _) => SubmitForQaRules.Decide(i, question, findings, i.LeadInspector, at));
        await Decide(id, (i, _) => ReviewFindingsRules.Decide(i, question, new ReviewFindings(QaOutcome.Accept, null, i.Version), reviewer, at.AddDays(3)));
    }

    /// <summary>Proposed (and so in the moderation queue), confirmed by the moderator, awarded.</summary>
    public async Task Grade(Guid id, string question, Grade grade, string rationale, IReadOnlyList<Guid> findings, string moderator, string hmi, DateTimeOffset at)
    {
        await Propose(id, question, grade, rationale, findings, at);
        await Decide(id, (i, f) => ModerateGradeRules.Decide(i, f, question, new ModerateGrade(grade, null, i.Version), moderator, at.AddDays(14)));
        await Decide(id, (i, f) => AwardGradeRules.Decide(i, f, question, hmi, at.AddDays(21)));
    }

    /// <summary>Proposed by the lead inspector: the grade enters the moderation queue.</summary>
    public Task Propose(Guid id, string question, Grade grade, string rationale, IReadOnlyList<Guid> findings, DateTimeOffset at) =>
        Decide(id, async (i, f) => ProposeGradeRules.Decide(i, f, question, new ProposeGrade(grade, rationale, findings, i.Version),
            await session.LoadManyAsync<Finding>(ct, findings), i.LeadInspector, at), ProposeGradeRules.EnterModeration);

    /// <summary>Signed off, checked by the force (deadline passed without challenge) and published.</summary>
    public async Task Publish(Guid id, string hmi, DateTimeOffset signedOff, DateOnly publishedOn)
    {
        await Decide(id, (i, f) => SignOffRules.Decide(i, f, hmi, signedOff));
        await Decide(id, (i, _) => OpenFactualAccuracyCheckRules.Decide(i, 10, i.LeadInspector, signedOff.AddDays(1)));
        await Decide(id, (i, _) => new Decision<FactualAccuracyCheckClosed>(new FactualAccuracyCheckClosed(i.Id, 0, i.FactualAccuracy!.Deadline), null));
        await Decide(id, (i, f) => PublishReportRules.Decide(i, f, new PublishReport(publishedOn, i.Version), hmi,
            new DateTimeOffset(publishedOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero)));
    }

    /// <summary>The public summaries the report prints: a question's, and a pillar's.</summary>
    public Task Summary(Guid id, string question, string text, DateTimeOffset at) =>
        Decide(id, (i, _) => WriteQuestionSummaryRules.Decide(i, question, new WriteQuestionSummary(text, i.Version), i.LeadInspector, at));

    public Task PillarSummary(Guid id, string pillar, string text, DateTimeOffset at) =>
        Decide(id, (i, f) => WritePillarSummaryRules.Decide(i, f, pillar, new WritePillarSummary(text, i.Version), i.LeadInspector, at));

    /// <summary>Proposed by the lead inspector, confirmed by the moderator a week later, awarded.</summary>
    public async Task Pillar(Guid id, string pillar, Grade grade, string rationale, string moderator, string awardedBy, DateTimeOffset proposedAt, DateTimeOffset awardedAt)
    {
        await Decide(id, (i, f) => ProposePillarGradeRules.Decide(i, f, pillar, new ProposePillarGrade(grade, rationale, i.Version), i.LeadInspector, proposedAt));
        await Decide(id, (i, f) => ModeratePillarGradeRules.Decide(i, f, pillar, new ModerateGrade(grade, null, i.Version), moderator, proposedAt.AddDays(7)));
        await Decide(id, (i, f) => AwardPillarGradeRules.Decide(i, f, pillar, awardedBy, awardedAt));
    }

    public async Task Record(Guid inspectionId, RecordEvidence command, string actor, DateTimeOffset at)
    {
        var inspection = (await session.LoadAsync<Inspection>(inspectionId, ct))!;
        session.LastModifiedBy = actor;
        session.Events.StartStream<Evidence>(command.EvidenceId!.Value, Must(RecordEvidenceRules.Decide(inspection, command, actor, at)));
        await session.SaveChangesAsync(ct);
    }

    public async Task Draft(Guid inspectionId, DraftFinding command, string actor, DateTimeOffset at)
    {
        var inspection = (await session.LoadAsync<Inspection>(inspectionId, ct))!;
        var cited = await session.LoadManyAsync<Evidence>(ct, command.CitedEvidenceIds!);
        session.LastModifiedBy = actor;
        session.Events.StartStream<Finding>(command.FindingId!.Value, Must(DraftFindingRules.Decide(inspection, command, cited, actor, at)));
        await session.SaveChangesAsync(ct);
    }

    private Task Decide<TEvent>(Guid id, Func<Inspection, AssessmentFramework, Decision<TEvent>> decide) where TEvent : class =>
        Decide(id, (i, f) => Task.FromResult(decide(i, f)));

    /// <summary><paramref name="then"/>: an event that follows from the decision in the same append, as the endpoint appends it.</summary>
    private async Task Decide<TEvent>(Guid id, Func<Inspection, AssessmentFramework, Task<Decision<TEvent>>> decide,
        Func<Inspection, TEvent, object>? then = null) where TEvent : class
    {
        var inspection = (await session.LoadAsync<Inspection>(id, ct))!;
        var framework = (await FrameworkVersions.LoadAsync(session, inspection.FrameworkId, inspection.FrameworkVersion, ct))!;
        var decided = Must(await decide(inspection, framework));
        session.LastModifiedBy = Actor(decided) ?? inspection.LeadInspector;
        session.Events.Append(id, then is null ? new object[] { decided } : [decided, then(inspection, decided)]);
        await session.SaveChangesAsync(ct);

        // What the workflow's handlers would do next, until there is nothing more.
        while (InspectionProgress.Next(inspection = (await session.LoadAsync<Inspection>(id, ct))!, framework, inspection.LastChangedAt) is { } next)
        {
            session.LastModifiedBy = WorkflowHandler.Actor;
            session.Events.Append(id, next);
            await session.SaveChangesAsync(ct);
        }
    }

    private static string? Actor(object e) => e switch
    {
        GradeAwarded a => a.AwardedBy,
        PillarGradeAwarded a => a.AwardedBy,
        GradeModerated m => m.ModeratedBy,
        PillarGradeModerated m => m.ModeratedBy,
        FindingsAcceptedByQa q => q.ReviewedBy,
        InspectionSignedOff s => s.SignedOffBy,
        InspectionPublished p => p.PublishedBy,
        FactualAccuracyCheckClosed => WorkflowHandler.Actor,
        _ => null,
    };

    private static T Must<T>(Decision<T> decision) where T : class =>
        decision.Value ?? throw new InvalidOperationException($"Demo data broke a rule: {decision.Refusal!.Detail}");
}
