using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;

namespace AvaOlo.AgriculturalCore.Assistant;

public static class QueryRules
{
    public const int MaxQueryLength = 4000;

    public sealed record Normalized(string Query, int? FarmerId, string? Phone, string? PhoneCountry, string? Language, string? CountryCode, Guid? ThreadId);

    public static (Normalized? Value, Errors Errors) Validate(QueryRequest r)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(r.Query)) errors.Add("query", "is required");
        else if (r.Query.Length > MaxQueryLength) errors.Add("query", $"must be at most {MaxQueryLength} characters");
        if (r.FarmerId is < 1) errors.Add("farmer_id", "must be a positive id");
        PhoneParseResult? phone = null;
        if (!string.IsNullOrWhiteSpace(r.PhoneNumber))
        {
            phone = Phones.Parse(r.PhoneNumber);
            if (!phone.IsValid) errors.Add("phone_number", phone.Error!);
        }
        var language = Text.Clean(r.Language)?.ToLowerInvariant();
        if (language is not null && !Iso639.IsCode(language)) errors.Add("language", "must be an ISO 639-1 language code, e.g. sl, hr, bg");
        var country = Text.Clean(r.CountryCode)?.ToUpperInvariant();
        if (country is not null && !Phones.IsKnownCountry(country)) errors.Add("country_code", "must be an ISO 3166-1 alpha-2 country code, e.g. HR");
        if (errors.Any) return (null, errors);
        // Control characters other than line breaks carry no meaning in a question and can smuggle instructions.
        var query = new string(r.Query!.Where(ch => !char.IsControl(ch) || ch is '\n' or '\t').ToArray()).Trim();
        return (new(query, r.FarmerId, phone?.E164, phone?.Country, language, country, r.ConversationId), errors);
    }

    /// <summary>The question as the cache sees it: case, spacing and trailing punctuation do not make a new question.</summary>
    public static string Normalize(string query) =>
        string.Join(' ', query.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('?', '!', '.', ' ', '？');
}
