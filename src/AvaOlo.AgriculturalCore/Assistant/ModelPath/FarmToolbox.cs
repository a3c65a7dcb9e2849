using AvaOlo.AgriculturalCore.Assistant.Catalogue;
using AvaOlo.AgriculturalCore.Assistant.Confirmations;
using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using AvaOlo.AgriculturalCore.Assistant.FarmFacts;
using AvaOlo.Data;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Assistant.ModelPath;

/// <summary>
/// Makes the model's tools for one question, bound to its asker and what the asking client may do. Scoped: its
/// DbContext factory is the request's, so the audit trail attributes what the tools read and propose to the API key
/// that asked, like any other request.
/// </summary>
public sealed class FarmToolbox(FarmFactReader facts, ReferenceCatalogue catalogue, IDbContextFactory<AvaOloDbContext> contexts, Proposals proposals)
{
    /// <summary>Null for an unknown phone: it has no records for tools to read.</summary>
    public FarmTools? For(Asking who, AssistantRequest request) =>
        who.Asker.FarmerId is null ? null : new(facts, catalogue, contexts, proposals, who, request);
}
