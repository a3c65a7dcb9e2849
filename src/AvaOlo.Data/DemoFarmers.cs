namespace AvaOlo.Data;

/// <summary>
/// Phone numbers of PRODUCT.md's test farmers, which `avaolo seed` always creates. The self-test endpoints and
/// the demo find them by these numbers (libphonenumber calls each valid for its country).
/// </summary>
public static class DemoFarmers
{
    public const string BulgarianMangoPhone = "+359881234567";
    public const string SlovenianTomatoPhone = "+38641234567";
    public const string HungarianInCroatiaPhone = "+385912345678";
    public const string CroatianWheatPhone = "+385981234567";
    public const string EnglishWheatPhone = "+447400123456";
    public const string GermanPhone = "+4915112345678";
}
