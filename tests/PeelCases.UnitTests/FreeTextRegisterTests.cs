using PeelCases.Fieldwork;
using PeelCases.Host;
using PeelCases.Kernel;

namespace PeelCases.UnitTests;

/// <summary>
/// The register of free text (Kernel/TextMask): what redaction masks in each stored event type. The list is kept in
/// Golden/free-text-register.txt, so a new event or field that carries free text shows up in review
/// (PEELCASES_UPDATE_GOLDEN=1 rewrites it).
/// </summary>
public sealed class FreeTextRegisterTests
{
    [Fact]
    public void Every_free_text_field_of_every_stored_event_is_in_the_reviewed_register()
    {
        var register = string.Join("\n", StoredNames.Events.OrderBy(e => e.Alias, StringComparer.Ordinal)
            .Select(e => $"{e.Alias}: {string.Join(", ", TextMask.FieldsOf(e.Type))}")) + "\n";
        GoldenPageTests.AssertMatchesFile("free-text-register.txt", register);
        Assert.Contains("evidence_amended: Content.Summary, Content.Source, Reason", register);
    }

    [Fact]
    public void Masking_replaces_every_free_text_field_and_keeps_codes_people_and_facts()
    {
        var content = new EvidenceContent(EvidenceMethod.CaseFileReview, 40, new DateOnly(2018, 10, 9), "Jane Doe's file.", "Crime file 17/123", ["E3", "E4"], true);
        var amended = new EvidenceAmended(Guid.NewGuid(), Guid.NewGuid(), content, "Added DOB for Jane Doe.", "ian.inspector", DateTimeOffset.UnixEpoch);

        var masked = TextMask.Mask(amended);

        Assert.Equal(amended with { Content = content with { Summary = "[redacted]", Source = "[redacted]" }, Reason = "[redacted]" }, masked with
        {
            Content = masked.Content with { QuestionCodes = content.QuestionCodes },
        });
        Assert.Equal(["E3", "E4"], masked.Content.QuestionCodes);
        Assert.True(TextMask.IsMasked(masked));
        Assert.False(TextMask.IsMasked(amended));
        Assert.Equal("Jane Doe's file.", amended.Content.Summary); // the original is untouched
    }
}
