using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AvaOlo.Data.Migrations
{
    /// <summary>
    /// schema_floor: what contract steps require of a serving build (see SchemaFloor). Hand-written: it is read by the
    /// schema check before EF is involved, and no entity needs it.
    /// </summary>
    public partial class ExpandContract : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE schema_floor (
                    contract_migration text PRIMARY KEY,
                    requires_migration text NOT NULL
                );
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE schema_floor;");
        }
    }
}
