using AvaOlo.AgriculturalCore.WhatsApp;
using AvaOlo.AgriculturalCore.WhatsApp.CloudApi;
using AvaOlo.AgriculturalCore.WhatsApp.Outbox;
using AvaOlo.Data.Entities;
using Microsoft.Extensions.Configuration;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>The channel's pure rules, table-driven: splitting, the 24-hour window, status order, signatures, settings.</summary>
public sealed class ChannelRulesTests
{
    public static TheoryData<string, int, string[]> Splits => new()
    {
        { "Kratko.", 4096, ["Kratko."] },
        { "", 4096, [] },
        { "Prva rečenica. Druga rečenica.", 20, ["Prva rečenica.", "Druga rečenica."] },
        { "Jedna dva tri četiri pet", 10, ["Jedna dva", "tri četiri", "pet"] },
        { "Kaj? Ja! Tako.", 6, ["Kaj?", "Ja!", "Tako."] },
        { "abcdefghij", 4, ["abcd", "efgh", "ij"] },
        // A surrogate pair (🌾 is two UTF-16 units) is never cut in two.
        { "ab🌾cd", 3, ["ab", "🌾c", "d"] },
        { "🌾🌾🌾", 3, ["🌾", "🌾", "🌾"] },
        { "Odstavek ena\n\nOdstavek dva je daljši", 20, ["Odstavek ena", "Odstavek dva je", "daljši"] },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void Split_keeps_sentences_words_and_surrogate_pairs_whole(string text, int max, string[] expected)
    {
        var parts = MessageSplitter.Split(text, max);
        Assert.Equal(expected, parts);
        Assert.All(parts, p => Assert.True(p.Length <= max, p));
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1]) || char.IsLowSurrogate(p[0]), p));
    }

    [Fact]
    public void A_long_answer_splits_at_sentence_ends_under_4096()
    {
        var sentence = "Karenca za Prosaro 250 EC u pšenici iznosi 42 dana. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 200)).Trim();
        var parts = MessageSplitter.Split(text);
        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.True(p.Length <= 4096 && p.EndsWith("42 dana.", StringComparison.Ordinal), p[^20..]));
        Assert.Equal(text, string.Join(' ', parts));
    }

    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<double?, bool, SendMode> Windows => new()
    {
        { 0, false, SendMode.FreeText },
        { 23.99, false, SendMode.FreeText },
        { 23.99, true, SendMode.FreeText },
        { 24, false, SendMode.Skip },
        { 24, true, SendMode.Template },
        { 24.01, true, SendMode.Template },
        { 200, false, SendMode.Skip },
        { null, true, SendMode.Template },
        { null, false, SendMode.Skip },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void The_window_allows_free_text_for_24_hours_after_the_farmers_last_message(double? hoursAgo, bool template, SendMode expected)
    {
        var decision = ServiceWindow.Decide(hoursAgo is { } h ? Now.AddHours(-h) : null, Now, template);
        Assert.Equal(expected, decision.Mode);
        Assert.Equal(expected == SendMode.FreeText, decision.Reason is null);
    }

    [Theory]
    [InlineData("queued", "sent", "sent")]
    [InlineData("sent", "delivered", "delivered")]
    [InlineData("delivered", "read", "read")]
    [InlineData("read", "delivered", "read")]
    [InlineData("read", "sent", "read")]
    [InlineData("delivered", "failed", "delivered")]
    [InlineData("sent", "failed", "failed")]
    [InlineData("failed", "delivered", "delivered")]
    [InlineData("failed", "sent", "failed")]
    [InlineData("skipped", "read", "skipped")]
    public void Statuses_only_move_forward(string current, string incoming, string expected) =>
        Assert.Equal(expected, StatusRules.Apply(current, incoming));

    [Theory]
    [InlineData("sent", "sent")]
    [InlineData("DELIVERED", "delivered")]
    [InlineData("undelivered", "failed")]
    [InlineData("sending", null)]
    [InlineData("deleted", null)]
    public void Provider_status_words_map_to_ours(string raw, string? expected) => Assert.Equal(expected, StatusRules.Normalize(raw));

    [Fact]
    public void Statuses_reported_before_the_send_was_recorded_fold_into_the_latest() =>
        Assert.Equal(OutboxStates.Read, AvaOlo.AgriculturalCore.WhatsApp.Inbox.InboxStore.FoldEvents(["read", "delivered", "sent"]));

    [Fact]
    public void The_signature_is_HMAC_SHA256_of_the_raw_body_in_lower_case_hex()
    {
        var body = "{\"object\":\"whatsapp_business_account\"}"u8.ToArray();
        var header = WebhookSignature.Sign("secret", body);
        Assert.Equal(ChannelStandIns.Signatures.Meta("secret", body), header); // the stand-in's own implementation agrees
        Assert.True(WebhookSignature.IsValid("secret", body, header));
        Assert.True(WebhookSignature.IsValid("secret", body, header.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal)));
        Assert.False(WebhookSignature.IsValid("Secret", body, header));
        Assert.False(WebhookSignature.IsValid("secret", body, header[..^1]));
        Assert.False(WebhookSignature.IsValid("secret", body, null));
    }

    public static TheoryData<Dictionary<string, string>, string?> Settings => new()
    {
        { new(), null },
        { new() { ["WHATSAPP_APP_SECRET"] = "s", ["WHATSAPP_VERIFY_TOKEN"] = "v", ["WHATSAPP_ACCESS_TOKEN"] = "a", ["WHATSAPP_PHONE_NUMBER_ID"] = "1" }, null },
        { new() { ["WHATSAPP_APP_SECRET"] = "s", ["WHATSAPP_VERIFY_TOKEN"] = "v", ["WHATSAPP_PHONE_NUMBER_ID"] = "1" }, "WHATSAPP_ACCESS_TOKEN is not set" },
        { new() { ["WHATSAPP_ACCESS_TOKEN"] = "a" }, "WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN, WHATSAPP_PHONE_NUMBER_ID are not set" },
        { new() { ["TWILIO_ACCOUNT_SID"] = "AC1", ["TWILIO_AUTH_TOKEN"] = "t" }, "TWILIO_WHATSAPP_NUMBER is not set" },
        { new() { ["TWILIO_ACCOUNT_SID"] = "AC1", ["TWILIO_AUTH_TOKEN"] = "t", ["TWILIO_WHATSAPP_NUMBER"] = "whatsapp:+14155238886" }, null },
        { new() { ["TWILIO_ACCOUNT_SID"] = "AC1", ["TWILIO_AUTH_TOKEN"] = "t", ["TWILIO_WHATSAPP_NUMBER"] = "12345" }, "TWILIO_WHATSAPP_NUMBER must be in international format" },
        { new() { ["PUBLIC_BASE_URL"] = "avaolo.example.org" }, "PUBLIC_BASE_URL must be an absolute http(s) URL" },
        { new() { ["WHATSAPP_GRAPH_URL"] = "ftp://x" }, "WHATSAPP_GRAPH_URL must be an absolute http(s) URL" },
        { new() { ["WHATSAPP_TEMPLATE_REPLY"] = "farmer_reply" }, "WHATSAPP_TEMPLATE_REPLY must be name:language" },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void A_half_configured_provider_is_refused_naming_what_is_missing(Dictionary<string, string> values, string? error)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(values!).Build();
        var options = config.Get<WhatsAppOptions>() ?? new WhatsAppOptions();
        var errors = options.Validate();
        if (error is null) Assert.Empty(errors);
        else Assert.StartsWith(error, Assert.Single(errors));
    }
}
