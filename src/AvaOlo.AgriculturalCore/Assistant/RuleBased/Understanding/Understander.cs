using AvaOlo.AgriculturalCore.Assistant.FarmFacts;
using AvaOlo.AgriculturalCore.Assistant.Matching;

namespace AvaOlo.AgriculturalCore.Assistant.RuleBased.Understanding;

/// <summary>What a question asks, as the offline assistant can answer it.</summary>
public enum Ask
{
    FieldCount, FieldArea, LargestField, TotalArea, Tasks, PreHarvestInterval, CropOnField, Crops, PlantCount, Harvest,
    Sprayed, InputUsage, Products, Advice,
}

/// <param name="Field">The farmer's field the question names, if any.</param>
public sealed record Understood(Ask Ask, FieldFact? Field);

/// <summary>
/// The question's intent from the trained <see cref="IntentModel"/>, in whatever language it is asked (the reply
/// language is chosen elsewhere), and the farmer's field it names. Two rules sit on top, both about what the records
/// can give: a question naming a pre-harvest interval in any of its words ("karenca", "Wartezeit") is one, and a
/// question about one field that names none of the farmer's fields gets the whole list instead.
/// </summary>
public static class Understander
{
    public static Understood Understand(string question, IReadOnlyList<FieldFact> fields) => Understand(Trained.Model, question, fields);

    public static Understood Understand(IntentModel model, string question, IReadOnlyList<FieldFact> fields)
    {
        if (Intents.AsksForPreHarvestInterval(question)) return new(Ask.PreHarvestInterval, null);
        var (label, _) = model.Predict(question);
        var ask = Parse(label);
        var field = Mentions.Find(TextMatch.LatinWords(question), fields, f => f.Name).FirstOrDefault();
        return ask switch
        {
            Ask.FieldArea when field is null => new(Ask.FieldCount, null),
            Ask.CropOnField when field is null => new(Ask.Crops, null),
            _ => new(ask, field),
        };
    }

    private static Ask Parse(string label) => label switch
    {
        "field_count" => Ask.FieldCount, "field_area" => Ask.FieldArea, "largest_field" => Ask.LargestField,
        "total_area" => Ask.TotalArea, "tasks" => Ask.Tasks, "phi" => Ask.PreHarvestInterval, "crop_on_field" => Ask.CropOnField,
        "crops" => Ask.Crops, "plant_count" => Ask.PlantCount, "harvest" => Ask.Harvest, "sprayed" => Ask.Sprayed,
        "input_usage" => Ask.InputUsage, "products" => Ask.Products, _ => Ask.Advice,
    };
}
