using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.Farmers;

/// <summary>Create or replace a farmer. Country is derived from the phone number when not given.</summary>
public sealed record FarmerRequest(
    string? Name, string? FarmName, string? Phone, string? Email, string? Address, string? VatNumber,
    string? CountryCode, string? PreferredLanguage);

public sealed record FarmerResponse(
    int Id, string Name, string? FarmName, string Phone, string? Email, string? Address, string? VatNumber,
    string CountryCode, string? PreferredLanguage, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public static class FarmerMapping
{
    public static FarmerResponse ToResponse(this Farmer f) =>
        new(f.Id, f.Name, f.FarmName, f.Phone, f.Email, f.Address, f.VatNumber, f.CountryCode, f.PreferredLanguage, f.CreatedAt, f.UpdatedAt);
}
