using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AvaOlo.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewWorkbenchAndKnowledge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "skips_review",
                table: "api_keys",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "review_rank",
                table: "conversations",
                type: "integer",
                nullable: false,
                computedColumnSql: "CASE WHEN NOT checks_passed THEN 0 WHEN sources @> '[{\"type\":\"material_rule\"}]' OR sources @> '[{\"type\":\"harvest_safety\"}]' THEN 3 ELSE 6 END + CASE method WHEN 'llm' THEN 0 WHEN 'offline' THEN 1 ELSE 2 END",
                stored: true);

            migrationBuilder.CreateTable(
                name: "knowledge_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    scope = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    farmer_id = table.Column<int>(type: "integer", nullable: true),
                    country_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: true),
                    question = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    question_stems = table.Column<string[]>(type: "text[]", nullable: false),
                    answer = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    language = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    created_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    conversation_id = table.Column<long>(type: "bigint", nullable: true),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_knowledge_entries", x => x.id);
                    table.CheckConstraint("ck_knowledge_entries_scope", "(scope = 'farmer' AND farmer_id IS NOT NULL AND country_code IS NULL) OR (scope = 'country' AND farmer_id IS NULL AND country_code IS NOT NULL) OR (scope = 'global' AND farmer_id IS NULL AND country_code IS NULL)");
                    table.ForeignKey(
                        name: "fk_knowledge_entries_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_knowledge_entries_farmers_farmer_id",
                        column: x => x.farmer_id,
                        principalTable: "farmers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_review_queue",
                table: "conversations",
                columns: new[] { "review_rank", "created_at", "id" },
                descending: new[] { false, true, true },
                filter: "review_state = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_reviewed_at",
                table: "conversations",
                column: "reviewed_at",
                filter: "reviewed_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_entries_conversation_id",
                table: "knowledge_entries",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_entries_farmer_id",
                table: "knowledge_entries",
                column: "farmer_id");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_entries_question_stems",
                table: "knowledge_entries",
                column: "question_stems",
                filter: "retired_at IS NULL")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "knowledge_entries");

            migrationBuilder.DropIndex(
                name: "ix_conversations_review_queue",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_conversations_reviewed_at",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "review_rank",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "skips_review",
                table: "api_keys");
        }
    }
}
