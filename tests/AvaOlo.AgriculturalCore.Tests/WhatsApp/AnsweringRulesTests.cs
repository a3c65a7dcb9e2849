using AvaOlo.AgriculturalCore.Assistant.Confirmations;
using AvaOlo.AgriculturalCore.WhatsApp.Answering;
using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>The answering side's pure rules, table-driven: confirmation buttons, reply parts, reported work.</summary>
public sealed class AnsweringRulesTests
{
    public static TheoryData<string?, long?, ConfirmationAnswer?> ButtonIds => new()
    {
        { "confirm:42:yes", 42, ConfirmationAnswer.Confirm },
        { "confirm:42:no", 42, ConfirmationAnswer.Decline },
        { "confirm:42:maybe", null, null },
        { "confirm:-1:yes", null, null },
        { "confirm:0:yes", null, null },
        { "confirm:42", null, null },
        { "confirm:42:yes:1", null, null },
        { "confirm: 42:yes", null, null },
        { "CONFIRM:42:yes", null, null },
        { "delete:42:yes", null, null },
        { "", null, null },
        { null, null, null },
    };

    [Theory]
    [MemberData(nameof(ButtonIds))]
    public void A_button_id_names_one_proposal_and_one_answer_or_nothing(string? id, long? proposal, ConfirmationAnswer? answer)
    {
        var parsed = ConfirmButtons.Parse(id);
        Assert.Equal(proposal, parsed?.ProposalId);
        Assert.Equal(answer, parsed?.Answer);
    }

    [Theory]
    [InlineData("hr", "Da", "Ne")]
    [InlineData("sl", "Da", "Ne")]
    [InlineData("bg", "Да", "Не")]
    [InlineData("hu", "Igen", "Nem")]
    [InlineData("de", "Ja", "Nein")]
    [InlineData("it", "Sì", "No")]
    [InlineData("sr", "Да", "Не")]
    [InlineData("en", "Yes", "No")]
    [InlineData("ja", "Yes", "No")]
    public void Button_titles_are_the_words_a_typed_answer_would_use(string language, string yes, string no)
    {
        var buttons = ConfirmButtons.For(7, language);
        Assert.Equal([("confirm:7:yes", yes), ("confirm:7:no", no)], buttons.Select(b => (b.Id, b.Title)));
        Assert.Equal(ConfirmationAnswer.Confirm, ConfirmationReply.Classify(yes));
        Assert.Equal(ConfirmationAnswer.Decline, ConfirmationReply.Classify(no));
        Assert.All(buttons, b => Assert.InRange(b.Title.Length, 1, 20));
    }

    [Fact]
    public void Buttons_go_under_a_short_last_part_on_meta()
    {
        var parts = ReplyParts.Of("Zabilježit ću prskanje. Potvrđujete?", ChannelProviders.Meta, ConfirmButtons.For(3, "hr"), "Odgovorite DA ili NE.");
        var part = Assert.Single(parts);
        Assert.Equal(("interactive", "Zabilježit ću prskanje. Potvrđujete?"), (part.Kind, part.Body));
        Assert.Equal("[{\"id\":\"confirm:3:yes\",\"title\":\"Da\"},{\"id\":\"confirm:3:no\",\"title\":\"Ne\"}]", part.ButtonsJson);
    }

    [Fact]
    public void A_last_part_over_1024_characters_is_text_and_the_buttons_follow_under_the_question()
    {
        var text = string.Concat(Enumerable.Repeat("Karenca je 42 dana. ", 80)).Trim();
        var parts = ReplyParts.Of(text, ChannelProviders.Meta, ConfirmButtons.For(3, "hr"), "Odgovorite DA ili NE.");
        Assert.Equal(["text", "interactive"], parts.Select(p => p.Kind));
        Assert.Equal((text, null), (parts[0].Body, parts[0].ButtonsJson));
        Assert.Equal("Odgovorite DA ili NE.", parts[1].Body);
        Assert.All(parts.Where(p => p.Kind == "interactive"), p => Assert.True(p.Body.Length <= ReplyParts.InteractiveBodyMax));
    }

    [Fact]
    public void Twilio_gets_the_words_instead_of_buttons_and_plain_answers_stay_plain()
    {
        var twilio = Assert.Single(ReplyParts.Of("Potvrđujete?", ChannelProviders.Twilio, ConfirmButtons.For(3, "hr"), "Odgovorite DA ili NE."));
        Assert.Equal(("text", "Potvrđujete?\n\nOdgovorite DA ili NE.", null), (twilio.Kind, twilio.Body, twilio.ButtonsJson));
        var plain = Assert.Single(ReplyParts.Of("Karenca je 42 dana.", ChannelProviders.Meta, null, null));
        Assert.Equal(("text", null), (plain.Kind, plain.ButtonsJson));
    }

