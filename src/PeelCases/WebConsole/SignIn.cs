using Microsoft.AspNetCore.Authentication;

namespace PeelCases.WebConsole;

public sealed record SignInModel(ConsoleChrome Chrome, IReadOnlyList<DemoUser> Users, string? ReturnUrl, bool Development, string? Error,
    bool IdentityProvider = false);

public sealed record MessageModel(ConsoleChrome Chrome, string Heading, string Text);

/// <summary>
/// Development sign-in: choose one of the demo team (the identities the token command mints). It is offered only where
/// tokens are signed with the local development key; a deployment with an identity provider has no such page.
/// </summary>
public static class SignIn
{
    /// <summary>
    /// The sign-in page: the identity provider's button where one is configured, the demo team in development. With only a
    /// provider, straight to it.
    /// </summary>
    public static async Task<IResult> Page(HttpContext http, ConsoleSignInOptions auth, string? returnUrl, bool? failed)
    {
        if (failed == true)
            return await ConsolePages.Render<SignInPage>(new SignInModel(ConsolePages.Chrome(http, "Error: Sign in", ""), DemoUser.All, null, auth.DevelopmentUsers,
                "Signing in through your organisation's account did not succeed. Try again, or ask your administrator.", auth.IdentityProvider), StatusCodes.Status401Unauthorized);
        if (auth.IdentityProvider && !auth.DevelopmentUsers) return Provider(returnUrl);
        return await ConsolePages.Render<SignInPage>(new SignInModel(ConsolePages.Chrome(http, "Sign in", ""), DemoUser.All, Local(returnUrl), auth.DevelopmentUsers, null,
            auth.IdentityProvider), auth.DevelopmentUsers || auth.IdentityProvider ? StatusCodes.Status200OK : StatusCodes.Status404NotFound);
    }

    /// <summary>To the identity provider; back on the console's callback, then to the page asked for.</summary>
    public static IResult Provider(string? returnUrl) =>
        Results.Challenge(new AuthenticationProperties { RedirectUri = Local(returnUrl) ?? ConsoleRoutes.Root }, [ConsoleAuth.IdentityProviderScheme]);

    public static async Task<IResult> Post(HttpContext http, ConsoleSignInOptions auth, IFormCollection form)
    {
        if (!auth.DevelopmentUsers) return await ConsolePages.NotFound(http, "Sign in through your organisation's identity provider.");
        var user = DemoUser.All.FirstOrDefault(u => u.Id == form["user"].ToString());
        if (user is null)
            return await ConsolePages.Render<SignInPage>(new SignInModel(ConsolePages.Chrome(http, "Error: Sign in", ""), DemoUser.All, Local(form["returnUrl"]), true,
                "Choose who you are signing in as"), StatusCodes.Status400BadRequest);
        await http.SignInAsync(ConsoleAuth.Scheme, ConsoleAuth.Principal(auth, user));
        return Results.Redirect(Local(form["returnUrl"]) ?? (user.Role == Kernel.Roles.ForceLiaison ? ConsoleRoutes.Checks : ConsoleRoutes.Board));
    }

    public static async Task<IResult> SignOut(HttpContext http)
    {
        // The console's own session ends; a session at the identity provider is the provider's to end.
        await http.SignOutAsync(ConsoleAuth.Scheme);
        return Results.Redirect(ConsoleRoutes.SignIn);
    }

    /// <summary>Only a path inside the console: a sign-in never sends anyone to another site.</summary>
    private static string? Local(string? url) =>
        url is { Length: > 1 } u && u.StartsWith(ConsoleRoutes.Root + "/", StringComparison.Ordinal) && !u.StartsWith("//") && !u.Contains('\\') ? u : null;
}
