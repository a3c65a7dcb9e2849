namespace AvaOlo.Data.Entities;

/// <summary>Catalogue of inputs: pesticides, fertilisers, seed.</summary>
public sealed class Material
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>pesticide, fungicide, herbicide, insecticide, fertiliser, seed, other.</summary>
    public required string Kind { get; set; }
    public string? Manufacturer { get; set; }
    /// <summary>Unit the product is dosed in, e.g. "l/ha".</summary>
    public required string Unit { get; set; }
    public List<ActiveIngredient> ActiveIngredients { get; set; } = [];
    public List<MaterialRule> Rules { get; set; } = [];
}

public sealed class ActiveIngredient
{
    public required string Name { get; set; }
    public decimal? Concentration { get; set; }
    public string? ConcentrationUnit { get; set; }
}

/// <summary>What a product may do in one country on one crop: pre-harvest interval, applications, dose.</summary>
public sealed class MaterialRule
{
    public int Id { get; set; }
    public int MaterialId { get; set; }
    public required string CountryCode { get; set; }
    /// <summary>Crop name in English, lower case (e.g. "wheat"); matching other languages is the assistant's job.</summary>
    public required string Crop { get; set; }
    public int? PreHarvestIntervalDays { get; set; }
    public int? MaxApplicationsPerSeason { get; set; }
    public decimal? DoseMin { get; set; }
    public decimal? DoseMax { get; set; }
    public string? DoseUnit { get; set; }
    public string? Notes { get; set; }
    public Material? Material { get; set; }
}

/// <summary>A word stem naming a rule crop in some language (e.g. "pšenic" → wheat), from <see cref="CropVocabulary"/>.</summary>
public sealed class CropName
{
    public int Id { get; set; }
    public required string Crop { get; set; }
    public required string Stem { get; set; }
}
