using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PeelCases.Inspections;
using PeelCases.ReferenceData;

namespace PeelCases.Grading;

/// <summary>
/// A statement in a page's hand-written text that disagrees with the record: <see cref="Said"/> is the
/// text's words, <see cref="RecordSays"/> what the record holds. <see cref="Id"/> follows the element
/// and the words, so a dismissal holds while the text is unchanged and a correction clears the flag.
/// <see cref="QuestionCode"/> or <see cref="PillarCode"/> names whose text it is (the other is empty), so that a
/// redaction of that question or pillar reaches the flag's dismissal.
/// </summary>
public sealed record DraftFlag(string Id, string Element, string Said, string RecordSays, string QuestionCode, string PillarCode,
    DraftFlagDismissal? Dismissed = null);

/// <summary>
/// Draft checks: before sign-off, the hand-written text of each page (pillar and question summaries)
/// is read against the record. A grade word, the year or grade of an earlier judgment, or a movement
/// ("dropped two grades") that disagrees with the record is flagged to the lead inspector and the
/// moderator with what the record says; sign-off waits until each flag is corrected or dismissed with a
/// reason. Pure: the caller gives the force's other standing judgments for movement.
/// </summary>
public static partial class DraftChecks
{
    private const string GradeWords = "outstanding|good|adequate|requires improvement|inadequate";

    // "is good", "was judged as being outstanding", or the verb phrase "requires improvement" itself.
    [GeneratedRegex(@"\b(?:(?:is|are|remains|was|were|been|be|being|as)\s+(" + GradeWords + @")|(requires improvement))\b", RegexOptions.IgnoreCase)]
    private static partial Regex GradeWord();

    [GeneratedRegex(@"\bIn (\d{4}),? we (?:judged|assessed|graded)\b[^.]*?\b(" + GradeWords + @")\b\s*(?:at|in|for|on)?\s*([^.;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex EarlierJudgment();

    [GeneratedRegex(@"\b(dropped|fallen|fell|declined|gone down|improved|risen|rose|gone up)\s+(?:by\s+)?(one|two|three|1|2|3)\s+grades?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Movement();

    public static IReadOnlyList<DraftFlag> Flags(Inspection inspection, AssessmentFramework framework, IReadOnlyList<StandingJudgment> others)
    {
        var flags = new List<DraftFlag>();
        foreach (var pillar in framework.Pillars)
        {
            var judgment = inspection.FindPillar(pillar.Code);
            if (judgment?.Summary is not { } text) continue;
            var element = new Element($"the {pillar.Name.ToLowerInvariant()} pillar summary", "", pillar.Code);
            var grade = judgment.Awarded?.Grade ?? judgment.Moderated?.Grade ?? judgment.Proposed?.Grade;
            // The opening sentence states the pillar's grade; later sentences may speak of earlier cycles.
            if (grade is { } g && GradeWord().Match(FirstSentence(text)) is { Success: true } m && Said(m) is { } said && said != g)
                flags.Add(Flag(element, m.Value, $"The {pillar.Name.ToLowerInvariant()} pillar is graded {g.Display()}."));
            flags.AddRange(EarlierJudgments(element, text, inspection, framework));
        }
        foreach (var q in inspection.Questions)
        {
            if (q.Summary is not { } text || framework.FindQuestion(q.Code) is not { } defined) continue;
            var element = new Element($"the summary for question {defined.Number} ({q.Code})", q.Code, "");
            if (defined.Graded && q.StandingGrade is { } g && GradeWord().Match(FirstSentence(text)) is { Success: true } m && Said(m) is { } said && said != g)
                flags.Add(Flag(element, m.Value, $"Question {q.Code} is graded {g.Display()}."));
            flags.AddRange(EarlierJudgments(element, text, inspection, framework));
            if (Movement().Match(text) is { Success: true } move && q.StandingGrade is { } standing)
            {
                var steps = Words(move.Groups[2].Value) * (move.Groups[1].Value.ToLowerInvariant() is "improved" or "risen" or "rose" or "gone up" ? 1 : -1);
                var movement = GradeMovements.Of(new StandingJudgment(inspection.Year, inspection.Cycle, defined.LineageKey, standing, framework.Scale), others);
                if (movement?.Steps != steps)
                    flags.Add(Flag(element, move.Value, movement?.Description ?? "The record holds no earlier judgment to move from."));
            }
        }
        // The same words twice in one text are one statement to correct or dismiss (the id follows the element and the words).
        return flags.DistinctBy(f => f.Id).Select(f => f with { Dismissed = inspection.DismissedDraftFlags.FirstOrDefault(d => d.FlagId == f.Id) }).ToList();
    }

    /// <summary>"In 2016 we judged the constabulary to be good at investigating crime": the year and grade of the judgment that stands for that question.</summary>
    private static IEnumerable<DraftFlag> EarlierJudgments(Element element, string text, Inspection inspection, AssessmentFramework framework)
    {
        foreach (Match m in EarlierJudgment().Matches(text))
        {
            var year = int.Parse(m.Groups[1].Value);
            var said = Parse(m.Groups[2].Value);
            var subject = m.Groups[3].Value;
            var question = inspection.Questions
                .Select(q => (Scoped: q, Defined: framework.FindQuestion(q.Code)))
                .FirstOrDefault(x => x.Defined?.ShortTitle is { } title && subject.Contains(title, StringComparison.OrdinalIgnoreCase));
            if (question.Scoped?.CarriedOverFrom is not { } from) continue;
            if (from.Year != year || from.Grade != said)
                yield return Flag(element, m.Value.Trim(),
                    $"Question {question.Scoped.Code} stands on the {from.Grade.Display()} awarded in {from.Year} ({from.Cycle}, question {from.QuestionCode}).");
        }
    }

    /// <summary>A page's hand-written text: its words for the flag, and the question or pillar it belongs to.</summary>
    private sealed record Element(string Words, string QuestionCode, string PillarCode);

    private static DraftFlag Flag(Element element, string said, string recordSays)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{element.Words}|{said.ToLowerInvariant()}"));
        return new DraftFlag(Convert.ToHexString(hash, 0, 6).ToLowerInvariant(), element.Words, said, recordSays, element.QuestionCode, element.PillarCode);
    }

    private static Grade? Said(Match m) => Parse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);

    private static string FirstSentence(string text) => text.Split(". ", 2)[0];

    private static Grade? Parse(string word) => word.ToLowerInvariant() switch
    {
        "outstanding" => Grade.Outstanding,
        "good" => Grade.Good,
        "adequate" => Grade.Adequate,
        "requires improvement" => Grade.RequiresImprovement,
        "inadequate" => Grade.Inadequate,
        _ => null,
    };

    private static int Words(string n) => n.ToLowerInvariant() switch { "one" or "1" => 1, "two" or "2" => 2, _ => 3 };
}
