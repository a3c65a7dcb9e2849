using AvaOlo.AgriculturalCore.Assistant.RuleBased;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.RuleBased;

/// <summary>What a question asks about, for the rule-based answers, in the languages they are written in.</summary>
public sealed class IntentTests
{
    // question · the farmer's own crop names (comma-separated) · intents, most specific first (comma-separated, "" for none)
    [Theory]
    [InlineData("Koliko je karenca za Prosaro u pšenici?", "", "PreHarvestInterval")]
    [InlineData("What is the pre-harvest interval of Prosaro on wheat?", "", "PreHarvestInterval,Harvest")]
    [InlineData("Колко манго дървета имам?", "манго", "PlantCount")]
    [InlineData("How many mango trees do I have?", "mango", "PlantCount")]
    [InlineData("Koliko imam kukuruza?", "kukuruz", "PlantCount")]                // an own crop, counted
    [InlineData("How many hectares of maize?", "maize", "Fields")]               // an own crop, but hectares: an area question
    [InlineData("Smijem li žeti pšenicu na Moti?", "pšenica", "Harvest")]
    [InlineData("When should I harvest my wheat?", "wheat", "Harvest")]
    [InlineData("Kdaj bo spravilo paradižnika?", "paradižnik", "Harvest")]
    [InlineData("Какви задачи имам?", "", "Tasks")]
    [InlineData("Mikor kell permetezni?", "", "Tasks")]
    [InlineData("Kaj imam posajeno v tej sezoni?", "", "Crops")]
    [InlineData("fields hectares?", "", "Fields")]
    [InlineData("Wie viele Felder habe ich?", "", "Fields")]
    [InlineData("Which fields do I have?", "", "Fields")]
    [InlineData("Harvest the fields I sprayed?", "", "Harvest,Tasks,Fields")]     // several: the most specific first
    [InlineData("Kdaj je potrebno pošpricati paradižnik proti plesni?", "paradižnik", "")] // no stem matches "pošpricati": an advice question
    [InlineData("Hello", "", "")]
    public void Detects_the_intents_of_a_question(string question, string ownCrops, string expected)
    {
        var crops = ownCrops.Split(',', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), Intents.Detect(question, crops).Select(i => i.ToString()));
    }

    [Theory]
    [InlineData("Kdaj je potrebno pošpricati paradižnik proti plesni?", true)]
    [InlineData("Mikor kell permetezni?", true)]
    [InlineData("Кога да бера манго?", true)]
    [InlineData("When should I harvest my wheat?", true)]
    [InlineData("Koliko polja imam?", false)]
    [InlineData("Какви задачи имам?", false)]
    public void Tells_advice_questions_from_record_questions(string question, bool advice) =>
        Assert.Equal(advice, Intents.AsksForAdvice(question));

    [Theory]
    [InlineData("Koliko je karenca za Prosaro u pšenici?", true)]
    [InlineData("Какъв е карантинният срок за Prosaro?", true)]
    [InlineData("Wie lange ist die Wartezeit?", true)]
    [InlineData("Koliko polja imam?", false)]
    public void Finds_pre_harvest_interval_questions(string question, bool phi) =>
        Assert.Equal(phi, Intents.AsksForPreHarvestInterval(question));
}
