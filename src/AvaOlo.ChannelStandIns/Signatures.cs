using System.Security.Cryptography;
using System.Text;

namespace AvaOlo.ChannelStandIns;

/// <summary>
/// The providers' signatures, written from their documentation (not from our service's code): Meta's
/// X-Hub-Signature-256 and Twilio's X-Twilio-Signature.
/// </summary>
public static class Signatures
{
    /// <summary>"sha256=" + lower-case hex HMAC-SHA256 of the raw body with the app secret.</summary>
    public static string Meta(string appSecret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    /// <summary>Base64 HMAC-SHA1 of the full URL followed by each POST parameter's name and value, sorted by name.</summary>
    public static string Twilio(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(kv => kv.Key, StringComparer.Ordinal)) data.Append(name).Append(value);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }
}
