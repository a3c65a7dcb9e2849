using PhoneNumbers;

namespace AvaOlo.Data;

/// <summary>Phone numbers through libphonenumber: E.164 normalisation and the country a number belongs to.</summary>
public static class Phones
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Parses an international number ("+386 40 123 456", "00386…"); null with a reason when invalid.</summary>
    public static PhoneParseResult Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return PhoneParseResult.Fail("is required");
        var text = input.Trim();
        if (text.StartsWith("00", StringComparison.Ordinal)) text = "+" + text[2..];
        if (!text.StartsWith('+')) return PhoneParseResult.Fail("must be in international format starting with + and the country code, e.g. +38640123456");
        try
        {
            var number = Util.Parse(text, null);
            if (!Util.IsValidNumber(number)) return PhoneParseResult.Fail("is not a valid phone number for its country code");
            var region = Util.GetRegionCodeForNumber(number);
            return new(Util.Format(number, PhoneNumberFormat.E164), region is null or "ZZ" or "001" ? null : region, null);
        }
        catch (NumberParseException e)
        {
            return PhoneParseResult.Fail($"could not be read as a phone number ({e.ErrorType})");
        }
    }

    /// <summary>Country of a possibly-invalid number by its calling code (longest prefix), or null.</summary>
    public static string? CountryOf(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var parsed = Parse(input);
        if (parsed.Country is not null) return parsed.Country;
        var text = input.Trim();
        try
        {
            var number = Util.Parse(text.StartsWith("00", StringComparison.Ordinal) ? "+" + text[2..] : text, null);
            var region = Util.GetRegionCodeForCountryCode(number.CountryCode);
            return region is "ZZ" or "001" ? null : region;
        }
        catch (NumberParseException) { return null; }
    }

    public static bool IsKnownCountry(string? code) =>
        code is { Length: 2 } && Util.GetSupportedRegions().Contains(code.ToUpperInvariant());

}

public sealed record PhoneParseResult(string? E164, string? Country, string? Error)
{
    public bool IsValid => Error is null;
    public static PhoneParseResult Fail(string error) => new(null, null, error);
}
