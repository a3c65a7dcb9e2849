using System.Globalization;
using PhoneNumbers;

namespace AvaOlo.Cli.Seeding;

/// <summary>
/// Unique mobile numbers that libphonenumber calls valid: the library's example mobile number for the region
/// with its last digits varied by the seeded random source.
/// </summary>
internal sealed class PhoneFactory(Random random)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PhoneNumber> _examples = new(StringComparer.Ordinal);

    /// <summary>Keeps a number (e.g. a fixed test farmer's) out of the generated ones.</summary>
    public void Reserve(string e164) => _used.Add(e164);

    public string Next(string region)
    {
        if (!_examples.TryGetValue(region, out var example))
        {
            example = Util.GetExampleNumberForType(region, PhoneNumberType.MOBILE)
                ?? throw new InvalidOperationException($"libphonenumber has no example mobile number for {region}");
            _examples[region] = example;
        }
        var national = example.NationalNumber.ToString(CultureInfo.InvariantCulture);
        var vary = Math.Min(6, national.Length - 3); // keep the operator prefix
        var limit = (int)Math.Pow(10, vary);
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var tail = random.Next(limit).ToString("D" + vary.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            var number = Util.Parse($"+{example.CountryCode}{national[..^vary]}{tail}", null);
            if (!Util.IsValidNumber(number) || Util.GetRegionCodeForNumber(number) != region) continue;
            var e164 = Util.Format(number, PhoneNumberFormat.E164);
            if (_used.Add(e164)) return e164;
        }
        throw new InvalidOperationException($"no free valid mobile number left for {region}");
    }
}
