using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AvaOlo.Data.Migrations
{
    /// <inheritdoc />
    public partial class WhatsAppMedia : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "audio_seconds",
                table: "whatsapp_inbox",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "media_ref",
                table: "whatsapp_inbox",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "media_type",
                table: "whatsapp_inbox",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "review_flag",
                table: "whatsapp_inbox",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "transcript",
                table: "whatsapp_inbox",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "transcript_language",
                table: "whatsapp_inbox",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "audio_seconds",
                table: "whatsapp_inbox");

            migrationBuilder.DropColumn(
                name: "media_ref",
                table: "whatsapp_inbox");

            migrationBuilder.DropColumn(
                name: "media_type",
                table: "whatsapp_inbox");

            migrationBuilder.DropColumn(
                name: "review_flag",
                table: "whatsapp_inbox");

            migrationBuilder.DropColumn(
                name: "transcript",
                table: "whatsapp_inbox");

            migrationBuilder.DropColumn(
                name: "transcript_language",
                table: "whatsapp_inbox");
        }
    }
}
