using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AvaOlo.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AvaOloDbContext>
{
    public AvaOloDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AvaOloDbContext>().UseNpgsql("Host=localhost;Database=farmer_crm").UseSnakeCaseNamingConvention().Options);
}
