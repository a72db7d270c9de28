using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Fieldwork;

/// <summary>What recorded evidence must satisfy, for recording and amending alike.</summary>
public static class EvidenceRules
{
    public const int MaxSampleSize = 10_000;

    /// <summary>Shape of the content, before anything is looked up.</summary>
    public static FieldErrors ValidateContent(FieldErrors errors, EvidenceMethod? method, int? sampleSize, DateOnly? collectedOn,
        string? summary, string? source, IReadOnlyList<string>? questionCodes)
    {
        errors.Required("method", method)
            .Required("collectedOn", collectedOn)
            .Text("summary", summary, FieldErrors.LongText)
            .Text("source", source, 500)
            .List("questionCodes", questionCodes, 20);
        if (method == EvidenceMethod.CaseFileReview && sampleSize is null)
            errors.Add("sampleSize", "A case file review or dip sample needs its sample size (the number of files examined).");
        if (sampleSize is < 1 or > MaxSampleSize)
            errors.Add("sampleSize", $"sampleSize must be between 1 and {MaxSampleSize}.");
        return errors;
    }

    /// <summary>Checks the content against the inspection it belongs to and normalises it.</summary>
    public static Decision<EvidenceContent> CheckAgainst(Inspection inspection, EvidenceContent content) =>
        inspection.Stage is not (InspectionStage.Planning or InspectionStage.Fieldwork or InspectionStage.Reporting)
            ? Refusal.ProcessRule($"Evidence can no longer be recorded: the inspection is at {RecordWords.Quoted(inspection.Stage)}.")
            : Normalise(inspection, content);

    /// <summary>The content as it would be recorded for this inspection, whatever stage it is at now (a resend compares with it).</summary>
    public static Decision<EvidenceContent> Normalise(Inspection inspection, EvidenceContent content)
    {
        if (content.CollectedOn < inspection.FieldworkStarts || content.CollectedOn > inspection.FieldworkEnds)
            return Refusal.Invalid("collectedOn",
                $"{content.CollectedOn:yyyy-MM-dd} is outside the fieldwork window {inspection.FieldworkStarts:yyyy-MM-dd} to {inspection.FieldworkEnds:yyyy-MM-dd}.");

        var codes = new List<string>();
        foreach (var code in content.QuestionCodes)
        {
            var question = inspection.FindQuestion(code);
            if (question is null)
                return Refusal.Invalid("questionCodes", $"Question '{code}' is not in the scope of this inspection ({string.Join(", ", inspection.Questions.Select(q => q.Code))}).");
            if (!codes.Contains(question.Code)) codes.Add(question.Code);
        }

        return content with
        {
            Summary = content.Summary.Trim(),
            Source = content.Source.Trim(),
            QuestionCodes = codes,
        };
    }

    /// <summary>True when a retried command carries what is already recorded.</summary>
    public static bool SameContent(EvidenceContent a, EvidenceContent b) =>
        a.Method == b.Method && a.SampleSize == b.SampleSize && a.CollectedOn == b.CollectedOn &&
        a.Summary == b.Summary && a.Source == b.Source && a.Sensitive == b.Sensitive &&
        a.QuestionCodes.SequenceEqual(b.QuestionCodes);
}
