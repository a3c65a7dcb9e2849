using AvaOlo.ServiceDefaults.Telemetry;

namespace AvaOlo.ServiceDefaults.Tests;

public sealed class ScrapeTokenTests
{
    [Theory]
    [InlineData("Bearer s3cret-token", true)]
    [InlineData("bearer s3cret-token", true)]     // the scheme is case-insensitive (RFC 9110 §11.1)
    [InlineData("BEARER   s3cret-token ", true)]
    [InlineData("Bearer s3cret-toke", false)]     // a prefix of the token
    [InlineData("Bearer s3cret-tokenX", false)]   // the token and more
    [InlineData("Bearer S3CRET-TOKEN", false)]    // the token itself is case-sensitive
    [InlineData("Bearer ", false)]
    [InlineData("Basic czNjcmV0LXRva2Vu", false)]
    [InlineData("s3cret-token", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Accepts_only_the_token_as_a_bearer_credential(string? authorization, bool accepted) =>
        Assert.Equal(accepted, new ScrapeToken("s3cret-token").Accepts(authorization));
}
