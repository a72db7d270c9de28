using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using PeelCases.Kernel;
using PeelCases.WebConsole;

namespace PeelCases.Host;

/// <summary>
/// JWT bearer settings. With an <see cref="Authority"/> the signing keys come from the identity
/// provider's OIDC metadata; without one, tokens are checked against <see cref="SigningKey"/>
/// (local development and tests, where the <c>token</c> command mints them).
/// </summary>
public sealed class AuthOptions
{
    public string? Authority { get; set; }
    public string Issuer { get; set; } = "peelcases-local";
    public string Audience { get; set; } = "peelcases";
    public string? SigningKey { get; set; }
    public string RoleClaim { get; set; } = "role";

    /// <summary>The console's sign-in through the identity provider: its client id there (and secret, if it is a confidential client).</summary>
    public string? ConsoleClientId { get; set; }
    public string? ConsoleClientSecret { get; set; }

    /// <summary>The identity provider the console signs people in with; <see cref="Authority"/> unless set apart.</summary>
    public string? ConsoleAuthority { get; set; }

    public string? ConsoleProvider => string.IsNullOrEmpty(ConsoleClientId) ? null : ConsoleAuthority ?? Authority;

    public SymmetricSecurityKey? LocalKey =>
        string.IsNullOrEmpty(SigningKey) ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey));
}

public static class AuthenticationSetup
{
    public static IServiceCollection AddPeelCasesAuth(this IServiceCollection services, IConfiguration configuration, bool development)
    {
        var auth = configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(auth);
        services.AddSingleton(new ConsoleSignInOptions(auth.LocalKey is not null, auth.RoleClaim, auth.ConsoleProvider is not null));
        var authentication = services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddConsoleCookie(development);
        if (auth.ConsoleProvider is { } provider) authentication.AddConsoleIdentityProvider(provider, auth.ConsoleClientId!, auth.ConsoleClientSecret, auth.RoleClaim);
        authentication.AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            if (!string.IsNullOrEmpty(auth.Authority)) o.Authority = auth.Authority;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Issuer,
                ValidAudience = auth.Audience,
                IssuerSigningKey = auth.LocalKey,
                NameClaimType = "sub",
                RoleClaimType = auth.RoleClaim,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Inspectorate, p => p.RequireRole(Roles.Inspectorate))
            .AddPolicy(Policies.Planning, p => p.RequireRole(Roles.LeadInspector))
            .AddPolicy(Policies.Fieldwork, p => p.RequireRole(Roles.Inspector, Roles.LeadInspector))
            .AddPolicy(Policies.Awarding, p => p.RequireRole(Roles.Moderator, Roles.Hmi))
            .AddPolicy(Policies.QualityAssurance, p => p.RequireRole(Roles.QaReviewer))
            .AddPolicy(Policies.Moderation, p => p.RequireRole(Roles.Moderator))
            .AddPolicy(Policies.SignOff, p => p.RequireRole(Roles.Hmi))
            .AddPolicy(Policies.FactualAccuracy, p => p.RequireRole(Roles.ForceLiaison))
            .AddPolicy(Policies.Redaction, p => p.RequireRole(Roles.LeadInspector, Roles.Administrator))
            .AddPolicy(Policies.Administration, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.DraftReview, p => p.RequireRole(Roles.LeadInspector, Roles.Moderator));
        return services;
    }
}

/// <summary>Mints tokens signed with the local development key, for demo users and tests.</summary>
public static class DevTokens
{
    public static string Mint(AuthOptions auth, string user, IEnumerable<string> roles, DateTimeOffset now, string? forceId = null, TimeSpan? lifetime = null)
    {
        var key = auth.LocalKey ?? throw new InvalidOperationException("Auth:SigningKey is not set; tokens come from the identity provider.");
        var claims = new List<Claim> { new("sub", user), new("name", user) };
        claims.AddRange(roles.Select(r => new Claim(auth.RoleClaim, r)));
        if (forceId is not null) claims.Add(new Claim("force", forceId));
        var token = new JwtSecurityToken(auth.Issuer, auth.Audience, claims, now.UtcDateTime,
            now.Add(lifetime ?? TimeSpan.FromHours(12)).UtcDateTime, new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
