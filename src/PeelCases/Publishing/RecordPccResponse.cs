using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Publishing;

/// <summary>
/// The police and crime commissioner published a response to the report (added 2026-12-07): when, and where it can be
/// read. Recorded again when the first record was wrong; the latest stands, the earlier stays in the stream.
/// </summary>
public sealed record PccResponseRecorded(Guid InspectionId, DateOnly PublishedOn, [property: PublicText] string Url, string RecordedBy, DateTimeOffset RecordedAt)
    : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => RecordedAt;
}

/// <example>{"publishedOn":"2019-06-20","url":"https://www.cumbria-pcc.gov.uk/peel-response-2019","expectedVersion":60}</example>
public sealed record RecordPccResponse(DateOnly? PublishedOn, string? Url, long? ExpectedVersion);

public static class RecordPccResponseRules
{
    public static FieldErrors Validate(RecordPccResponse c) =>
        Response(new FieldErrors(), "", c.PublishedOn, c.Url).Required("expectedVersion", c.ExpectedVersion);

    /// <summary>The response's day and address, as the API and an imported record give them (<paramref name="at"/>: the fields' prefix).</summary>
    public static FieldErrors Response(FieldErrors errors, string at, DateOnly? publishedOn, string? url)
    {
        errors.Required($"{at}publishedOn", publishedOn).Text($"{at}url", url, 500);
        if (!string.IsNullOrWhiteSpace(url) && !IsWebAddress(url.Trim()))
            errors.Add($"{at}url", "Give the address where the response can be read, starting https:// or http://.");
        return errors;
    }

    /// <summary>
    /// An http(s) address with none of the characters that could end a link early in a page or in Markdown, and no user
    /// part (<c>https://pcc.gov.uk@elsewhere.example/</c> goes elsewhere than it reads).
    /// </summary>
    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !string.IsNullOrEmpty(uri.Host)
        && string.IsNullOrEmpty(uri.UserInfo) && !url.Contains('@')
        && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || "<>\"'`{}|\\^".Contains(c));

    public static Decision<PccResponseRecorded> Decide(Inspection inspection, RecordPccResponse c, string actor, DateTimeOffset now)
    {
        if (inspection.Publications.Count == 0)
            return Refusal.ProcessRule("The report is not published yet: the police and crime commissioner responds to the published report.");
        var (on, url) = (c.PublishedOn!.Value, c.Url!.Trim());
        var report = inspection.Publications[0].PublishedOn;
        if (on < report) return Refusal.Invalid("publishedOn", $"The response is published on or after the report ({report:d MMMM yyyy}).");
        if (on > UkTime.Today(now)) return Refusal.Invalid("publishedOn", "The response is recorded once published: today or an earlier day.");
        if (inspection.PccResponse is { } recorded && recorded.PublishedOn == on && recorded.Url == url)
            return new AlreadyDone("The response is recorded already.");
        return new PccResponseRecorded(inspection.Id, on, url, actor, now);
    }

    public static void Apply(Inspection i, PccResponseRecorded e)
    {
        i.PccResponse = new PccResponse(e.PublishedOn, e.Url, e.RecordedBy, e.RecordedAt);
        i.Touch(e.RecordedBy, e.RecordedAt);
    }
}

public static class RecordPccResponseEndpoint
{
    public static ProblemDetails Validate(RecordPccResponse? command) => FieldErrors.Check(command, RecordPccResponseRules.Validate);

    public static ProblemDetails Before(RecordPccResponse? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    /// <summary>A lead inspector records the police and crime commissioner's published response to the report, as follow-up work.</summary>
    [WolverinePost("/inspections/{inspectionId}/pcc-response", Name = "RecordPccResponse"), Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(RecordPccResponse command, [InspectionStream] Inspection inspection, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, RecordPccResponseRules.Decide(inspection, command, user.Actor(), clock.GetUtcNow()));
}
