using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Mvc;
using PeelCases.Audit;
using PeelCases.Board;
using PeelCases.Kernel;
using PeelCases.Moderation;
using PeelCases.Reporting;

namespace PeelCases.WebConsole;

/// <summary>
/// The console's routes. Pages read through the same query functions as the API's GET operations and are authorized
/// with the same named policies (against the console cookie); actions go through <see cref="ApiOperations"/>.
/// </summary>
public static class ConsolePages
{
    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder app)
    {
        var console = app.MapGroup(ConsoleRoutes.Root).ExcludeFromDescription();
        console.MapGet("/", (HttpContext http) => Results.Redirect(http.User.IsInRole(Roles.ForceLiaison) ? ConsoleRoutes.Checks : ConsoleRoutes.Board))
            .RequireAuthorization(Signed());
        console.MapGet("/sign-in", SignIn.Page).AllowAnonymous();
        console.MapPost("/sign-in", SignIn.Post).AllowAnonymous();
        console.MapGet("/sign-in/provider", async (HttpContext http, ConsoleSignInOptions auth, string? returnUrl) =>
            auth.IdentityProvider ? SignIn.Provider(returnUrl) : await NotFound(http, "No identity provider is configured for the console.")).AllowAnonymous();
        console.MapPost("/sign-out", (Delegate)SignIn.SignOut).RequireAuthorization(Signed());

        var inspectorate = Signed(Policies.Inspectorate);
        console.MapGet("/board", BoardScreen.Get).RequireAuthorization(inspectorate);
        console.MapGet("/inspections/new", ScheduleScreen.Get).RequireAuthorization(Signed(Policies.Planning));
        console.MapPost("/inspections/new", ScheduleScreen.Post).RequireAuthorization(Signed(Policies.Planning));
        console.MapGet("/inspections/{inspectionId:guid}", InspectionScreen.Get).RequireAuthorization(inspectorate);
        console.MapGet("/inspections/{inspectionId:guid}/questions/{questionCode}", QuestionScreen.Get).RequireAuthorization(inspectorate);
        // Who may read a draft is the report pages' own rule (the inspectorate, and the force's liaison during its check).
        console.MapGet("/inspections/{inspectionId:guid}/report", ReportPreview.Get).RequireAuthorization(Signed());
        console.MapPost("/inspections/{inspectionId:guid}/actions/{operation}", ActionPost.Post).RequireAuthorization(inspectorate);
        console.MapGet("/forces", ForcesScreen.Get).RequireAuthorization(inspectorate);
        console.MapGet("/forces/{forceId}", ForceScreen.Get).RequireAuthorization(inspectorate);
        console.MapPost("/forces/{forceId}/actions/{operation}", ForceScreen.Post).RequireAuthorization(inspectorate);
        console.MapGet("/moderation", ModerationScreen.Queue).RequireAuthorization(inspectorate);
        console.MapGet("/moderation/comparison", ModerationScreen.Comparison).RequireAuthorization(inspectorate);
        console.MapGet("/moderation/proposers", ModerationScreen.Proposers).RequireAuthorization(inspectorate);
        // A force liaison's own force's checks (and the inspectorate's view of any).
        console.MapGet("/checks", CheckScreen.List).RequireAuthorization(Signed());
        // Their forms: the API's own policies and rules decide who may raise, confirm, answer or close (ApiOperations).
        console.MapPost("/checks/{inspectionId:guid}/actions/{operation}", CheckActions.Post).RequireAuthorization(Signed());
        return app;
    }

    /// <summary>The console cookie's scheme, with one of the API's named policies (any signed-in user when none).</summary>
    private static AuthorizeAttribute Signed(string? policy = null) => new() { AuthenticationSchemes = ConsoleAuth.Scheme, Policy = policy };

    public static ConsoleChrome Chrome(HttpContext http, string title, string section, IReadOnlyList<Breadcrumb>? crumbs = null)
    {
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        var signedIn = http.User.Identity?.IsAuthenticated == true;
        var role = (http.User.Identity as ClaimsIdentity)?.RoleClaimType is { } roleClaim ? http.User.FindFirstValue(roleClaim) : null;
        var notice = http.Request.Query["done"].ToString() is { Length: > 0 } done && (ConsoleActions.Find(done)?.Label ?? CheckActions.Find(done)?.Label) is { } label
            ? $"{label}: done." : null;
        return new ConsoleChrome(title, section, PageNonce.For(http), signedIn ? http.User.Actor() : null, role is null ? null : Kernel.Words.Sentence(role.Replace("-", " ")),
            antiforgery.GetAndStoreTokens(http).RequestToken, crumbs, notice, Roles.Inspectorate.Any(http.User.IsInRole));
    }

    public static async Task<IResult> Render<TComponent>(object page, int status = StatusCodes.Status200OK) where TComponent : IComponent =>
        Results.Content(await HtmlReport.RenderAsync<TComponent>(page), "text/html; charset=utf-8", null, status);

    /// <summary>A signed-in user without the role: the console's own page, with the 403 status.</summary>
    public static async Task Forbidden(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(await HtmlReport.RenderAsync<MessagePage>(
            new MessageModel(Chrome(http, "You cannot see this page", ""), "You cannot see this page",
                "Your role does not give access to this page. Ask your lead inspector if you need it.")));
    }

    public static async Task<IResult> NotFound(HttpContext http, string detail) =>
        await Render<MessagePage>(new MessageModel(Chrome(http, "Page not found", ""), "Page not found", detail), StatusCodes.Status404NotFound);
}
