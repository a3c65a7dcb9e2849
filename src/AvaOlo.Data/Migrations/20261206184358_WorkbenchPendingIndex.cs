using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AvaOlo.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkbenchPendingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The pending answers by id with the workbench's filter columns replace the pending index by time, which
            // only the old count used. Old instances keep working during a rolling deploy (their count just reads the
            // table). A partial index: it holds the pending rows only, and builds in seconds over a million rows.
            migrationBuilder.DropIndex(
                name: "ix_conversations_pending_created_at",
                table: "conversations");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_pending",
                table: "conversations",
                column: "id",
                filter: "review_state = 'pending'")
                .Annotation("Npgsql:IndexInclude", new[] { "channel", "language", "country_code", "method", "farmer_id", "checks_passed" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_conversations_pending",
                table: "conversations");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_pending_created_at",
                table: "conversations",
                column: "created_at",
                filter: "review_state = 'pending'");
        }
    }
}
