namespace AvaOlo.AgriculturalCore.Auth;

public static class HttpContextCallerExtensions
{
    private static readonly object Key = new();

    /// <summary>The authenticated caller: the one the API-key handler attached, else parsed once per request.</summary>
    public static Caller Caller(this HttpContext http)
    {
        if (http.User is CallerPrincipal signedIn) return signedIn.Caller;
        if (http.Items.TryGetValue(Key, out var cached) && cached is Caller c) return c;
        var caller = Auth.Caller.From(http.User);
        http.Items[Key] = caller;
        return caller;
    }
}
