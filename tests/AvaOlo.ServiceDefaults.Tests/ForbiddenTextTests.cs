using System.Text.Json;
using AvaOlo.ServiceDefaults.Input;

namespace AvaOlo.ServiceDefaults.Tests;

public sealed class ForbiddenTextTests
{
    [Theory]
    [InlineData("Koliko je karenca za Prosaro u pšenici?", TextKind.Text, null)]
    [InlineData("Колко манго дървета имам? 🥭", TextKind.Text, null)]          // scripts and surrogate pairs are text
    [InlineData("line one\nline two\r\n\tindented", TextKind.Text, null)]      // free text may span lines
    [InlineData("line one\nline two", TextKind.Token, ForbiddenText.ControlReason)] // an id or a code may not
    [InlineData("HR\0", TextKind.Token, ForbiddenText.NulReason)]
    [InlineData("a\u0001b\0", TextKind.Text, ForbiddenText.NulReason)]          // NUL is named before other controls
    [InlineData("\u001B[31mred", TextKind.Text, ForbiddenText.ControlReason)]
    [InlineData("rubbish\u007F", TextKind.Text, null)]
    [InlineData("HR\u007F", TextKind.Token, ForbiddenText.ControlReason)]
    [InlineData("", TextKind.Token, null)]
    public void Refuses_what_storage_cannot_hold_and_controls_where_they_do_not_belong(string value, TextKind kind, string? reason) =>
        Assert.Equal(reason, ForbiddenText.Check(value, kind));

    // Not as [InlineData]: attribute strings are stored as UTF-8, which turns a lone surrogate into U+FFFD.
    [Fact]
    public void Refuses_a_surrogate_without_its_pair_wherever_it_stands()
    {
        foreach (var value in new[] { "x\uD800", "\uD800x", "\uDFFF🥭", "🥭\uD83E", "\uDC00" })
            Assert.Equal(ForbiddenText.SurrogateReason, ForbiddenText.Check(value, TextKind.Text));
        Assert.Null(ForbiddenText.Check("\uD83E\uDD6D", TextKind.Token));
    }

    private sealed record Inner(string? Name);

    private sealed record Body(string? Name, string[]? Tags, Inner[]? Items, JsonElement? Shape);

    private static JsonSerializerOptions Options()
    {
        var o = new JsonSerializerOptions();
        ProblemDetailsSetup.ConfigureJson(o);
        return o;
    }

    [Theory]
    [InlineData("""{"name":"a\u0000b"}""", "$.name", ForbiddenText.NulReason)]
    [InlineData("""{"tags":["ok","\ud800"]}""", "$.tags[1]", ForbiddenText.SurrogateReason)]
    [InlineData("""{"items":[{"name":"x\u0007"}]}""", "$.items[0].name", ForbiddenText.ControlReason)]
    [InlineData("""{"shape":{"type":"Polygon","\u0000":[1]}}""", "$.shape", ForbiddenText.NulReason)]
    [InlineData("""{"shape":["\udc00"]}""", "$.shape", ForbiddenText.SurrogateReason)]
    public void A_forbidden_character_anywhere_in_a_body_fails_reading_at_its_path(string json, string path, string reason)
    {
        var e = Assert.Throws<ForbiddenTextException>(() => JsonSerializer.Deserialize<Body>(json, Options()));
        Assert.Equal((path, reason), (e.Path, e.Reason));
        Assert.Equal((RequestErrors.ExplainJson(e).Field, RequestErrors.ExplainJson(e).Reason), (path[2..], reason));
    }

    [Fact]
    public void Valid_bodies_and_writing_are_unchanged()
    {
        var body = JsonSerializer.Deserialize<Body>("""{"name":"Za hišo\n","tags":["🌾"],"items":[{"name":null}],"shape":{"type":"Point"}}""", Options())!;
        Assert.Equal(("Za hišo\n", "🌾"), (body.Name, body.Tags![0]));
        // A number where a string belongs keeps the built-in error, still naming the field.
        var wrong = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Body>("""{"name":5}""", Options()));
        Assert.IsNotType<ForbiddenTextException>(wrong);
        Assert.Equal("name", RequestErrors.ExplainJson(wrong).Field);
        // Dictionary keys still follow the snake_case key policy on the way out.
        Assert.Equal("""{"page_size":["x"]}""", JsonSerializer.Serialize(new Dictionary<string, string[]> { ["PageSize"] = ["x"] }, Options()));
    }
}
