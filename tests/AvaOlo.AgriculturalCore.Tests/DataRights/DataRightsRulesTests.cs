using System.Text;
using System.Text.Json;
using AvaOlo.AgriculturalCore.DataRights;

namespace AvaOlo.AgriculturalCore.Tests.DataRights;

/// <summary>The pure parts: settings, RFC 4180 quoting and how values are written.</summary>
public sealed class DataRightsRulesTests
{
    [Theory]
    [InlineData(null, null, 7, 365, null)]
    [InlineData("0", "0", 0, null, null)]
    [InlineData(" 30 ", "1", 30, 1, null)]
    [InlineData("14", "36500", 14, 36500, null)]
    [InlineData("31", null, 7, 365, "ERASURE_GRACE_DAYS must be a whole number of days from 0 to 30")]
    [InlineData("-1", null, 7, 365, "ERASURE_GRACE_DAYS")]
    [InlineData("1.5", null, 7, 365, "ERASURE_GRACE_DAYS")]
    [InlineData(null, "forever", 7, 365, "CONVERSATION_RETENTION_DAYS must be a whole number of days from 0 to 36500")]
    [InlineData(null, "36501", 7, 365, "CONVERSATION_RETENTION_DAYS")]
    public void Settings_are_read_and_checked(string? grace, string? retention, int graceDays, int? retentionDays, string? error)
    {
        var (options, errors) = DataRightsOptions.From(k => k switch { "ERASURE_GRACE_DAYS" => grace, "CONVERSATION_RETENTION_DAYS" => retention, _ => null });
        if (error is null) Assert.Empty(errors);
        else Assert.Contains(errors, e => e.StartsWith(error, StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromDays(graceDays), options.ErasureGrace);
        Assert.Equal(retentionDays is { } d ? TimeSpan.FromDays(d) : null, options.ConversationRetention);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain", "plain")]
    [InlineData(" spaces kept ", " spaces kept ")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rlf", "\"cr\rlf\"")]
    [InlineData("Колко манго", "Колко манго")]
    public void Csv_fields_are_quoted_only_when_they_must_be(string? value, string expected) => Assert.Equal(expected, Csv.Field(value));

    [Fact]
    public void A_csv_record_ends_with_crlf() => Assert.Equal("id,\"a,b\",\r\n", Csv.Record(["id", "a,b", null]));

    public static TheoryData<object?, string> CsvValues => new()
    {
        { null, "" },
        { true, "true" },
        { 42L, "42" },
        { 0.0200m, "0.0200" },
        { 1.5d, "1.5" },
        { new DateTimeOffset(2026, 5, 2, 10, 30, 0, TimeSpan.FromHours(2)), "2026-05-02T08:30:00Z" },
        { new DateTimeOffset(2026, 5, 2, 8, 30, 0, 123, TimeSpan.Zero), "2026-05-02T08:30:00.123Z" },
        { new DateOnly(2026, 5, 2), "2026-05-02" },
        { new[] { 3, 1 }, "[3,1]" },
        { new[] { "records:read", "query" }, "[\"records:read\",\"query\"]" },
        { new RawJson("{\"a\": 1}"), "{\"a\": 1}" },
        { Guid.Parse("0b7d1a0e-0000-4000-8000-000000000001"), "0b7d1a0e-0000-4000-8000-000000000001" },
    };

    [Theory]
    [MemberData(nameof(CsvValues))]
    public void Values_become_csv_text(object? value, string expected) => Assert.Equal(expected, ExportValues.CsvText(value));

    [Fact]
    public void Values_become_json_values()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var value in new object?[] { null, "š", 7, 0.0200m, false, new RawJson("{\"x\": [1]}"), new[] { "a" }, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) })
                ExportValues.WriteJson(w, value);
            w.WriteEndArray();
        }
        var json = JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray())).RootElement;
        Assert.Equal(JsonValueKind.Null, json[0].ValueKind);
        Assert.Equal("š", json[1].GetString());
        Assert.Equal(7, json[2].GetInt32());
        Assert.Equal(0.0200m, json[3].GetDecimal());
        Assert.False(json[4].GetBoolean());
        Assert.Equal(1, json[5].GetProperty("x")[0].GetInt32());
        Assert.Equal("a", json[6][0].GetString());
        Assert.Equal("2026-01-01T00:00:00Z", json[7].GetString());
    }
}
