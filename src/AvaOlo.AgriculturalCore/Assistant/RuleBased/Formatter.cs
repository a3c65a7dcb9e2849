using System.Globalization;
using AvaOlo.AgriculturalCore.Assistant.Catalogue;
using AvaOlo.AgriculturalCore.Assistant.FarmFacts;
using AvaOlo.AgriculturalCore.Assistant.Languages;

namespace AvaOlo.AgriculturalCore.Assistant.RuleBased;

/// <summary>Fills a phrasebook's placeholders with numbers and dates in the reply language's own format.</summary>
internal sealed class Formatter(Phrasebook book, string language)
{
    private readonly CultureInfo _culture = ReplyCulture.For(language);

    public Phrasebook Book => book;

    public string Language => language;

    public string Area(decimal ha) => ha.ToString("0.####", _culture);

    public string Date(DateOnly date) => date.ToString("d", _culture);

    public string Fill(string template, PlantingFact p) => template
        .Replace("{crop}", p.Crop, StringComparison.Ordinal).Field(p.FieldName)
        .Replace("{area}", Area(p.AreaHa), StringComparison.Ordinal)
        .Replace("{count}", p.PlantCount?.ToString("N0", _culture) ?? "", StringComparison.Ordinal);

    public string Task(TaskFact t, DateOnly? date) => book.TaskItem
        .Replace("{type}", TaskTypes.Name(t.Type, language), StringComparison.Ordinal).Replace("{fields}", string.Join(", ", t.Fields), StringComparison.Ordinal)
        .Replace("{date}", date is { } d ? Date(d) : "", StringComparison.Ordinal).Trim()
        + (t.Materials.Count > 0 ? ": " + string.Join(", ", t.Materials) : "");

    public string Phi(RuleFact r) => book.Phi
        .Replace("{product}", r.Product, StringComparison.Ordinal).Replace("{crop}", CropDisplay.Name(r.Crop, language), StringComparison.Ordinal)
        .Replace("{country}", r.Country, StringComparison.Ordinal)
        .Replace("{days}", r.PreHarvestIntervalDays!.Value.ToString(_culture), StringComparison.Ordinal);

    public string Limits(RuleFact r) => r.MaxApplications is null || r.DoseMin is null ? "" : book.PhiLimits
        .Replace("{max2}", (r.DoseMax ?? r.DoseMin.Value).ToString("0.###", _culture), StringComparison.Ordinal)
        .Replace("{max}", r.MaxApplications.Value.ToString(_culture), StringComparison.Ordinal)
        .Replace("{min}", r.DoseMin.Value.ToString("0.###", _culture), StringComparison.Ordinal)
        .Replace("{unit}", r.DoseUnit ?? "", StringComparison.Ordinal);

    public string Harvest(HarvestSafety s)
    {
        var crop = s.Crop is null ? "" : $" ({s.Crop})";
        if (s.LastSprayedOn is null)
            return book.HarvestNoSpray.Field(s.FieldName).Replace("{crop}", crop, StringComparison.Ordinal);
        return book.Harvest
            .Field(s.FieldName).Replace("{crop}", crop, StringComparison.Ordinal)
            .Replace("{product}", s.Product, StringComparison.Ordinal).Replace("{date}", Date(s.LastSprayedOn.Value), StringComparison.Ordinal)
            .Replace("{days}", s.PreHarvestIntervalDays!.Value.ToString(_culture), StringComparison.Ordinal)
            .Replace("{safe}", Date(s.SafeFrom!.Value), StringComparison.Ordinal)
            + (s.Safe ? book.HarvestPassed : book.HarvestNotYet);
    }
}
