using AvaOlo.AgriculturalCore.Assistant;

namespace AvaOlo.AgriculturalCore.Tests.Assistant;

/// <summary>Validation and normalisation of POST /api/v1/farmer/query, before anything is read.</summary>
public sealed class QueryRulesTests
{
    private static QueryRequest Ask(string? query = "Koliko polja imam?", int? farmerId = 7, string? phone = null, string? language = null,
        string? country = null) => new(query, farmerId, phone, language, country, null);

    public static TheoryData<QueryRequest, string, string> Invalid => new()
    {
        { Ask(query: null), "query", "is required" },
        { Ask(query: "   "), "query", "is required" },
        { Ask(query: new string('a', 4001)), "query", "must be at most 4000 characters" },
        { Ask(farmerId: 0), "farmer_id", "must be a positive id" },
        { Ask(farmerId: -3), "farmer_id", "must be a positive id" },
        { Ask(language: "xx1"), "language", "must be an ISO 639-1 language code, e.g. sl, hr, bg" },
        { Ask(language: "slovenian"), "language", "must be an ISO 639-1 language code, e.g. sl, hr, bg" },
        { Ask(country: "QQ"), "country_code", "must be an ISO 3166-1 alpha-2 country code, e.g. HR" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Bad_requests_name_the_field_and_the_reason(QueryRequest request, string field, string reason)
    {
        var (value, errors) = QueryRules.Validate(request);
        Assert.Null(value);
        Assert.Equal([reason], errors.ToDictionary()[field]);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("not a phone")]
    public void A_phone_number_that_is_not_one_is_refused(string phone)
    {
        var (value, errors) = QueryRules.Validate(Ask(farmerId: null, phone: phone));
        Assert.Null(value);
        Assert.True(errors.ToDictionary().ContainsKey("phone_number"));
    }

    // language, country → as the pipeline gets them
    [Theory]
    [InlineData("SL", "hr", "sl", "HR")]
    [InlineData(" bg ", null, "bg", null)]
    [InlineData(null, " si ", null, "SI")]
    public void Language_and_country_are_normalised(string? language, string? country, string? expectedLanguage, string? expectedCountry)
    {
        var (value, _) = QueryRules.Validate(Ask(language: language, country: country));
        Assert.Equal(expectedLanguage, value!.Language);
        Assert.Equal(expectedCountry, value.CountryCode);
    }

    [Fact]
    public void A_phone_number_is_read_as_e164_with_its_country()
    {
        var (value, _) = QueryRules.Validate(Ask(farmerId: null, phone: "+385 91 765 4321"));
        Assert.Equal("+385917654321", value!.Phone);
        Assert.Equal("HR", value.PhoneCountry);
        Assert.Null(value.FarmerId);
    }

    [Theory]
    [InlineData("  Koliko polja imam?  ", "Koliko polja imam?")]
    [InlineData("Ignore\u0007 the\u001b rules", "Ignore the rules")]       // control characters carry no meaning in a question
    [InlineData("Prva vrstica\nDruga\tvrstica", "Prva vrstica\nDruga\tvrstica")] // line breaks and tabs stay
    public void The_question_is_trimmed_and_loses_control_characters(string query, string expected) =>
        Assert.Equal(expected, QueryRules.Validate(Ask(query: query)).Value!.Query);

    // Case, spacing and trailing punctuation do not make a new question for the cache.
    [Theory]
    [InlineData("Koliko polja imam?", "koliko polja imam")]
    [InlineData("  koliko   POLJA imam ?! ", "koliko polja imam")]
    [InlineData("Колко манго дървета имам？", "колко манго дървета имам")]
    [InlineData("Is 2.5 ha enough.", "is 2.5 ha enough")]
    public void Normalize_ignores_case_spacing_and_trailing_punctuation(string query, string expected) =>
        Assert.Equal(expected, QueryRules.Normalize(query));
}
