using System.Text;
using PeelCases.Kernel;

namespace PeelCases.UnitTests;

/// <summary>What no text may hold, and where the refusal points.</summary>
public sealed class UnsafeTextTests
{
    [Theory]
    [InlineData("a\u0000b", "a NUL character (U+0000)")]
    [InlineData("a\u001bb", "a control character (U+001B)")]
    [InlineData("a\u0007b", "a control character (U+0007)")]
    [InlineData("a\u007fb", "a control character (U+007F)")]
    [InlineData("a\u0085b", "a control character (U+0085)")]
    [InlineData("a\u009fb", "a control character (U+009F)")]
    [InlineData("a\u202ab", "a bidirectional override (U+202A)")]
    [InlineData("a\u202eb", "a bidirectional override (U+202E)")]
    [InlineData("a\u2066b", "a bidirectional override (U+2066)")]
    [InlineData("a\u2069b", "a bidirectional override (U+2069)")]
    public void Control_and_override_characters_are_named(string text, string problem) => Assert.Equal(problem, UnsafeText.Problem(text));

    [Theory]
    [InlineData("Line one.\nLine two.\r\n\tIndented.")]
    [InlineData("Ysgol Gymraeg — “quoted” – ‘fine’ … £5 é ß 中文 עברית \u200f")]
    [InlineData(" \u00a0\u00a1\u2065\u206a\u2029")]
    public void Prose_with_line_breaks_and_any_language_passes(string text) => Assert.Null(UnsafeText.Problem(text));

    [Fact]
    public void A_single_line_field_refuses_tabs_and_line_breaks_and_prose_keeps_them()
    {
        Assert.Equal("a tab or line break (U+000A); this field is a single line", UnsafeText.Problem("a\nb", lineBreaksAllowed: false));
        var errors = new FieldErrors().Text("heading", "Two\nlines").Text("summary", "Two\nlines", FieldErrors.LongText).Text("source", "a\tb", 2_000);
        Assert.Equal(["heading"], errors.ToRefusal()!.Errors!.Keys);
        Assert.Contains("heading contains a tab or line break", errors.ToRefusal()!.Detail);
        Assert.Contains("summary contains a control character (U+001B)", new FieldErrors().Text("summary", "a\u001b[2Jb", FieldErrors.LongText).ToRefusal()!.Detail);
    }

    [Theory]
    [InlineData("""{"summary": "a\u001bb"}""", "summary")]
    [InlineData("""{"summary": "fine", "reason": "a\u0000b"}""", "reason")]
    [InlineData("""{"inspections": [{"forceId": "kent"}, {"questions": [{"code": "Q1"}, {"code": "Q2", "summary": "x\u202Ey"}]}]}""", "inspections[1].questions[1].summary")]
    [InlineData("""{"codes": ["E1", "E\u0007"]}""", "codes[1]")]
    [InlineData("""{"nested": {"deeper": {"text": "\u007f"}}, "after": 1}""", "nested.deeper.text")]
    [InlineData("""["ok", "no\u0000"]""", "[1]")]
    [InlineData("""{"na\u001bme": "value"}""", "na\u001bme")]
    [InlineData("\"\u202E\"", "body")]
    public void A_JSON_body_names_the_field_holding_it(string json, string field) =>
        Assert.Equal(field, UnsafeText.InJson(Encoding.UTF8.GetBytes(json))?.Field);

    [Theory]
    [InlineData("""{"summary": "Line one.\nLine two.", "n": 1, "list": [true, null, {"a": "b"}]}""")]
    [InlineData("""{"summary": "the six characters \\u0000 escaped twice"}""")]
    [InlineData("""{"broken": """)]
    public void Clean_or_malformed_bodies_are_left_to_the_endpoint(string json) => Assert.Null(UnsafeText.InJson(Encoding.UTF8.GetBytes(json)));
}
