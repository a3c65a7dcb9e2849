using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AvaOlo.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkbenchCropSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The crop filter is a substring match ("pšenic" finds "pšenicu"), which no b-tree can serve: over 100,000
            // pending answers it read every one (about 1 s). A trigram index answers ILIKE '%…%' directly. pg_trgm is a
            // trusted extension (PostgreSQL 13+; Aurora and RDS have it), so the database's owner may create it. Partial,
            // like the queue's other index: only pending answers are filtered. EF cannot model an expression index, so
            // it is SQL here and not in the model snapshot; nothing in the model touches it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            // The expression must stay the one ReviewFilter searches (WorkbenchQueueTests checks the plan for a rare crop uses it).
            // IF NOT EXISTS: on a large table an operator builds it first, CONCURRENTLY, and this keeps it (deploy/README.md).
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_conversations_pending_text ON conversations USING gin "
                + "((question || ' ' || COALESCE(sources::text, '')) gin_trgm_ops) WHERE review_state = 'pending';");
            // Statistics on the same expression: without them the planner guesses every pattern rare, and for a crop half
            // the queue names it read all those rows through the trigram index and sorted them (about 1 s) instead of
            // walking the queue's own index until a page was full (2 ms). ANALYZE fills them now, not at autovacuum's turn.
            migrationBuilder.Sql("CREATE STATISTICS IF NOT EXISTS conversations_searched_text ON ((question || ' ' || COALESCE(sources::text, ''))) FROM conversations;");
            migrationBuilder.Sql("ANALYZE conversations;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The extension stays: other objects may have come to use it.
            migrationBuilder.Sql("DROP STATISTICS IF EXISTS conversations_searched_text;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_conversations_pending_text;");
        }
    }
}
