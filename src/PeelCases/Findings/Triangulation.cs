using PeelCases.Fieldwork;

namespace PeelCases.Findings;

/// <summary>What one finding rests on: how many pieces of evidence it cites, gathered by which methods.</summary>
public sealed record FindingSources(Guid FindingId, int Evidence, IReadOnlyList<EvidenceMethod> Methods, bool Triangulated);

/// <summary>
/// Evidence is triangulated: one finding rests on several sources. A finding citing only interviews, or one survey, says
/// what it says on one kind of source; QA and moderation should see that before they accept it or grade on it.
/// </summary>
public static class Triangulation
{
    public const string Rule =
        "A finding is triangulated when the evidence it cites was gathered by at least two methods: what staff say in an " +
        "interview against a case file review, data or what was observed, say.";

    public static FindingSources Of(Finding finding, IReadOnlyCollection<Evidence> evidence)
    {
        var cited = finding.Content.CitedEvidenceIds.Distinct().Select(id => evidence.FirstOrDefault(e => e.Id == id)).OfType<Evidence>().ToList();
        var methods = cited.Select(e => e.Content.Method).Distinct().Order().ToList();
        return new FindingSources(finding.Id, cited.Count, methods, methods.Count >= 2);
    }

    public static IReadOnlyList<FindingSources> Of(IEnumerable<Finding> findings, IReadOnlyCollection<Evidence> evidence) =>
        findings.Select(f => Of(f, evidence)).ToList();
}
