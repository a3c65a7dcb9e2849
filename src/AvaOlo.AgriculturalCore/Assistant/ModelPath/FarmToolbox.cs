using AvaOlo.AgriculturalCore.Assistant.Catalogue;
using AvaOlo.AgriculturalCore.Assistant.FarmFacts;
using AvaOlo.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace AvaOlo.AgriculturalCore.Assistant.ModelPath;

/// <summary>
/// Makes the model's tools for one question, bound to one farmer. Scoped: its DbContext factory is the request's, so
/// a task the tools record or delete is attributed in the audit trail to the API key that asked, like any other write.
/// </summary>
public sealed class FarmToolbox(FarmFactReader facts, ReferenceCatalogue catalogue, IDbContextFactory<AvaOloDbContext> contexts, IMemoryCache confirmations)
{
    public FarmTools For(int farmerId, string? country, DateOnly today) => new(facts, catalogue, contexts, confirmations, farmerId, country, today);
}
