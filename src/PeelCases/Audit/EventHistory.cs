using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Kernel;

namespace PeelCases.Audit;

public sealed record EventPage(int Page, int PageSize, int Total, IReadOnlyList<RecordStep> Events);

/// <summary>The raw events of an inspection with their metadata, oldest first, paged and filterable.</summary>
public static class EventHistory
{
    public const int MaxPageSize = 500;

    [WolverineGet("/inspections/{inspectionId}/events", Name = "GetInspectionEvents"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<EventPage>(200)]
    public static async Task<IResult> Get(Guid inspectionId, int? page, int? pageSize, string? question, string? type, string? actor,
        IQuerySession session, CancellationToken ct)
    {
        if (page is < 1) return Refusal.Invalid("page", "Pages start at 1.").ToResult();
        if (pageSize is < 1 or > MaxPageSize) return Refusal.Invalid("pageSize", $"pageSize must be between 1 and {MaxPageSize}.").ToResult();
        var record = await InspectionRecord.LoadAsync(session, inspectionId, ct);
        if (record is null) return Refusal.NotFound($"There is no inspection {inspectionId}.").ToResult();

        var events = record.Events.Where(e =>
            (string.IsNullOrWhiteSpace(question) || EventDescriptions.Questions(e.Data).Contains(question, StringComparer.OrdinalIgnoreCase))
            && (string.IsNullOrWhiteSpace(type) || string.Equals(e.Data.GetType().Name, type, StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrWhiteSpace(actor) || string.Equals(e.UserName, actor, StringComparison.OrdinalIgnoreCase))).ToList();
        var size = pageSize ?? 100;
        var number = page ?? 1;
        // In long arithmetic: a page number near int.MaxValue must not wrap round to the first page.
        var skip = (long)(number - 1) * size;
        if (number > 1 && skip >= events.Count)
            return Refusal.NotFound($"Page {number} is past the end: {events.Count} events make {Math.Max(1, (events.Count + size - 1) / size)} page(s) of {size}.").ToResult();
        return Results.Ok(new EventPage(number, size, events.Count,
            events.Skip((int)skip).Take(size).Select(e => RecordStep.From(e, inspectionId)).ToList()));
    }
}
