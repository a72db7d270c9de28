using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Import;

/// <summary>
/// The published record of past inspections, as an inspectorate holds it: what was inspected, the
/// grades awarded and when, what was carried over, findings and summaries, the publication date.
/// <see cref="Source"/> names the document it was taken from (a report's address, an archive file).
/// </summary>
public sealed record PublishedRecord(string? Source, IReadOnlyList<PublishedInspection>? Inspections);

/// <summary>
/// One inspection. <see cref="InspectionId"/> is optional: without it the id is derived from force,
/// framework and the questions covered, so importing the same record twice imports it once.
/// <see cref="Generated"/> marks a record that is not real (the demo's history of other forces).
/// <see cref="HmiObservations"/> is HM Inspector's text on an integrated report (2021/22 on), which publication needs.
/// <see cref="PccResponse"/> is the police and crime commissioner's published response to the report, when there was one.
/// </summary>
public sealed record PublishedInspection(
    Guid? InspectionId,
    string? ForceId,
    string? FrameworkId,
    int? FrameworkVersion,
    DateOnly? FieldworkStarts,
    DateOnly? FieldworkEnds,
    IReadOnlyList<PublishedQuestion>? Questions,
    IReadOnlyList<PublishedPillar>? Pillars = null,
    DateOnly? PublishedOn = null,
    string? Source = null,
    bool Generated = false,
    string? HmiObservations = null,
    PublishedPccResponse? PccResponse = null);

/// <summary>When the police and crime commissioner published a response to the report, and where it can be read.</summary>
public sealed record PublishedPccResponse(DateOnly? PublishedOn, string? Url);

/// <summary>
/// A question as published: its scope, and for one inspected in detail its grade, when it was
/// awarded, its summary and findings. <see cref="CarriedFrom"/> names the earlier question chosen
/// where several earlier judgments could stand.
/// </summary>
public sealed record PublishedQuestion(
    string? Code,
    QuestionScope? Scope,
    Grade? Grade = null,
    DateOnly? AwardedOn = null,
    string? Summary = null,
    IReadOnlyList<PublishedFinding>? Findings = null,
    string? CarriedFrom = null);

public sealed record PublishedFinding(FindingKind? Kind, string? Heading, string? Text, IReadOnlyList<RecommendationInput>? Recommendations = null);

public sealed record PublishedPillar(string? Code, Grade? Grade, DateOnly? AwardedOn = null, string? Summary = null);

public static class PublishedRecordRules
{
    public const int MaxInspections = 2_000;

    /// <summary>The shape of the request; whether each inspection stands up is decided when it is built.</summary>
    public static FieldErrors Validate(PublishedRecord r)
    {
        var errors = new FieldErrors().Text("source", r.Source, 2_000).List("inspections", r.Inspections, MaxInspections);
        foreach (var (p, i) in (r.Inspections ?? []).Select((p, i) => (p, i)))
        {
            var at = $"inspections[{i}]";
            if (p is null) { errors.Add(at, "An inspection is required."); continue; }
            errors.NotEmpty($"{at}.inspectionId", p.InspectionId).Text($"{at}.forceId", p.ForceId).Text($"{at}.frameworkId", p.FrameworkId)
                .Required($"{at}.fieldworkStarts", p.FieldworkStarts).Required($"{at}.fieldworkEnds", p.FieldworkEnds)
                .List($"{at}.questions", p.Questions).Text($"{at}.source", p.Source, 2_000, required: false)
                .Text($"{at}.hmiObservations", p.HmiObservations, FieldErrors.LongText, required: false);
            if (p.PccResponse is { } pcc) Publishing.RecordPccResponseRules.Response(errors, $"{at}.pccResponse.", pcc.PublishedOn, pcc.Url);
            foreach (var (q, j) in (p.Questions ?? []).Select((q, j) => (q, j)))
            {
                var qat = $"{at}.questions[{j}]";
                if (q is null) { errors.Add(qat, "A question is required."); continue; }
                errors.Text($"{qat}.code", q.Code, 20).Required($"{qat}.scope", q.Scope).Text($"{qat}.summary", q.Summary, FieldErrors.LongText, required: false)
                    .Text($"{qat}.carriedFrom", q.CarriedFrom, 20, required: false).List($"{qat}.findings", q.Findings, required: false);
                foreach (var (f, k) in (q.Findings ?? []).Select((f, k) => (f, k)))
                    if (f is null) errors.Add($"{qat}.findings[{k}]", "A finding is required.");
                    else errors.Required($"{qat}.findings[{k}].kind", f.Kind).Text($"{qat}.findings[{k}].heading", f.Heading)
                        .Text($"{qat}.findings[{k}].text", f.Text, FieldErrors.LongText);
            }
            foreach (var (pillar, j) in (p.Pillars ?? []).Select((x, j) => (x, j)))
                if (pillar is null) errors.Add($"{at}.pillars[{j}]", "A pillar is required.");
                else errors.Text($"{at}.pillars[{j}].code", pillar.Code, 40).Required($"{at}.pillars[{j}].grade", pillar.Grade)
                    .Text($"{at}.pillars[{j}].summary", pillar.Summary, FieldErrors.LongText, required: false);
        }
        return errors;
    }
}
