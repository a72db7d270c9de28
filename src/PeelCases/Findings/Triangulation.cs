using PeelCases.Fieldwork;
using PeelCases.Kernel;

namespace PeelCases.Findings;

/// <summary>
/// What one finding rests on: how many pieces of evidence it cites, gathered by which methods. <c>Triangulated</c> is
/// null for a finding imported from a published report (its one source is the report: the fieldwork behind it is not held).
/// </summary>
public sealed record FindingSources(Guid FindingId, int Evidence, IReadOnlyList<EvidenceMethod> Methods, bool? Triangulated);

/// <summary>
/// Evidence is triangulated: one finding rests on several sources. A finding citing only interviews, or one survey, says
/// what it says on one kind of source; QA and moderation should see that before they accept it or grade on it.
/// </summary>
public static class Triangulation
{
    public const string Rule =
        "A finding is triangulated when the evidence it cites was gathered by at least two methods: what staff say in an " +
        "interview against a case file review, data or what was observed, say.";

    public static FindingSources Of(Finding finding, IReadOnlyCollection<Evidence> evidence) => Of(finding, ById(evidence));

    /// <summary>Each finding's sources, the evidence looked up by id once (a whole record may hold thousands of pieces).</summary>
    public static IReadOnlyList<FindingSources> Of(IEnumerable<Finding> findings, IReadOnlyCollection<Evidence> evidence)
    {
        var byId = ById(evidence);
        return findings.Select(f => Of(f, byId)).ToList();
    }

    private static FindingSources Of(Finding finding, IReadOnlyDictionary<Guid, Evidence> evidence)
    {
        var cited = finding.Content.CitedEvidenceIds.Distinct().Select(evidence.GetValueOrDefault).OfType<Evidence>().ToList();
        var methods = cited.Select(e => e.Content.Method).Distinct().Order().ToList();
        var imported = cited.Count > 0 && cited.All(e => ImportedIds.IsPublishedReport(e.Id, e.InspectionId, e.Content.Summary));
        return new FindingSources(finding.Id, cited.Count, methods, imported ? null : methods.Count >= 2);
    }

    private static Dictionary<Guid, Evidence> ById(IEnumerable<Evidence> evidence) => evidence.DistinctBy(e => e.Id).ToDictionary(e => e.Id);
}
