using Marten;
using PeelCases.Fieldwork;
using PeelCases.Inspections;
using PeelCases.ReferenceData;

namespace PeelCases.Demo;

/// <summary>Applies commands through the decision functions, failing loudly if demo data breaks a rule.</summary>
internal sealed class DemoWriter(IDocumentSession session, CancellationToken ct)
{
    public async Task Schedule(Guid id, ScheduleInspection command, string actor, DateTimeOffset at)
    {
        var force = await session.LoadAsync<Force>(command.ForceId!, ct);
        var framework = await session.LoadAsync<AssessmentFramework>(command.FrameworkId!, ct);
        session.SetHeader("source", "demo-data");
        session.LastModifiedBy = actor;
        session.Events.StartStream<Inspection>(id, Must(ScheduleInspectionRules.Decide(command, force, framework, null, id, actor, at)));
        await session.SaveChangesAsync(ct);
    }

    public async Task Scope(Guid id, string question, QuestionScope scope, string reason, DateTimeOffset at)
    {
        var inspection = (await session.LoadAsync<Inspection>(id, ct))!;
        var framework = (await session.LoadAsync<AssessmentFramework>(inspection.FrameworkId, ct))!;
        session.LastModifiedBy = inspection.LeadInspector;
        session.Events.Append(id, Must(ScopeQuestionRules.Decide(inspection, framework, question,
            new ScopeQuestion(scope, reason, inspection.Version), inspection.LeadInspector, at)));
        await session.SaveChangesAsync(ct);
    }

    public async Task Record(Guid inspectionId, RecordEvidence command, string actor, DateTimeOffset at)
    {
        var inspection = (await session.LoadAsync<Inspection>(inspectionId, ct))!;
        session.LastModifiedBy = actor;
        session.Events.StartStream<Evidence>(command.EvidenceId!.Value, Must(RecordEvidenceRules.Decide(inspection, command, actor, at)));
        await session.SaveChangesAsync(ct);
    }

    private static T Must<T>(PeelCases.Infrastructure.Decision<T> decision) where T : class =>
        decision.Value ?? throw new InvalidOperationException($"Demo data broke a rule: {decision.Refusal!.Detail}");
}
