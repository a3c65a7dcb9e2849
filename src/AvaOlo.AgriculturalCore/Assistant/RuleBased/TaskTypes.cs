using System.Collections.Frozen;

namespace AvaOlo.AgriculturalCore.Assistant.RuleBased;

/// <summary>
/// Task types are free text, but the common ones are stored as English words (the seed data, integrations). The
/// offline answer names them in the reply language, so a Slovenian answer says "škropljenje", not "spraying"; any
/// other type is shown as the farmer wrote it.
/// </summary>
internal static class TaskTypes
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Names = new Dictionary<string, FrozenDictionary<string, string>>
    {
        ["sl"] = Map("setev", "škropljenje", "gnojenje", "spravilo pridelka", "namakanje", "trošenje gnoja", "vzorčenje tal", "obdelava tal"),
        ["hr"] = Map("sjetva", "prskanje", "gnojidba", "berba", "navodnjavanje", "rasipanje stajskog gnoja", "uzorkovanje tla", "obrada tla"),
        ["bg"] = Map("сеитба", "пръскане", "торене", "прибиране на реколтата", "напояване", "разпръскване на оборски тор", "вземане на почвени проби", "обработка на почвата"),
        ["hu"] = Map("vetés", "permetezés", "trágyázás", "betakarítás", "öntözés", "szervestrágya-szórás", "talajmintavétel", "talajművelés"),
        ["sr"] = Map("сетва", "прскање", "ђубрење", "берба", "наводњавање", "расипање стајњака", "узорковање земљишта", "обрада земљишта"),
        ["de"] = Map("Aussaat", "Pflanzenschutzbehandlung", "Düngung", "Ernte", "Bewässerung", "Mistausbringung", "Bodenprobenahme", "Bodenbearbeitung"),
        ["it"] = Map("semina", "trattamento fitosanitario", "concimazione", "raccolta", "irrigazione", "spandimento del letame", "campionamento del suolo", "lavorazione del terreno"),
    }.ToFrozenDictionary();

    /// <summary>The type in <paramref name="language"/> when it is one of the common ones, else as stored.</summary>
    public static string Name(string type, string language) =>
        Names.TryGetValue(language, out var names) && names.TryGetValue(type.Trim(), out var name) ? name : type;

    private static FrozenDictionary<string, string> Map(
        string sowing, string spraying, string fertilising, string harvest, string irrigation, string manure, string soilSampling, string tillage) =>
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["sowing"] = sowing, ["spraying"] = spraying, ["fertilising"] = fertilising, ["fertilizing"] = fertilising,
            ["harvest"] = harvest, ["irrigation"] = irrigation, ["manure spreading"] = manure, ["soil sampling"] = soilSampling,
            ["tillage"] = tillage,
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
}
