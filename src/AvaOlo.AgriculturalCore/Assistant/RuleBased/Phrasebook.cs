namespace AvaOlo.AgriculturalCore.Assistant.RuleBased;

/// <summary>
/// The offline assistant's sentences in one language. Counts are phrased as "number of X: n" so no language
/// needs plural rules. Placeholders are named in the comments of <see cref="Phrasebooks.En"/>.
/// </summary>
public sealed record Phrasebook(
    string Fields, string NoFields, string Crops, string CropItem, string PlantCount, string NoPlantCount,
    string Phi, string PhiLimits, string PhiUnknown, string WhichProduct,
    string Harvest, string HarvestPassed, string HarvestNotYet, string HarvestNoSpray, string ExpectedHarvest,
    string Planned, string Done, string NoTasks, string TaskItem, string NoRecords, string NeedsAdvisor, string Ha);
