namespace AvaOlo.AgriculturalCore.Assistant.Catalogue;

public sealed record MaterialFact(int Id, string Name, string Unit);

public sealed record RuleFact(string Product, string Crop, string Country, int? PreHarvestIntervalDays, int? MaxApplications,
    decimal? DoseMin, decimal? DoseMax, string? DoseUnit);
