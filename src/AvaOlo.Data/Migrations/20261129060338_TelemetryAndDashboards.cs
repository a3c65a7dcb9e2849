using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AvaOlo.Data.Migrations
{
    /// <inheritdoc />
    public partial class TelemetryAndDashboards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activity_days",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    questions = table.Column<long>(type: "bigint", nullable: false),
                    active_farmers = table.Column<long>(type: "bigint", nullable: false),
                    failed_checks = table.Column<long>(type: "bigint", nullable: false),
                    llm_calls = table.Column<long>(type: "bigint", nullable: false),
                    llm_failures = table.Column<long>(type: "bigint", nullable: false),
                    prompt_tokens = table.Column<long>(type: "bigint", nullable: false),
                    completion_tokens = table.Column<long>(type: "bigint", nullable: false),
                    llm_latency_sum_ms = table.Column<double>(type: "double precision", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_days", x => x.day);
                });

            migrationBuilder.CreateTable(
                name: "alarm_states",
                columns: table => new
                {
                    alarm = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    service = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    evaluated_minute = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alarm_states", x => new { x.alarm, x.service });
                });

            migrationBuilder.CreateTable(
                name: "alarm_transitions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    alarm = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    service = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    from_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    to_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alarm_transitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "metric_hours",
                columns: table => new
                {
                    hour = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    service = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    instance_minutes = table.Column<long>(type: "bigint", nullable: false),
                    requests = table.Column<long>(type: "bigint", nullable: false),
                    http_4xx = table.Column<long>(type: "bigint", nullable: false),
                    http_5xx = table.Column<long>(type: "bigint", nullable: false),
                    latency_sum_ms = table.Column<double>(type: "double precision", nullable: false),
                    latency_buckets = table.Column<long[]>(type: "bigint[]", nullable: false),
                    active_connections_sum = table.Column<long>(type: "bigint", nullable: false),
                    cpu_percent_sum = table.Column<double>(type: "double precision", nullable: false),
                    memory_mb_sum = table.Column<double>(type: "double precision", nullable: false),
                    db_connection_errors = table.Column<long>(type: "bigint", nullable: false),
                    constitutional_violations = table.Column<long>(type: "bigint", nullable: false),
                    llm_queries = table.Column<long>(type: "bigint", nullable: false),
                    llm_failures = table.Column<long>(type: "bigint", nullable: false),
                    llm_latency_sum_ms = table.Column<double>(type: "double precision", nullable: false),
                    llm_latency_buckets = table.Column<long[]>(type: "bigint[]", nullable: false),
                    db_queries = table.Column<long>(type: "bigint", nullable: false),
                    db_query_sum_ms = table.Column<double>(type: "double precision", nullable: false),
                    localization_total = table.Column<long>(type: "bigint", nullable: false),
                    localization_matched = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metric_hours", x => new { x.service, x.hour });
                });

            migrationBuilder.CreateTable(
                name: "metric_minutes",
                columns: table => new
                {
                    minute = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    service = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    instance = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    requests = table.Column<long>(type: "bigint", nullable: false),
                    http_4xx = table.Column<long>(type: "bigint", nullable: false),
                    http_5xx = table.Column<long>(type: "bigint", nullable: false),
                    latency_sum_ms = table.Column<double>(type: "double precision", nullable: false),
                    latency_buckets = table.Column<long[]>(type: "bigint[]", nullable: false),
                    active_connections = table.Column<int>(type: "integer", nullable: false),
                    cpu_percent = table.Column<double>(type: "double precision", nullable: true),
                    memory_mb = table.Column<double>(type: "double precision", nullable: true),
                    disk_used_percent = table.Column<double>(type: "double precision", nullable: true),
                    db_connection_errors = table.Column<long>(type: "bigint", nullable: false),
                    constitutional_violations = table.Column<long>(type: "bigint", nullable: false),
                    llm_queries = table.Column<long>(type: "bigint", nullable: false),
                    llm_failures = table.Column<long>(type: "bigint", nullable: false),
                    llm_latency_sum_ms = table.Column<double>(type: "double precision", nullable: false),
                    llm_latency_buckets = table.Column<long[]>(type: "bigint[]", nullable: false),
                    db_queries = table.Column<long>(type: "bigint", nullable: false),
                    db_query_sum_ms = table.Column<double>(type: "double precision", nullable: false),
                    localization_total = table.Column<long>(type: "bigint", nullable: false),
                    localization_matched = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metric_minutes", x => new { x.service, x.minute, x.instance });
                });

            migrationBuilder.CreateTable(
                name: "metric_route_hours",
                columns: table => new
                {
                    hour = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    service = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    route = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status_class = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    requests = table.Column<long>(type: "bigint", nullable: false),
                    latency_sum_ms = table.Column<double>(type: "double precision", nullable: false),
                    latency_buckets = table.Column<long[]>(type: "bigint[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metric_route_hours", x => new { x.service, x.hour, x.route, x.status_class });
                });

            migrationBuilder.CreateTable(
                name: "question_days",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    topic = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    questions = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_question_days", x => new { x.day, x.language, x.country_code, x.topic });
                });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_created_at",
                table: "conversations",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_failed_checks_created_at",
                table: "conversations",
                column: "created_at",
                filter: "checks_passed = false");

            migrationBuilder.CreateIndex(
                name: "ix_alarm_transitions_at",
                table: "alarm_transitions",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_metric_hours_hour",
                table: "metric_hours",
                column: "hour");

            migrationBuilder.CreateIndex(
                name: "ix_metric_minutes_minute",
                table: "metric_minutes",
                column: "minute");

            migrationBuilder.CreateIndex(
                name: "ix_metric_route_hours_hour",
                table: "metric_route_hours",
                column: "hour");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity_days");

            migrationBuilder.DropTable(
                name: "alarm_states");

            migrationBuilder.DropTable(
                name: "alarm_transitions");

            migrationBuilder.DropTable(
                name: "metric_hours");

            migrationBuilder.DropTable(
                name: "metric_minutes");

            migrationBuilder.DropTable(
                name: "metric_route_hours");

            migrationBuilder.DropTable(
                name: "question_days");

            migrationBuilder.DropIndex(
                name: "ix_conversations_created_at",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_conversations_failed_checks_created_at",
                table: "conversations");
        }
    }
}
