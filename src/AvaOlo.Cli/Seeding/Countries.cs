namespace AvaOlo.Cli.Seeding;

internal sealed record Town(string Name, double Lat, double Lon, string? Language = null);

/// <summary>A language minority inside a country (e.g. Hungarian speakers in Croatia): they keep their language.</summary>
internal sealed record Minority(string Language, NameBook Names, int Percent);

/// <summary>
/// How demo farmers look in one country. Field sizes are log-normal around <see cref="MedianHa"/> (Slovenian
/// plots are small, British and Brazilian ones larger), always within 0.02–15 ha. <see cref="VatPrefix"/> null =
/// no VAT number in the demo.
/// </summary>
internal sealed record CountryProfile(
    string Code, int Weight, string CountryName, string[] Languages, NameBook Names, string FarmNamePattern, Town[] Towns,
    (string Crop, int Weight)[] Crops, double MedianHa, string? VatPrefix = null, int VatDigits = 0, Minority? Minority = null);

internal static class Countries
{
    /// <summary>Weights are shares of generated farmers: Slovenia and Croatia first, then anywhere.</summary>
    public static readonly CountryProfile[] All =
    [
        new("SI", 30, "Slovenija", ["sl"], Names.Slovene, "Kmetija {0}",
            [new("Murska Sobota", 46.66, 16.17), new("Ptuj", 46.42, 15.87), new("Novo mesto", 45.80, 15.17), new("Kranj", 46.24, 14.36),
             new("Nova Gorica", 45.96, 13.65), new("Celje", 46.23, 15.26), new("Brežice", 45.90, 15.59)],
            [("grain maize", 18), ("silage maize", 14), ("wheat", 12), ("triticale", 6), ("barley", 8), ("lucerne", 5), ("grassland", 20),
             ("wine grapes", 8), ("apples", 3), ("tomato", 2), ("potatoes", 3), ("oil pumpkin", 3)], 0.5, "SI", 8,
            new("hu", Names.Hungarian, 3)),
        new("HR", 25, "Hrvatska", ["hr"], Names.Croatian, "OPG {0}",
            [new("Osijek", 45.55, 18.69), new("Vukovar", 45.35, 19.00), new("Bjelovar", 45.90, 16.84), new("Varaždin", 46.30, 16.34),
             new("Slavonski Brod", 45.16, 18.02), new("Zadar", 44.12, 15.23), new("Čakovec", 46.38, 16.43)],
            [("grain maize", 18), ("wheat", 16), ("barley", 8), ("soybean", 6), ("sunflower", 5), ("oilseed rape", 4), ("silage maize", 5),
             ("grassland", 10), ("wine grapes", 8), ("olives", 5), ("tomato", 2), ("potatoes", 2)], 0.8, "HR", 11,
            new("hu", Names.Hungarian, 8)),
        new("BG", 6, "България", ["bg"], Names.Bulgarian, "Стопанство {0}",
            [new("Пловдив", 42.14, 24.75), new("Пазарджик", 42.19, 24.33), new("Стара Загора", 42.43, 25.63), new("Добрич", 43.57, 27.83),
             new("Плевен", 43.42, 24.61), new("Русе", 43.85, 25.97)],
            [("wheat", 20), ("sunflower", 15), ("grain maize", 12), ("barley", 6), ("oilseed rape", 5), ("wine grapes", 8), ("tomato", 5),
             ("apples", 3), ("lucerne", 4), ("mango", 1)], 1.5, "BG", 9),
        new("HU", 6, "Magyarország", ["hu"], Names.Hungarian, "{0} Gazdaság",
            [new("Szeged", 46.25, 20.15), new("Kecskemét", 46.91, 19.69), new("Debrecen", 47.53, 21.63), new("Győr", 47.69, 17.63),
             new("Pécs", 46.07, 18.23), new("Nyíregyháza", 47.96, 21.72)],
            [("wheat", 18), ("grain maize", 18), ("sunflower", 10), ("oilseed rape", 6), ("barley", 6), ("wine grapes", 6), ("apples", 4),
             ("lucerne", 4), ("grassland", 5)], 2.5, "HU", 8),
        new("RS", 6, "Србија", ["sr"], Names.Serbian, "Газдинство {0}",
            [new("Нови Сад", 45.27, 19.83), new("Суботица", 46.10, 19.67), new("Зрењанин", 45.38, 20.39), new("Шабац", 44.75, 19.69),
             new("Крагујевац", 44.01, 20.91), new("Сомбор", 45.77, 19.11)],
            [("grain maize", 20), ("wheat", 16), ("sunflower", 8), ("soybean", 8), ("barley", 4), ("wine grapes", 4), ("apples", 4),
             ("grassland", 5)], 1.2, Minority: new("hu", Names.Hungarian, 10)),
        new("AT", 5, "Österreich", ["de"], Names.Austrian, "Hof {0}",
            [new("St. Pölten", 48.20, 15.62), new("Graz", 47.07, 15.44), new("Linz", 48.31, 14.29), new("Eisenstadt", 47.85, 16.52),
             new("Wels", 48.16, 14.03), new("Mistelbach", 48.57, 16.57)],
            [("grassland", 18), ("silage maize", 10), ("grain maize", 10), ("wheat", 10), ("barley", 8), ("oil pumpkin", 5), ("wine grapes", 6),
             ("apples", 3), ("soybean", 3)], 1.2, "ATU", 8),
        new("DE", 5, "Deutschland", ["de"], Names.German, "Hof {0}",
            [new("Magdeburg", 52.13, 11.62), new("Würzburg", 49.79, 9.95), new("Landshut", 48.54, 12.15), new("Hannover", 52.37, 9.74),
             new("Rostock", 54.09, 12.10), new("Erfurt", 50.98, 11.03)],
            [("wheat", 20), ("barley", 10), ("oilseed rape", 10), ("silage maize", 10), ("grain maize", 6), ("potatoes", 5), ("grassland", 10),
             ("wine grapes", 3)], 4.0, "DE", 9),
        new("IT", 5, "Italia", ["it"], Names.Italian, "Azienda Agricola {0}",
            [new("Verona", 45.44, 10.99), new("Modena", 44.65, 10.93), new("Foggia", 41.46, 15.54), new("Cuneo", 44.38, 7.54),
             new("Udine", 46.06, 13.24), new("Ragusa", 36.93, 14.73)],
            [("wine grapes", 15), ("olives", 12), ("wheat", 12), ("grain maize", 10), ("tomato", 8), ("apples", 5), ("lucerne", 4), ("rice", 2)],
            1.0, "IT", 11),
        new("GB", 4, "United Kingdom", ["en"], Names.English, "{0} Farm",
            [new("Norwich", 52.63, 1.30), new("Lincoln", 53.23, -0.54), new("Hereford", 52.06, -2.72), new("Shrewsbury", 52.71, -2.75),
             new("York", 53.96, -1.08), new("Exeter", 50.72, -3.53)],
            [("wheat", 20), ("barley", 12), ("oilseed rape", 8), ("grassland", 15), ("potatoes", 4), ("silage maize", 4)], 6.0, "GB", 9),
        new("KE", 2, "Kenya", ["sw", "en"], Names.Kenyan, "{0} Farm",
            [new("Nakuru", -0.30, 36.07), new("Eldoret", 0.51, 35.27), new("Kitale", 1.02, 35.00), new("Meru", 0.05, 37.65),
             new("Nyeri", -0.42, 36.95), new("Machakos", -1.52, 37.26)],
            [("grain maize", 15), ("beans", 8), ("tea", 6), ("coffee", 6), ("avocado", 4), ("mango", 4), ("tomato", 4), ("potatoes", 4)], 0.4),
        new("IN", 2, "India", ["hi"], Names.Indian, "{0} Farm",
            [new("Nashik", 20.00, 73.79, "mr"), new("Ludhiana", 30.90, 75.85, "pa"), new("Ratnagiri", 16.99, 73.30, "mr"),
             new("Guntur", 16.31, 80.44, "te"), new("Karnal", 29.69, 76.99, "hi"), new("Thanjavur", 10.79, 79.14, "ta")],
            [("rice", 15), ("wheat", 10), ("sugarcane", 6), ("cotton", 6), ("mango", 5), ("onion", 4), ("chilli", 3), ("tomato", 3),
             ("wine grapes", 2)], 0.5),
        new("BR", 2, "Brasil", ["pt"], Names.Brazilian, "Sítio {0}",
            [new("Ribeirão Preto", -21.18, -47.81), new("Londrina", -23.31, -51.16), new("Sorriso", -12.55, -55.71),
             new("Petrolina", -9.39, -40.50), new("Patos de Minas", -18.58, -46.52), new("Rio Verde", -17.79, -50.92)],
            [("soybean", 15), ("grain maize", 10), ("coffee", 8), ("sugarcane", 6), ("mango", 4), ("beans", 4), ("grassland", 5)], 6.0),
        new("VN", 2, "Việt Nam", ["vi"], Names.Vietnamese, "Trang trại {0}",
            [new("Cần Thơ", 10.03, 105.78), new("Buôn Ma Thuột", 12.67, 108.04), new("Cao Lãnh", 10.46, 105.63), new("Thái Bình", 20.45, 106.34),
             new("Mỹ Tho", 10.36, 106.36), new("Đà Lạt", 11.94, 108.44)],
            [("rice", 20), ("coffee", 8), ("black pepper", 4), ("mango", 5), ("tomato", 2), ("soybean", 2)], 0.3),
    ];
}
