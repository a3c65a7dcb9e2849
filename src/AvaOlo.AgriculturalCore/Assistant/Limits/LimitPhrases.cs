using System.Collections.Frozen;

namespace AvaOlo.AgriculturalCore.Assistant.Limits;

/// <summary>A limit's refusal in the farmer's language (English where we have no sentence), for the 429's detail.</summary>
public static class LimitPhrases
{
    private static readonly FrozenDictionary<string, string> Budget = new Dictionary<string, string>
    {
        ["en"] = "You have used today's share of the AI advisor. It is available again from midnight (UTC); your records can still be read in the app.",
        ["sl"] = "Današnji delež AI svetovalca je porabljen. Ponovno bo na voljo od polnoči (UTC); evidenco lahko še naprej pregledujete v aplikaciji.",
        ["hr"] = "Današnji udio AI savjetnika je potrošen. Ponovno će biti dostupan od ponoći (UTC); evidenciju i dalje možete pregledavati u aplikaciji.",
        ["bg"] = "Днешният ви дял от AI съветника е изчерпан. Той отново е на разположение от полунощ (UTC); записите си можете да виждате в приложението.",
        ["hu"] = "A mai AI-tanácsadói keretét felhasználta. Éjféltől (UTC) újra elérhető; a nyilvántartását továbbra is megnézheti az alkalmazásban.",
        ["sr"] = "Данашњи удео АИ саветника је потрошен. Поново ће бити доступан од поноћи (UTC); евиденцију и даље можете да прегледате у апликацији.",
        ["de"] = "Ihr heutiges Kontingent für den KI-Berater ist aufgebraucht. Ab Mitternacht (UTC) ist er wieder verfügbar; Ihre Aufzeichnungen sehen Sie weiterhin in der App.",
        ["it"] = "Hai esaurito la quota di oggi del consulente AI. Sarà di nuovo disponibile da mezzanotte (UTC); i tuoi registri restano consultabili nell'app.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static (string Text, string Language) BudgetUsedUp(string language) =>
        Budget.TryGetValue(language, out var text) ? (text, language) : (Budget["en"], "en");
}
