namespace AvaOlo.Cli.Seeding;

/// <summary>Typical names of one language community. Demo data only.</summary>
internal sealed record NameBook(string[] Male, string[] Female, string[] Last, string FemaleSuffix = "", bool FamilyFirst = false)
{
    /// <summary>A full name in the community's order, and the family name (for farm names and e-mail addresses).</summary>
    public (string Full, string First, string Family) Compose(Random random)
    {
        var female = random.Next(3) == 0; // most registered farm holders are men; not all
        var first = Pick(random, female ? Female : Male);
        var last = Pick(random, Last) + (female ? FemaleSuffix : "");
        return (FamilyFirst ? $"{last} {first}" : $"{first} {last}", first, last);
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}

internal static class Names
{
    public static readonly NameBook Slovene = new(
        ["Janez", "Marko", "Franc", "Anton", "Jožef", "Andrej", "Matej", "Stanko", "Gregor", "Boštjan"],
        ["Marija", "Ana", "Mojca", "Katarina", "Nina", "Irena", "Tanja", "Petra"],
        ["Novak", "Horvat", "Kovačič", "Krajnc", "Zupančič", "Potočnik", "Kovač", "Mlakar", "Vidmar", "Kos", "Golob", "Turk", "Zupan", "Bizjak"]);

    public static readonly NameBook Croatian = new(
        ["Ivan", "Josip", "Marko", "Stjepan", "Tomislav", "Luka", "Mato", "Franjo", "Damir", "Zvonko"],
        ["Ana", "Marija", "Ivana", "Kata", "Ljubica", "Snježana", "Vesna", "Dragica"],
        ["Horvat", "Kovačević", "Babić", "Marić", "Jurić", "Novak", "Knežević", "Vuković", "Blažević", "Pavić", "Grgić", "Matić", "Tomić"]);

    public static readonly NameBook Hungarian = new(
        ["István", "László", "József", "János", "Zoltán", "Ferenc", "Sándor", "Attila", "Gábor"],
        ["Mária", "Erzsébet", "Katalin", "Éva", "Ilona", "Zsuzsanna", "Anikó"],
        ["Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Molnár", "Németh", "Farkas", "Balogh"], FamilyFirst: true);

    public static readonly NameBook Bulgarian = new(
        ["Георги", "Иван", "Димитър", "Николай", "Стоян", "Петър", "Христо", "Тодор", "Атанас"],
        ["Мария", "Елена", "Йорданка", "Иванка", "Румяна", "Десислава", "Милена"],
        ["Петров", "Иванов", "Георгиев", "Димитров", "Стоянов", "Николов", "Христов", "Тодоров", "Атанасов", "Колев"], FemaleSuffix: "а");

    public static readonly NameBook Serbian = new(
        ["Милан", "Драган", "Зоран", "Никола", "Горан", "Милош", "Дејан", "Слободан"],
        ["Јована", "Милица", "Снежана", "Драгана", "Весна", "Гордана"],
        ["Јовановић", "Петровић", "Николић", "Марковић", "Ђорђевић", "Стојановић", "Илић", "Станковић", "Павловић"]);

    public static readonly NameBook Austrian = new(
        ["Johann", "Josef", "Franz", "Leopold", "Stefan", "Karl", "Markus", "Florian"],
        ["Maria", "Anna", "Theresia", "Elisabeth", "Barbara", "Christina"],
        ["Gruber", "Huber", "Bauer", "Wagner", "Pichler", "Steiner", "Moser", "Mayer", "Hofer", "Leitner"]);

