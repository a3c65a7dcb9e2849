using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AvaOlo.Data.Migrations
{
    /// <inheritdoc />
    public partial class WhatsAppChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "whatsapp_inbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    provider = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    provider_message_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    sender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sender_country = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: true),
                    recipient = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    text = table.Column<string>(type: "text", nullable: true),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    locked_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    farmer_id = table.Column<int>(type: "integer", nullable: true),
                    conversation_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_whatsapp_inbox", x => x.id);
                    table.ForeignKey(
                        name: "fk_whatsapp_inbox_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_whatsapp_inbox_farmers_farmer_id",
                        column: x => x.farmer_id,
                        principalTable: "farmers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "whatsapp_status_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    provider = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    provider_message_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_whatsapp_status_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "whatsapp_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    inbox_id = table.Column<long>(type: "bigint", nullable: true),
                    part = table.Column<int>(type: "integer", nullable: false),
                    provider = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    recipient = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    buttons = table.Column<string>(type: "jsonb", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    sent_as = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    skip_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    locked_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    provider_message_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_whatsapp_outbox", x => x.id);
                    table.ForeignKey(
                        name: "fk_whatsapp_outbox_whatsapp_inbox_inbox_id",
                        column: x => x.inbox_id,
                        principalTable: "whatsapp_inbox",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_inbox_conversation_id",
                table: "whatsapp_inbox",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_inbox_farmer_id",
                table: "whatsapp_inbox",
                column: "farmer_id");

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_inbox_pending",
                table: "whatsapp_inbox",
                columns: new[] { "provider", "sender", "id" },
                filter: "state = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_inbox_provider_provider_message_id",
                table: "whatsapp_inbox",
                columns: new[] { "provider", "provider_message_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_inbox_provider_sender_received_at",
                table: "whatsapp_inbox",
                columns: new[] { "provider", "sender", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_inbox_received_at",
                table: "whatsapp_inbox",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_outbox_created_at",
                table: "whatsapp_outbox",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_outbox_inbox_id_part",
                table: "whatsapp_outbox",
                columns: new[] { "inbox_id", "part" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_outbox_provider_provider_message_id",
                table: "whatsapp_outbox",
                columns: new[] { "provider", "provider_message_id" },
                unique: true,
                filter: "provider_message_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_outbox_queued",
                table: "whatsapp_outbox",
                columns: new[] { "provider", "recipient", "id" },
                filter: "status = 'queued'");

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_status_events_provider_provider_message_id_status",
                table: "whatsapp_status_events",
                columns: new[] { "provider", "provider_message_id", "status" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "whatsapp_outbox");

            migrationBuilder.DropTable(
                name: "whatsapp_status_events");

            migrationBuilder.DropTable(
                name: "whatsapp_inbox");
        }
    }
}
