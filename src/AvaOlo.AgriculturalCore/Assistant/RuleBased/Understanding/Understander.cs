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
/// can give: a question naming a pre-harvest interval in any of its words ("karenca", "Wartezeit") is one when it names
/// a product, and for a farmer the harvest safety when it does not ("is the karenca over?"); and a question about one
/// field that names none of the farmer's fields gets the whole list instead.
/// </summary>
public static class Understander
{
    /// <param name="products">Catalogue product names as <see cref="TextMatch.LatinWords"/>.</param>
    public static Understood Understand(string question, IReadOnlyList<FieldFact> fields, IEnumerable<string[]> products) =>
        Understand(Trained.Model, question, fields, products);

    /// <summary>
    /// The classifier reads the question with the field and product it names replaced by tokens, as in its training
    /// ("how big is {field}"): that a field is named is what tells "how many hectares has Mota" from "how many hectares
    /// have I", and the name's own letters ("Nagy" is "big") must not count as words.
    /// </summary>
    public static Understood Understand(IntentModel model, string question, IReadOnlyList<FieldFact> fields, IEnumerable<string[]> products)
    {
        var words = TextMatch.LatinWords(question);
        var named = fields.Select(f => (Field: f, Words: TextMatch.LatinWords(f.Name))).ToList();
        var (field, fieldWords) = Mentions.Find(words, named, f => f.Words).FirstOrDefault();
        // "Is the karenca over, can I pick?" names no product: the farmer's own sprayings say when each field is safe.
        if (Intents.AsksForPreHarvestInterval(question))
            return NamesProduct(words, products) || fields.Count == 0 ? new(Ask.PreHarvestInterval, null) : new(Ask.Harvest, field);
        if (field is not null) words = Mentions.Mask(words, fieldWords, Mentions.FieldToken);
        foreach (var product in Mentions.Find(words, FirstWords(products), p => p).Take(2))
            words = Mentions.Mask(words, product, Mentions.ProductToken);
        // A plant count needs plants named ("how many trees"): "how many … have I" alone asks about fields. Read after
        // masking, so a field called "Rastlinjak" (greenhouse, from "rastlina", plant) is not a plant.
        if (Intents.CountsPlants(words)) return new(Ask.PlantCount, field);
        var ranked = model.Predict(words);
        var ask = Parse(ranked[0] == "plant_count" && !Intents.NamesPlants(words) ? ranked[1] : ranked[0]);
        // A question about one field that names none outright: a field name's generic word ("на Нађ табли" for "Nagy
        // tábla") will do when exactly one field has it.
        if (field is null && ask is Ask.FieldArea or Ask.CropOnField or Ask.Harvest or Ask.Sprayed
            && Mentions.FindLoosely(words, named, f => f.Words) is [var only]) field = only.Field;
        return ask switch
        {
            Ask.FieldArea when field is null => new(Ask.FieldCount, null),
            Ask.CropOnField when field is null => new(Ask.Crops, null),
            _ => new(ask, field),
        };
    }

    /// <summary>Does the question (<see cref="TextMatch.LatinWords"/>) name a catalogue product?</summary>
    public static bool NamesProduct(string[] words, IEnumerable<string[]> products) => Mentions.Find(words, FirstWords(products), p => p).Count > 0;

    // A product is named by its first word, as the catalogue matches it ("Prosaro"; "KAN" is too short to tell from "kann").
    private static IEnumerable<string[]> FirstWords(IEnumerable<string[]> products) => products.Where(p => p is [{ Length: >= 4 }, ..]).Select(p => p[..1]);

    private static Ask Parse(string label) => label switch
    {
        "field_count" => Ask.FieldCount, "field_area" => Ask.FieldArea, "largest_field" => Ask.LargestField,
        "total_area" => Ask.TotalArea, "tasks" => Ask.Tasks, "phi" => Ask.PreHarvestInterval, "crop_on_field" => Ask.CropOnField,
        "crops" => Ask.Crops, "plant_count" => Ask.PlantCount, "harvest" => Ask.Harvest, "sprayed" => Ask.Sprayed,
        "input_usage" => Ask.InputUsage, "products" => Ask.Products, _ => Ask.Advice,
    };
}
