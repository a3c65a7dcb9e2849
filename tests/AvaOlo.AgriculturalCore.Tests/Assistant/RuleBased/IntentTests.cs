using AvaOlo.AgriculturalCore.Assistant.RuleBased;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.RuleBased;

/// <summary>The stem signals beside the classifier: advice questions and pre-harvest intervals named outright.</summary>
public sealed class IntentTests
{
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
