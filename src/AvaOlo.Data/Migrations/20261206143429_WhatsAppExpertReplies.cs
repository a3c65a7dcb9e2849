using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AvaOlo.Data.Migrations
{
    /// <inheritdoc />
    public partial class WhatsAppExpertReplies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "conversation_id",
                table: "whatsapp_outbox",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reply_version",
                table: "whatsapp_outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_outbox_conversation_id_part",
                table: "whatsapp_outbox",
                columns: new[] { "conversation_id", "part" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_whatsapp_outbox_conversations_conversation_id",
                table: "whatsapp_outbox",
                column: "conversation_id",
                principalTable: "conversations",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_whatsapp_outbox_conversations_conversation_id",
                table: "whatsapp_outbox");

            migrationBuilder.DropIndex(
                name: "ix_whatsapp_outbox_conversation_id_part",
                table: "whatsapp_outbox");

            migrationBuilder.DropColumn(
                name: "conversation_id",
                table: "whatsapp_outbox");

            migrationBuilder.DropColumn(
                name: "reply_version",
                table: "whatsapp_outbox");
        }
    }
}
