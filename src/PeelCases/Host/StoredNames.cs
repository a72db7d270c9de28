using PeelCases.FactualAccuracy;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.HmiSignOff;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Monitoring;
using PeelCases.Moderation;
using PeelCases.Publishing;
using PeelCases.QualityAssurance;
using PeelCases.ReferenceData;
using PeelCases.Workflow;

namespace PeelCases.Host;

/// <summary>
/// Every name under which stored rows name our types, gathered from the capabilities that own
/// them: event aliases and CLR names, document tables and stream kinds. Wolverine message names
/// are pinned on the message types with <c>[MessageIdentity]</c>. docs/events.md has the rules;
/// the stored-history tests check every name found in the dumps under tests/ resolves here.
/// </summary>
public static class StoredNames
{
    public static readonly IReadOnlyList<StoredEvent> Events =
    [
        .. InspectionsConfiguration.Events, .. FieldworkConfiguration.Events, .. FindingsConfiguration.Events,
        .. QaConfiguration.Events, .. GradingConfiguration.Events, .. ModerationConfiguration.Events,
        .. SignOffConfiguration.Events, .. FactualAccuracyConfiguration.Events, .. PublishingConfiguration.Events,
        .. WorkflowConfiguration.Events, .. MonitoringConfiguration.Events,
    ];

    /// <summary>Document tables (<c>mt_doc_{alias}</c>); for records with streams also the stream kind (<c>mt_streams.type</c>).</summary>
    public static readonly IReadOnlyDictionary<Type, string> Records = new Dictionary<Type, string>
    {
        [typeof(Inspection)] = InspectionsConfiguration.InspectionDocument,
        [typeof(Evidence)] = FieldworkConfiguration.EvidenceDocument,
        [typeof(Finding)] = FindingsConfiguration.FindingDocument,
        [typeof(ForceGradeHistory)] = GradingConfiguration.GradeHistoryDocument,
        [typeof(ForceMonitoring)] = MonitoringConfiguration.MonitoringDocument,
        [typeof(Force)] = ReferenceDataConfiguration.ForceDocument,
        [typeof(AssessmentFramework)] = ReferenceDataConfiguration.FrameworkDocument,
        [typeof(DataProtectionKey)] = KeyRing.Document,
    };

    /// <summary>The event type stored under a CLR name, current or former; null when none is registered.</summary>
    public static Type? EventForClrName(string storedClrName)
    {
        var fullName = storedClrName.Split(',')[0].Trim();
        return Events.FirstOrDefault(e => e.ClrNames.Contains(fullName))?.Type;
    }

    public static Type? EventForAlias(string alias) => Events.FirstOrDefault(e => e.Alias == alias)?.Type;
}
