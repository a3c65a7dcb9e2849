namespace AvaOlo.Data.Entities;

/// <summary>A farmer: identity and contact data here never leave our process for an external model.</summary>
public sealed class Farmer : IAuditable
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? FarmName { get; set; }
    /// <summary>E.164, e.g. +38640123456. Unique among farmers that are not deleted.</summary>
    public required string Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? VatNumber { get; set; }
    /// <summary>ISO 3166-1 alpha-2, derived from the phone number when not given.</summary>
    public required string CountryCode { get; set; }
    /// <summary>ISO 639-1; null means "use the language of the question, then the country's".</summary>
    public string? PreferredLanguage { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    /// <summary>Bumped in the same transaction as any change to this farmer's records; keys cached answers.</summary>
    public long RecordsVersion { get; set; }

    public List<Field> Fields { get; set; } = [];

    int? IAuditable.OwnerFarmerId => Id;
}