    public static readonly NameBook German = new(
        ["Hans", "Klaus", "Jürgen", "Stefan", "Thomas", "Michael", "Andreas", "Matthias", "Uwe"],
        ["Anna", "Sabine", "Petra", "Ursula", "Monika", "Katrin", "Heike"],
        ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schulz", "Krüger"]);

    public static readonly NameBook Italian = new(
        ["Giuseppe", "Giovanni", "Antonio", "Francesco", "Luca", "Marco", "Salvatore", "Paolo"],
        ["Maria", "Anna", "Giulia", "Rosa", "Francesca", "Lucia", "Carla"],
        ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno"]);

    public static readonly NameBook English = new(
        ["John", "David", "James", "Robert", "William", "Thomas", "Richard", "Andrew", "Peter"],
        ["Sarah", "Emma", "Helen", "Margaret", "Elizabeth", "Rachel", "Claire"],
        ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Davies", "Roberts", "Hughes", "Walker"]);

    public static readonly NameBook Kenyan = new(
        ["John", "Peter", "Joseph", "Samuel", "David", "Daniel", "Kipchoge", "Otieno"],
        ["Grace", "Mary", "Faith", "Jane", "Esther", "Wanjiru", "Akinyi"],
        ["Kamau", "Mwangi", "Kiprop", "Njoroge", "Ochieng", "Wambua", "Kiptoo", "Mutua", "Chebet", "Omondi"]);

    public static readonly NameBook Indian = new(
        ["Rajesh", "Suresh", "Ramesh", "Anil", "Vijay", "Mahesh", "Gurpreet", "Venkatesh", "Murugan"],
        ["Sunita", "Lakshmi", "Priya", "Savita", "Kavita", "Harpreet", "Meena"],
        ["Patil", "Sharma", "Singh", "Reddy", "Yadav", "Kumar", "Deshmukh", "Naidu", "Pawar", "Gill", "Pillai"]);

    public static readonly NameBook Brazilian = new(
        ["João", "José", "Antônio", "Francisco", "Paulo", "Carlos", "Luiz", "Marcos"],
        ["Maria", "Ana", "Francisca", "Luiza", "Juliana", "Adriana", "Márcia"],
        ["Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa"]);

    public static readonly NameBook Vietnamese = new(
        ["Văn An", "Văn Bình", "Minh Tuấn", "Đức Thắng", "Văn Hùng", "Quốc Bảo", "Văn Phúc"],
        ["Thị Lan", "Thị Hoa", "Thị Mai", "Thị Hương", "Thị Thu", "Ngọc Anh"],
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi"], FamilyFirst: true);

    /// <summary>Field names farmers actually use, by language; the generator falls back to English.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> FieldNames = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["sl"] = ["Njiva za hišo", "Dolga njiva", "Pri potoku", "Gorica", "Travnik pod gozdom", "Velika njiva", "Za vasjo", "Ledina", "Breg", "Polje pri cesti"],
        ["hr"] = ["Velika njiva", "Kod kuće", "Uz cestu", "Pašnjak", "Dolina", "Gornje polje", "Donje polje", "Staro selo", "Ravnica", "Kod bunara"],
        ["hu"] = ["Nagy tábla", "Kis tábla", "Dűlő", "Patak melletti", "Felső föld", "Alsó föld", "Kert alatti", "Hosszú föld"],
        ["bg"] = ["Горната нива", "Край реката", "Долната нива", "Голямата нива", "До пътя", "Градината", "Баира"],
        ["sr"] = ["Велика њива", "Код куће", "Поред пута", "Доња њива", "Горња њива", "Салаш", "Бара"],
        ["de"] = ["Am Bach", "Hausacker", "Große Breite", "Langer Acker", "Kirchfeld", "Am Wald", "Sonnenhang", "Mühlfeld"],
        ["it"] = ["Campo grande", "Campo del fiume", "Campo nord", "Podere vecchio", "Pianura", "Collina", "Fondo"],
        ["en"] = ["Top Field", "Long Meadow", "Church Field", "Home Paddock", "Bottom Field", "Ten Acre", "River Field", "Far Ground"],
        ["sw"] = ["Shamba la juu", "Shamba la mto", "Shamba kubwa", "Shamba la nyumbani", "Bonde"],
        ["hi"] = ["बड़ा खेत", "नदी वाला खेत", "पूर्वी खेत", "घर वाला खेत"],
        ["pa"] = ["ਵੱਡਾ ਖੇਤ", "ਨਹਿਰ ਵਾਲਾ ਖੇਤ", "ਘਰ ਵਾਲਾ ਖੇਤ"],
        ["mr"] = ["मोठे शेत", "नदीकाठचे शेत", "घराजवळचे शेत", "वरचे शेत"],
        ["te"] = ["పెద్ద పొలం", "కాలువ పొలం", "ఇంటి పొలం"],
        ["ta"] = ["பெரிய வயல்", "ஆற்றங்கரை வயல்", "வீட்டு வயல்"],
        ["pt"] = ["Talhão do Rio", "Roça Grande", "Talhão Norte", "Baixada", "Talhão da Sede", "Chapada"],
        ["vi"] = ["Ruộng lớn", "Ruộng gần sông", "Vườn sau nhà", "Ruộng đầu làng", "Đồi trên"],
    };
}
