using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AvaOlo.Data.Migrations
{
    /// <inheritdoc />
    public partial class AssistantConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "records_version",
                table: "farmers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    thread_id = table.Column<Guid>(type: "uuid", nullable: false),
                    farmer_id = table.Column<int>(type: "integer", nullable: true),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    question = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    answer = table.Column<string>(type: "text", nullable: false),
                    language = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    country_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: true),
                    method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    checks_passed = table.Column<bool>(type: "boolean", nullable: false),
                    checks = table.Column<string>(type: "jsonb", nullable: true),
                    sources = table.Column<string>(type: "jsonb", nullable: true),
                    tool_calls = table.Column<int>(type: "integer", nullable: false),
                    processing_ms = table.Column<int>(type: "integer", nullable: false),
                    language_matched = table.Column<bool>(type: "boolean", nullable: false),
                    review_state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    expert_answer = table.Column<string>(type: "text", nullable: true),
                    reviewed_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversations", x => x.id);
                    table.ForeignKey(
                        name: "fk_conversations_farmers_farmer_id",
                        column: x => x.farmer_id,
                        principalTable: "farmers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "llm_debug_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    conversation_id = table.Column<long>(type: "bigint", nullable: true),
                    farmer_id = table.Column<int>(type: "integer", nullable: true),
                    model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    prompt_tokens = table.Column<int>(type: "integer", nullable: true),
                    completion_tokens = table.Column<int>(type: "integer", nullable: true),
                    latency_ms = table.Column<int>(type: "integer", nullable: false),
                    success = table.Column<bool>(type: "boolean", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    tool_calls = table.Column<int>(type: "integer", nullable: false),
                    checks_passed = table.Column<bool>(type: "boolean", nullable: true),
                    checks = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_llm_debug_log", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_farmer_id_created_at",
                table: "conversations",
                columns: new[] { "farmer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_pending_created_at",
                table: "conversations",
                column: "created_at",
                filter: "review_state = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_thread_id",
                table: "conversations",
                column: "thread_id");

            migrationBuilder.CreateIndex(
                name: "ix_llm_debug_log_conversation_id",
                table: "llm_debug_log",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_llm_debug_log_created_at",
                table: "llm_debug_log",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conversations");

            migrationBuilder.DropTable(
                name: "llm_debug_log");

            migrationBuilder.DropColumn(
                name: "records_version",
                table: "farmers");
        }
    }
}
