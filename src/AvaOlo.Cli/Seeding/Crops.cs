namespace AvaOlo.Cli.Seeding;

internal enum CropKind { Arable, Vegetable, Perennial, Grass }

/// <summary>A spraying product and its usual dose range; linked to the catalogue when the name is there.</summary>
internal sealed record Spray(string Product, decimal DoseMin, decimal DoseMax, string Unit);

/// <summary>
/// One crop of the demo catalogue. Demo data only: nothing in the product branches on these crops.
/// SowMonth after HarvestMonth means sown the autumn before the harvest year (winter crops); 0 = perennial.
/// </summary>
internal sealed record Crop(
    string Key, CropKind Kind, int SowMonth, int HarvestMonth, double YieldMin, double YieldMax, int PlantsPerHa,
    Spray? Spray, bool CertifiedSeed, string[] Varieties, IReadOnlyDictionary<string, string> Names,
    IReadOnlyDictionary<string, string[]>? VarietiesByCountry = null)
{
    public bool Winter => SowMonth > HarvestMonth;

    /// <summary>The crop's name in the farmer's language when we have it, else English (crop names are free text).</summary>
    public string NameIn(string? language) => language is not null && Names.TryGetValue(language, out var n) ? n : Names["en"];

    public string[] VarietiesFor(string country) =>
        VarietiesByCountry is not null && VarietiesByCountry.TryGetValue(country, out var v) ? v : Varieties;
}

internal static class Crops
{
    private static readonly Spray Prosaro = new("Prosaro 250 EC", 0.75m, 1.0m, "l/ha");
    private static readonly Spray Ridomil = new("Ridomil Gold MZ 68 WG", 2.0m, 2.5m, "kg/ha");
    private static readonly Spray Copper = new("Cuprablau Z 35 WG", 2.0m, 3.0m, "kg/ha");
    private static readonly Spray Mancozeb = new("Mancozeb 75 WP", 2.0m, 2.5m, "kg/ha");
    private static readonly Spray CopperOxy = new("Copper oxychloride 50 WP", 2.0m, 3.0m, "kg/ha");
    private static readonly Spray Lumax = new("Lumax 537.5 SE", 3.5m, 4.0m, "l/ha");
    private static readonly Spray Pulsar = new("Pulsar 40", 1.0m, 1.2m, "l/ha");

