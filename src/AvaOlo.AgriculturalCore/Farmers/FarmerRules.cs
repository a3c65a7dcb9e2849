using System.Net.Mail;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;

namespace AvaOlo.AgriculturalCore.Farmers;

/// <summary>Validation and normalisation of a farmer request: a pure function, tested by table.</summary>
public static class FarmerRules
{
    public sealed record Normalized(string Name, string? FarmName, string Phone, string? Email, string? Address, string? VatNumber,
        string CountryCode, string? PreferredLanguage);

    public static (Normalized? Value, Errors Errors) Validate(FarmerRequest r)
    {
        var errors = new Errors();
        errors.Required("name", r.Name, 200);
        errors.MaxLength("farm_name", r.FarmName, 200);
        errors.MaxLength("address", r.Address, 500);
        errors.MaxLength("vat_number", r.VatNumber, 32);

        var phone = Phones.Parse(r.Phone);
        if (!phone.IsValid) errors.Add("phone", phone.Error!);

        var email = Text.Clean(r.Email);
        if (email is not null && (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
            errors.Add("email", "must be a valid e-mail address");

        var country = Text.Clean(r.CountryCode)?.ToUpperInvariant();
        if (country is not null && !Phones.IsKnownCountry(country))
            errors.Add("country_code", "must be an ISO 3166-1 alpha-2 country code, e.g. SI");
        country ??= phone.Country;
        if (country is null && phone.IsValid) errors.Add("country_code", "could not be derived from the phone number; give it explicitly");

        var language = Text.Clean(r.PreferredLanguage)?.ToLowerInvariant();
        if (language is not null && !Iso639.IsCode(language))
            errors.Add("preferred_language", "must be an ISO 639-1 language code, e.g. sl, hr, hu");

        if (errors.Any) return (null, errors);
        return (new(r.Name!.Trim(), Text.Clean(r.FarmName), phone.E164!, email, Text.Clean(r.Address), Text.Clean(r.VatNumber), country!, language), errors);
    }
}
