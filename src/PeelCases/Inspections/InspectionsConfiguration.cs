using Marten;
using PeelCases.Kernel;

namespace PeelCases.Inspections;

/// <summary>The inspection record's own events and document (its fold is registered by Lifecycle).</summary>
public static class InspectionsConfiguration
{
    public const string InspectionDocument = "inspection";

    public static readonly IReadOnlyList<StoredEvent> Events =
    [
        StoredEvent.Of<InspectionScheduled>("inspection_scheduled"),
        StoredEvent.Of<InspectionTeamChanged>("inspection_team_changed"),
        StoredEvent.Of<QuestionScoped>("question_scoped"),
        StoredEvent.Of<QuestionTextRedacted>("question_text_redacted"),
        StoredEvent.Of<InspectionTrancheAssigned>("inspection_tranche_assigned"),
        StoredEvent.Of<QuestionHandedTo>("question_handed_to"),
        StoredEvent.Of<InspectionHandedTo>("inspection_handed_to"),
        StoredEvent.Of<LineOfEnquirySet>("line_of_enquiry_set"),
        StoredEvent.Of<LineOfEnquiryConcluded>("line_of_enquiry_concluded"),
        StoredEvent.Of<LineOfEnquiryRevised>("line_of_enquiry_revised"),
    ];

    public static StoreOptions AddInspections(this StoreOptions opts)
    {
        opts.MapEvents(Events);
        // Up to 2017 a force's pillars were separate inspections in one cycle: unique per force, cycle and coverage.
        opts.Schema.For<Inspection>().DocumentAlias(InspectionDocument).UniqueIndex(i => i.ForceId, i => i.Cycle, i => i.Coverage);
        return opts;
    }
}