    [Theory]
    [InlineData("Danes sem poškropil pšenico na Veliki njivi s Prosarom, 1 l/ha", true)]
    [InlineData("Danas sam poprskao pšenicu na Moti Prosarom, 1 l/ha.", true)]
    [InlineData("Вчера напръсках мангото", true)]
    [InlineData("Ma permeteztem a búzát", true)]
    [InlineData("Heute habe ich den Weizen gespritzt", true)]
    [InlineData("Oggi ho seminato il mais", true)]
    [InlineData("Sprayed the top field today with Prosaro", true)]
    [InlineData("Kdaj je potrebno pošpricati paradižnik proti plesni?", false)]
    [InlineData("Koliko je karenca za Prosaro u pšenici?", false)]
    [InlineData("Колко манго дървета имам", false)]
    [InlineData("Da", false)]
    [InlineData("", false)]
    public void Reported_work_is_told_from_a_question(string text, bool report) => Assert.Equal(report, WorkReports.Looks(text));

    private static readonly LocationReplies.FieldName[] Fields = [new(1, "Velika njiva"), new(2, "Mota"), new(3, "Za hišo")];

    [Theory]
    [InlineData(null, "Ovo je Mota", 2)]
    [InlineData("Velika njiva", "Ovo je Mota", 1)]
    [InlineData(null, "Sem na veliki njivi", 1)]
    [InlineData(null, "Mota ali Velika njiva?", null)]
    [InlineData(null, "Kje sem?", null)]
    [InlineData(null, null, null)]
    public void A_location_goes_to_the_one_field_named_in_its_name_or_the_message_before(string? name, string? before, int? field) =>
        Assert.Equal(field, LocationReplies.Pick(Fields, name, before)?.Id);

    [Fact]
    public void A_farmer_with_one_field_needs_to_name_none() =>
        Assert.Equal(2, LocationReplies.Pick([new(2, "Mota")], null, null)?.Id);

    [Theory]
    [InlineData("{\"location\":{\"latitude\":45.3312,\"longitude\":18.4127,\"name\":\"Mota\"}}", 45.3312, 18.4127)]
    [InlineData("{\"Latitude\":\"45.5\",\"Longitude\":\"-18.25\"}", 45.5, -18.25)]
    [InlineData("{\"location\":{\"latitude\":91,\"longitude\":18}}", null, null)]
    [InlineData("{\"location\":{\"latitude\":45,\"longitude\":\"NaN\"}}", null, null)]
    [InlineData("{\"location\":{\"latitude\":\"x\",\"longitude\":18}}", null, null)]
    [InlineData("{\"text\":{\"body\":\"hi\"}}", null, null)]
    [InlineData("not json", null, null)]
    public void Coordinates_come_from_either_providers_shape_and_must_be_on_earth(string payload, double? lat, double? lon)
    {
        var at = LocationReplies.Coordinates(payload);
        Assert.Equal((lat, lon), (at?.Latitude, at?.Longitude));
    }

    [Theory]
    [InlineData("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", "https://api.twilio.com", true)]
    [InlineData("https://api.twilio.com.evil.example/x", "https://api.twilio.com", false)]
    [InlineData("http://api.twilio.com/x", "https://api.twilio.com", false)]
    [InlineData("https://api.twilio.com:8443/x", "https://api.twilio.com", false)]
    [InlineData("https://user@evil.example/x", "https://api.twilio.com", false)]
    public void Twilio_credentials_go_only_to_twilios_own_address(string url, string twilio, bool same) =>
        Assert.Equal(same, AvaOlo.AgriculturalCore.WhatsApp.Media.MediaFetcher.SameOrigin(new Uri(url), new Uri(twilio)));

    [Theory]
    [InlineData("audio/ogg; codecs=opus", ".ogg")]
    [InlineData("audio/mpeg", ".mp3")]
    [InlineData("audio/wav", ".wav")]
    [InlineData("AUDIO/MP4", ".m4a")]
    [InlineData("application/octet-stream", ".ogg")]
    public void The_transcription_file_is_named_for_its_format(string mime, string extension) =>
        Assert.Equal(extension, AvaOlo.AgriculturalCore.WhatsApp.Media.Transcriber.Extension(mime));
}