    public static readonly IReadOnlyDictionary<string, Crop> ByKey = new Crop[]
    {
        new("grain maize", CropKind.Arable, 4, 10, 7, 12, 0, Lumax, false, ["P9911", "DKC5068", "Bc 572", "LG 30.369"],
            N("sl:koruza za zrnje|hr:kukuruz za zrno|bg:царевица за зърно|hu:szemes kukorica|sr:кукуруз за зрно|de:Körnermais|it:mais da granella|en:grain maize|sw:mahindi|hi:मक्का|pa:ਮੱਕੀ|mr:मका|te:మొక్కజొన్న|ta:மக்காச்சோளம்|pt:milho|vi:ngô")),
        new("silage maize", CropKind.Arable, 4, 9, 40, 60, 0, Lumax, false, ["P0216", "DKC4795", "LG 31.272"],
            N("sl:silažna koruza|hr:silažni kukuruz|bg:царевица за силаж|hu:silókukorica|sr:силажни кукуруз|de:Silomais|it:mais da insilato|en:silage maize|pt:milho para silagem")),
        new("wheat", CropKind.Arable, 10, 7, 5, 8, 0, Prosaro, true, ["Kraljica", "Bc Opsesija", "Solehio", "Skyfall", "RGT Reform", "Renan"],
            N("sl:pšenica|hr:pšenica|bg:пшеница|hu:búza|sr:пшеница|de:Winterweizen|it:frumento tenero|en:winter wheat|hi:गेहूं|pa:ਕਣਕ|mr:गहू|pt:trigo")),
        new("triticale", CropKind.Arable, 10, 7, 4.5, 7, 0, Prosaro, true, ["Bogo", "Tulus", "Agostino"],
            N("sl:tritikala|hr:tritikale|bg:тритикале|hu:tritikálé|sr:тритикале|de:Triticale|it:triticale|en:triticale")),
        new("barley", CropKind.Arable, 10, 6, 4.5, 7, 0, Prosaro, true, ["KWS Meridian", "Sandra", "Laverda"],
            N("sl:ječmen|hr:ječam|bg:ечемик|hu:árpa|sr:јечам|de:Wintergerste|it:orzo|en:winter barley")),
        new("oilseed rape", CropKind.Arable, 8, 7, 3, 4.5, 0, Prosaro, false, ["DK Exception", "PT271"],
            N("sl:oljna ogrščica|hr:uljana repica|bg:рапица|hu:repce|sr:уљана репица|de:Winterraps|it:colza|en:oilseed rape")),
        new("sunflower", CropKind.Arable, 4, 9, 2.5, 3.8, 0, Pulsar, false, ["NK Neoma", "P64LE25"],
            N("sl:sončnice|hr:suncokret|bg:слънчоглед|hu:napraforgó|sr:сунцокрет|de:Sonnenblumen|it:girasole|en:sunflower")),
        new("soybean", CropKind.Arable, 5, 9, 2.5, 4, 0, Pulsar, true, ["ES Mentor", "Sigalia", "BRS 1010"],
            N("sl:soja|hr:soja|bg:соя|hu:szója|sr:соја|de:Sojabohnen|it:soia|en:soybean|pt:soja|vi:đậu tương|hi:सोयाबीन|mr:सोयाबीन")),
        new("oil pumpkin", CropKind.Arable, 5, 9, 0.6, 1.0, 0, null, false, ["Gleisdorfer Ölkürbis", "Beppo"],
            N("sl:oljne buče|hr:uljna tikva|hu:olajtök|de:Ölkürbis|en:oil pumpkin")),
        new("lucerne", CropKind.Grass, 4, 6, 8, 12, 0, null, false, ["Banat", "Vlasta", "Europe"],
            N("sl:lucerna|hr:lucerna|bg:люцерна|hu:lucerna|sr:луцерка|de:Luzerne|it:erba medica|en:lucerne")),
        new("grassland", CropKind.Grass, 0, 6, 5, 9, 0, null, false, [],
            N("sl:travinje|hr:livada|bg:ливада|hu:rét|sr:ливада|de:Grünland|it:prato stabile|en:grassland|sw:malisho|pt:pastagem")),
        new("wine grapes", CropKind.Perennial, 0, 9, 6, 10, 4000, Copper, false, ["Merlot", "Chardonnay"],
            N("sl:vinska trta|hr:vinova loza|bg:лозе|hu:szőlő|sr:винова лоза|de:Weinreben|it:vite|en:wine grapes|pt:uva|hi:अंगूर|mr:द्राक्षे"),
            new Dictionary<string, string[]>
            {
                ["SI"] = ["Merlot", "Rebula", "Laški rizling", "Refošk", "Sauvignon"], ["HR"] = ["Graševina", "Plavac mali", "Malvazija istarska", "Merlot"],
                ["BG"] = ["Мавруд", "Широка мелнишка", "Merlot"], ["HU"] = ["Furmint", "Kékfrankos", "Olaszrizling"], ["RS"] = ["Прокупац", "Тамјаника"],
                ["AT"] = ["Grüner Veltliner", "Zweigelt", "Blaufränkisch"], ["DE"] = ["Riesling", "Müller-Thurgau", "Spätburgunder"],
                ["IT"] = ["Sangiovese", "Nebbiolo", "Glera", "Nero d'Avola"], ["IN"] = ["Thompson Seedless", "Sharad Seedless"],
            }),
        new("apples", CropKind.Perennial, 0, 9, 25, 45, 3000, new("Delan 700 WDG", 0.5m, 0.7m, "kg/ha"), false, ["Idared", "Golden Delicious", "Gala", "Jonagold"],
            N("sl:jablane|hr:jabuka|bg:ябълки|hu:alma|sr:јабука|de:Äpfel|it:melo|en:apples")),
        new("olives", CropKind.Perennial, 0, 11, 3, 8, 300, Copper, false, ["Leccino", "Istarska bjelica", "Frantoio", "Coratina"],
            N("sl:oljke|hr:masline|bg:маслини|it:olivo|en:olives|pt:oliveira")),
        new("tomato", CropKind.Vegetable, 5, 8, 40, 90, 0, Ridomil, false, ["Rio Grande", "Belriccio", "Heinz 1350", "San Marzano"],
            N("sl:paradižnik|hr:rajčica|bg:домати|hu:paradicsom|sr:парадајз|de:Tomaten|it:pomodoro|en:tomato|sw:nyanya|hi:टमाटर|mr:टोमॅटो|te:టమాటా|ta:தக்காளி|pt:tomate|vi:cà chua")),
        new("potatoes", CropKind.Vegetable, 4, 8, 25, 40, 0, Ridomil, false, ["Agria", "Bellarosa", "Kennebec"],
            N("sl:krompir|hr:krumpir|bg:картофи|hu:burgonya|sr:кромпир|de:Kartoffeln|it:patate|en:potatoes|sw:viazi|hi:आलू|pt:batata")),
        new("onion", CropKind.Vegetable, 11, 4, 20, 30, 0, Mancozeb, false, ["Bhima Super", "N-53"],
            N("mr:कांदा|hi:प्याज|te:ఉల్లి|en:onion|pt:cebola")),
        new("chilli", CropKind.Vegetable, 8, 1, 2, 4, 0, Mancozeb, false, ["Teja", "Guntur Sannam"],
            N("te:మిరప|hi:मिर्च|ta:மிளகாய்|en:chilli")),
        new("beans", CropKind.Arable, 3, 6, 1, 2, 0, Mancozeb, true, ["Rosecoco", "Mwitemania", "Carioca"],
            N("sw:maharagwe|en:beans|pt:feijão")),
        new("rice", CropKind.Arable, 6, 10, 4, 7, 0, new("Tricyclazole 75 WP", 0.4m, 0.6m, "kg/ha"), true, ["Basmati 370", "IR64", "Pusa 1121", "OM 5451", "ST25"],
            N("hi:धान|pa:ਝੋਨਾ|mr:भात|te:వరి|ta:நெல்|vi:lúa|pt:arroz|en:rice|sw:mpunga|it:riso")),
        new("cotton", CropKind.Arable, 6, 11, 1.5, 2.5, 0, new("Imidacloprid 17.8 SL", 0.1m, 0.15m, "l/ha"), false, ["RCH 659", "FM 985"],
            N("hi:कपास|mr:कापूस|te:పత్తి|pt:algodão|en:cotton")),
        new("sugarcane", CropKind.Arable, 2, 12, 60, 100, 0, null, false, ["Co 86032", "RB867515"],
            N("hi:गन्ना|mr:ऊस|te:చెరకు|ta:கரும்பு|pt:cana-de-açúcar|vi:mía|en:sugarcane")),
        new("mango", CropKind.Perennial, 0, 6, 8, 15, 250, Mancozeb, false, ["Alphonso", "Kesar", "Tommy Atkins", "Keitt", "Haden", "Cát Hòa Lộc"],
            N("bg:манго|hi:आम|mr:आंबा|te:మామిడి|ta:மா|pt:manga|vi:xoài|sw:embe|en:mango")),
        new("coffee", CropKind.Perennial, 0, 11, 1, 2.5, 4000, CopperOxy, false, ["Robusta", "SL28", "Catuaí", "Mundo Novo", "Ruiru 11"],
            N("pt:café|vi:cà phê|sw:kahawa|hi:कॉफ़ी|en:coffee")),
        new("tea", CropKind.Perennial, 0, 5, 2, 4, 12000, null, false, ["TRFK 6/8", "Assam"],
            N("sw:chai|hi:चाय|ta:தேயிலை|vi:chè|en:tea")),
        new("avocado", CropKind.Perennial, 0, 3, 8, 12, 200, CopperOxy, false, ["Hass", "Fuerte"],
            N("sw:parachichi|pt:abacate|en:avocado")),
        new("black pepper", CropKind.Perennial, 0, 2, 2, 4, 1600, CopperOxy, false, ["Vĩnh Linh", "Panniyur 1"],
            N("vi:hồ tiêu|hi:काली मिर्च|en:black pepper")),
    }.ToDictionary(c => c.Key, StringComparer.Ordinal);

    private static Dictionary<string, string> N(string spec) =>
        spec.Split('|').Select(p => p.Split(':', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
