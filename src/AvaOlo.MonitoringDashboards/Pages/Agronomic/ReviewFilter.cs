using System.Globalization;
using System.Text.RegularExpressions;

namespace AvaOlo.MonitoringDashboards.Pages.Agronomic;

/// <summary>
/// The workbench's filters, as they travel in the URL (shareable, bookmarkable): each is optional, all must hold. Values
/// are checked here; a bad one is named with its reason rather than ignored.
/// </summary>
public sealed partial record ReviewFilter(string? Channel, string? Language, string? Country, string? Crop, string? Method, string? Check, int? Farmer)
{
    public const string AnyFailedCheck = "any";
    public static readonly string[] Methods = ["llm", "offline", "cache"];
    /// <summary>The constitution's checks as the core names them (Checks/ConstitutionalChecks.cs).</summary>
    public static readonly string[] CheckNames = ["language", "privacy", "no_crop_or_country_refusal"];

    /// <summary>Trims and lower-cases (country upper-cases) the raw query values and names what is wrong with them.</summary>
    public static (ReviewFilter Filter, Dictionary<string, string> Errors) Parse(string? channel, string? language, string? country, string? crop,
        string? method, string? check, string? farmer)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        channel = Clean(channel)?.ToLowerInvariant();
        language = Clean(language)?.ToLowerInvariant();
        country = Clean(country)?.ToUpperInvariant();
        crop = Clean(crop);
        method = Clean(method)?.ToLowerInvariant();
        check = Clean(check)?.ToLowerInvariant();
        if (channel is { Length: > 16 }) errors["channel"] = "must be at most 16 characters";
        if (language is not null && !TwoLetters().IsMatch(language)) errors["language"] = "must be a two-letter ISO 639-1 code, e.g. hr";
        if (country is not null && !TwoLetters().IsMatch(country.ToLowerInvariant())) errors["country"] = "must be a two-letter ISO 3166-1 code, e.g. HR";
        if (crop is { Length: > 100 }) errors["crop"] = "must be at most 100 characters";
        if (method is not null && !Methods.Contains(method)) errors["method"] = $"must be one of {string.Join(", ", Methods)}";
        if (check is not null && check != AnyFailedCheck && !CheckNames.Contains(check))
            errors["check"] = $"must be {AnyFailedCheck} or one of {string.Join(", ", CheckNames)}";
        int? farmerId = null;
        if (Clean(farmer) is { } f)
        {
            if (int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) farmerId = id;
            else errors["farmer"] = "must be a farmer id (a positive whole number)";
        }
        return (new ReviewFilter(channel, language, country, crop, method, check, farmerId), errors);
    }

    public bool Any => Channel is not null || Language is not null || Country is not null || Crop is not null || Method is not null || Check is not null || Farmer is not null;

    /// <summary>
    /// SQL conditions over conversations for these filters, with parameters numbered from <paramref name="next"/>. The crop
    /// matches the question's words or the records the answer drew on (sources), case-insensitively: conversations have no
    /// crop column, and farmers name their crops in their own words.
    /// </summary>
    public (List<string> Conditions, List<object?> Args) ToSql(int next)
    {
        var conditions = new List<string>();
        var args = new List<object?>();
        void Add(string sql, object? value) { conditions.Add(sql.Replace("{p}", "$" + (next + args.Count).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)); args.Add(value); }
        if (Channel is not null) Add("channel = {p}", Channel);
        // char(2) columns: compared as char(2), not as text, so the planner reads their statistics. Compared as text, it
        // guessed a filter rare, scanned every pending row and sorted them instead of walking the queue's index.
        if (Language is not null) Add("language = {p}::bpchar", Language);
        if (Country is not null) Add("country_code = {p}::bpchar", Country);
        if (Method is not null) Add("method = {p}", Method);
        if (Farmer is not null) Add("farmer_id = {p}", Farmer.Value);
        if (Check == AnyFailedCheck) conditions.Add("NOT checks_passed");
        else if (Check is not null) Add("checks @> jsonb_build_array(jsonb_build_object('name', {p}::text, 'passed', false))", Check);
        if (Crop is not null)
        {
            // The crop's stem (all but the last two letters of a longer word): "pšenica" finds "pšenicu" and "pšenice".
            var crop = Crop.ToLowerInvariant();
            var stem = crop.Length > 5 ? crop[..Math.Max(5, crop.Length - 2)] : crop;
            var pattern = "%" + stem.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            // The very expression of the pending answers' trigram index (migration WorkbenchCropSearch): a substring
            // match no b-tree serves, which read every pending answer without it.
            Add("(question || ' ' || COALESCE(sources::text, '')) ILIKE {p}", pattern);
        }
        return (conditions, args);
    }

    /// <summary>The filters as query-string values (for links that keep them: paging, the bulk form).</summary>
    public Dictionary<string, string?> ToQuery() => new(StringComparer.Ordinal)
    {
        ["channel"] = Channel, ["language"] = Language, ["country"] = Country, ["crop"] = Crop, ["method"] = Method, ["check"] = Check,
        ["farmer"] = Farmer?.ToString(CultureInfo.InvariantCulture),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex TwoLetters();
}
