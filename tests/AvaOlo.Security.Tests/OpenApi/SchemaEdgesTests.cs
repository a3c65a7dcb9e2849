using System.Text.Json;

namespace AvaOlo.Security.Tests.OpenApi;

/// <summary>The generator itself: each schema constraint yields the values on and just past its edge.</summary>
public sealed class SchemaEdgesTests
{
    private static Schema Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Schema.Read(doc.RootElement, default);
    }

    [Theory]
    [InlineData("""{"type":["integer","string"],"format":"int32","minimum":1,"maximum":200}""", new[] { "0", "1", "200", "201", "2147483648", "9223372036854775808" })]
    [InlineData("""{"type":["null","number","string"],"format":"double","minimum":0,"maximum":1000}""", new[] { "-0.001", "1000.001", "1e400", "79228162514264337593543950336" })]
    [InlineData("""{"type":"string","maxLength":3}""", new[] { "\"xxx\"", "\"xxxx\"", "\"a\\u0000b\"", "\"x\\ud800\"", "\"\"" })]
    [InlineData("""{"type":"string","enum":["done","planned"]}""", new[] { "\"done\"", "\"planned\"", "\"not-a-member\"" })]
    [InlineData("""{"type":["null","string"],"format":"date"}""", new[] { "\"2026-13-45\"", "\"9999-12-31\"", "\"0001-01-01\"" })]
    [InlineData("""{"type":"array","items":{"type":"integer"},"maxItems":2}""", new[] { "[]", "[null]", "[2147483648]" })]
    public void Json_edges_include_the_values_on_and_past_each_edge(string schema, string[] expected)
    {
        var raws = SchemaEdges.ForJson(Read(schema)).Select(e => e.Raw).ToList();
        foreach (var value in expected) Assert.Contains(value, raws);
        Assert.Contains("{}", raws); // and a value of the wrong type
    }

    [Fact]
    public void Forbidden_characters_are_expected_to_be_refused_only_where_a_string_is_expected()
    {
        var forString = SchemaEdges.ForJson(Read("""{"type":"string"}""")).Where(e => e.Kind == EdgeKind.Forbidden).Select(e => e.Raw).ToList();
        Assert.Contains("\"a\\u0000b\"", forString);
        Assert.Contains("\"\\udfffx\"", forString);
        Assert.DoesNotContain(SchemaEdges.ForJson(Read("""{"type":"integer"}""")), e => e.Kind == EdgeKind.Forbidden);
        // A URL carries UTF-8, so it can hold a NUL or a control character but not a lone surrogate.
        var url = SchemaEdges.ForUrl(Read("""{"type":"string"}"""));
        Assert.Contains(url, e => e is { Raw: "a%00b", Kind: EdgeKind.Forbidden });
        Assert.Contains(url, e => e is { Raw: "%ED%A0%80", Kind: EdgeKind.Hostile });
        Assert.DoesNotContain(url, e => e.Raw.Contains("%EF%BF%BD", StringComparison.Ordinal) && e.Kind == EdgeKind.Forbidden);
    }

    [Fact]
    public void Numbers_sent_as_strings_and_nullable_refs_are_read_as_their_real_type()
    {
        Assert.Equal(SchemaKind.Integer, Read("""{"type":["null","integer","string"],"format":"int32"}""").Kind);
        Assert.Equal(SchemaKind.Any, Read("""{"oneOf":[{"type":"null"},{}]}""").Kind);
        var obj = Read("""{"type":"object","properties":{"a":{"type":"string","maxLength":5}}}""");
        Assert.Equal(5, obj.Properties["a"].MaxLength);
    }
}
