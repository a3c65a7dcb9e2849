using AvaOlo.AgriculturalCore.Assistant.Privacy;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.Privacy;

public sealed class PersonalDataTests
{
    [Theory]
    // Phone numbers as farmers write them: local for their country, international, with separators.
    [InlineData("Ivan Horvat 091 234 5678", "HR", "Ivan Horvat [phone]")]
    [InlineData("pokliči +386 41 234 567 zvečer", "SI", "pokliči [phone] zvečer")]
    [InlineData("call 00385 91 234 5678", "GB", "call [phone]")]
    [InlineData("tel. 041/234-567", "SI", "tel. [phone]")]
    [InlineData("+44 7700 900123 is the owner", null, "[phone] is the owner")]
    // E-mail, VAT and IBAN.
    [InlineData("ana.novak@example.si je lastnica", "SI", "[e-mail] je lastnica")]
    [InlineData("OIB HR12345678901, farma", "HR", "OIB [VAT number], farma")]
    [InlineData("VAT: SI 12345678", "SI", "VAT: [VAT number]")]
    [InlineData("ATU12345678 GmbH", "AT", "[VAT number] GmbH")]
    [InlineData("IBAN HR12 1001 0051 8630 0016 0 za uplatu", "HR", "IBAN [IBAN] za uplatu")]
    [InlineData("DE89370400440532013000", "DE", "[IBAN]")]
    public void Redacts_contact_data(string text, string? region, string expected) =>
        Assert.Equal(expected, PersonalData.Redact(text, region));

    [Theory]
    // Farm data that only looks like numbers stays: dates, areas, doses, fertiliser grades, plant counts, ids.
    [InlineData("Sprayed on 2026-05-01 with Prosaro 250 EC, 0.75 l/ha on 3.5 ha.", "HR")]
    [InlineData("NPK 15-15-15 400 kg/ha na Velika njiva", "HR")]
    [InlineData("Število rastlin: 12 000, polje 0,02 ha, 3. 6. 2026", "SI")]
    [InlineData("task 123456 on field 42, season 2026", "SI")]
    [InlineData("Karenca za Prosaro u pšenici iznosi 42 dana.", "HR")]
    [InlineData("HR fields: 2 (DE 3)", "HR")]
    public void Leaves_farm_data_alone(string text, string? region) =>
        Assert.Empty(PersonalData.Find(text, region));

    [Fact]
    public void An_iban_with_a_wrong_check_digit_is_not_an_iban() =>
        Assert.DoesNotContain(PersonalData.Find("IBAN HR12 1001 0051 8630 0016 1", "HR"), m => m.Kind == PersonalDataKind.Iban);

    [Fact]
    public void Finds_names_through_the_given_finder_and_merges_overlaps()
    {
        var names = new FixedNames(("Ivan Horvat", 0));
        var matches = PersonalData.Find("Ivan Horvat 091 234 5678", "HR", names);
        Assert.Equal([PersonalDataKind.Name, PersonalDataKind.Phone], matches.Select(m => m.Kind));
        Assert.Equal("[name] [phone]", PersonalData.Redact("Ivan Horvat 091 234 5678", matches));
    }

    private sealed class FixedNames(params (string Name, int Start)[] names) : INameFinder
    {
        public IEnumerable<(int Start, int Length)> FindNames(string text) => names.Select(n => (n.Start, n.Name.Length));
    }
}
