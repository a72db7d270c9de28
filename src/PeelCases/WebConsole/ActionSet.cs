using PeelCases.Inspections;
using System.Security.Claims;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.ReferenceData;

namespace PeelCases.WebConsole;

/// <summary>
/// What one set of action forms needs: the actions this user's role passes the API's policy for and the stage offers, the
/// version each decides on, the grades of the scale, the findings and evidence a proposal or a finding may cite, and
/// (after a refusal) what was typed, so nothing is lost.
/// </summary>
/// <param name="Written">The public text already written for the set's question (its summary) or inspection (HM Inspector's observations), to rewrite.</param>
public sealed record ActionSet(Guid InspectionId, string? QuestionCode, long Version, IReadOnlyList<ConsoleAction> Actions, IReadOnlyList<Grade> Scale,
    IReadOnlyList<Finding> Findings, IReadOnlyList<Evidence> Evidence, string Antiforgery, string ReturnTo,
    string? FailedOperation = null, IReadOnlyDictionary<string, string>? Typed = null, string? Written = null)
{
    /// <summary>The pillar a set's forms act on (pillar grades and summaries); null for any other set.</summary>
    public PillarView? Pillar { get; init; }

    /// <summary>What the record holds now for the fields a form rewrites as a whole (the tranche), offered as the form's values.</summary>
    public IReadOnlyDictionary<string, string?> Holds { get; init; } = new Dictionary<string, string?>();

    /// <summary>What was typed into the refused form, else what the record holds for the field.</summary>
    public string? ValueOrHeld(ConsoleAction action, string field) => Value(action, field) ?? Holds.GetValueOrDefault(field);

    /// <summary>The team as it stands and the people the service knows, for the form that changes the team; null for any other set.</summary>
    public TeamChoice? Team { get; init; }

    /// <summary>The inspection's questions, for the evidence forms' questions it bears on; empty where no evidence form is offered.</summary>
    public IReadOnlyList<QuestionView> Questions { get; init; } = [];

    /// <summary>The draft-check flag a set's form acts on (its dismissal); null for any other set.</summary>
    public DraftFlag? Flag { get; init; }

    /// <summary>
    /// Why a check on the team's work the stage offers is not this person's to make (ConsoleAction.OutsideTeam), so the page says
    /// why its form is missing instead of leaving a moderator on the team to wonder.
    /// </summary>
    public IReadOnlyList<string> HeldFromYou { get; init; } = [];

    /// <summary>Across a page's sets, each reason once, with the questions or pillars it holds back (for the inspection page).</summary>
    public static IReadOnlyList<(string? For, string Reason)> HeldAcross(IEnumerable<ActionSet> sets) =>
        sets.SelectMany(s => s.HeldFromYou.Select(reason => (What: s.QuestionCode ?? s.Pillar?.Name, Reason: reason)))
            .GroupBy(x => x.Reason)
            .Select(g => (string.Join(", ", g.Select(x => x.What).OfType<string>().Distinct()) is { Length: > 0 } what ? what : null, g.Key))
            .ToList();

    /// <summary>
    /// The sentence a page prints for one reason: the API's refusal is worded for one grade ("proposed this grade"), so over
    /// several questions or pillars it is said of each of them.
    /// </summary>
    public static string NotOffered(string? what, string reason) =>
        $"Not offered to you{(what is null ? "" : what.Contains(", ") ? $" for each of {what}" : $" for {what}")}: {reason}";

    /// <summary>The offered actions this person may take, and why each the team check holds back is not theirs.</summary>
    public static (IReadOnlyList<ConsoleAction> Open, IReadOnlyList<string> Held) ForActor(IEnumerable<ConsoleAction> offered, Inspection inspection,
        string? proposedBy, string actor)
    {
        var open = new List<ConsoleAction>();
        var held = new List<string>();
        foreach (var action in offered)
            if (action.ClosedTo(inspection, proposedBy, actor) is { } why) held.Add(why);
            else open.Add(action);
        return (open, held.Distinct().ToList());
    }

    /// <param name="item">The finding or the piece of evidence a form acts on (<see cref="ConsoleAction.ItemField"/>); null for the set's own.</param>
    public string Id(ConsoleAction action, string field, Guid? item = null) => FieldId(action, item?.ToString() ?? QuestionCode ?? Pillar?.Code ?? Flag?.Id, field);

    /// <summary>A form field's id, unique on a page with several questions' or findings' forms (the error summary links to it).</summary>
    public static string FieldId(ConsoleAction action, string? scope, string field) => $"{action.Operation}-{scope ?? "inspection"}-{field}";

    /// <summary>What was typed into the refused form, given back to that form only (for a finding's or evidence's action, that one's).</summary>
    public string? Value(ConsoleAction action, string field, Guid? item = null) => Refused(action, item) ? Typed?.GetValueOrDefault(field) : null;

    /// <summary>What was ticked in the refused form; otherwise what is cited <paramref name="now"/> (nothing, for a new one).</summary>
    public IReadOnlyCollection<Guid> Ticked(ConsoleAction action, string field, Guid? item = null, IReadOnlyCollection<Guid>? now = null) =>
        Refused(action, item)
            ? (Value(action, field, item) ?? "").Split(',').Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).ToList()
            : now ?? [];

    public bool Refused(ConsoleAction action, Guid? item = null) =>
        action.Operation == FailedOperation && (item is null || Typed?.GetValueOrDefault(action.ItemField ?? "") == item.ToString());

    public static async Task<IReadOnlyList<ConsoleAction>> AllowedAsync(ClaimsPrincipal user, ApiOperations api)
    {
        var allowed = new List<ConsoleAction>();
        foreach (var action in ConsoleActions.All)
            if (await api.MayCallAsync(user, action.ApiOperation)) allowed.Add(action);
        return allowed;
    }
}
