using JasperFx.CommandLine;
using PeelCases.Kernel;

namespace PeelCases.Host;

public sealed class TokenInput : NetCoreInput
{
    [Description("The user the token speaks for (its 'sub' claim)")]
    [FlagAlias("user", 'u')]
    public string UserFlag { get; set; } = "lena.lead";

    [Description("A role: inspector, lead-inspector, qa-reviewer, moderator, hmi, force-liaison, administrator (repeatable)")]
    [FlagAlias("role", 'r')]
    public List<string> RoleFlag { get; set; } = [];

    [Description("For a force liaison: the code of their force, e.g. cumbria")]
    [FlagAlias("force", 'f')]
    public string? ForceFlag { get; set; }

    [Description("Lifetime in hours (default 12)")]
    [FlagAlias("hours")]
    public int HoursFlag { get; set; } = 12;
}

/// <summary>Mints a development token signed with Auth:SigningKey: <c>dotnet run -- token --user alice --role lead-inspector</c>.</summary>
[Description("Mint a development JWT for a demo user", Name = "token")]
public sealed class TokenCommand : JasperFxCommand<TokenInput>
{
    public override bool Execute(TokenInput input)
    {
        var unknown = input.RoleFlag.Except(Roles.All).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"Unknown role(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Roles.All)}");
            return false;
        }
        using var host = input.BuildHost();
        var auth = host.Services.GetRequiredService<AuthOptions>();
        var clock = host.Services.GetRequiredService<TimeProvider>();
        Console.WriteLine(DevTokens.Mint(auth, input.UserFlag, input.RoleFlag, clock.GetUtcNow(), input.ForceFlag, TimeSpan.FromHours(input.HoursFlag)));
        return true;
    }
}
