using Marten;

namespace PeelCases.WebConsole;

/// <summary>
/// What the team form offers: each member but the lead inspector to tick off the team, and, as suggestions for a name typed
/// to join it, the people on any inspection's team. There is no directory of users, so a name is still typed as they sign in.
/// </summary>
public sealed record TeamChoice(string Lead, IReadOnlyList<string> Members, IReadOnlyList<string> Known)
{
    /// <summary>Who may be taken off: the lead inspector stays (TeamRules).</summary>
    public IEnumerable<string> MayLeave => Members.Where(m => m != Lead);

    /// <summary>Who may join: the people known from other teams, not on this one.</summary>
    public IEnumerable<string> MayJoin => Known.Except(Members);

    public static async Task<TeamChoice> LoadAsync(IQuerySession session, string lead, IReadOnlyList<string> members, CancellationToken ct) =>
        new(lead, members, await session.QueryAsync<string>(
            "select distinct jsonb_array_elements_text(data -> 'team') as member from peelcases.mt_doc_inspection order by 1", ct));
}
