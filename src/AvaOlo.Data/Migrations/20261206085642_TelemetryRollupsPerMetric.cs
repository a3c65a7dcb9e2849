using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AvaOlo.Data.Migrations
{
    /// <inheritdoc />
    public partial class TelemetryRollupsPerMetric : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_metric_minutes",
                table: "metric_minutes");

            migrationBuilder.DropPrimaryKey(
                name: "pk_metric_hours",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "active_connections",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "constitutional_violations",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "cpu_percent",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "db_connection_errors",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "db_queries",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "db_query_sum_ms",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "disk_used_percent",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "http_4xx",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "http_5xx",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "latency_buckets",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "latency_sum_ms",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "llm_failures",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "llm_latency_buckets",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "llm_queries",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "localization_matched",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "localization_total",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "memory_mb",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "active_connections_sum",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "constitutional_violations",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "cpu_percent_sum",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "db_connection_errors",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "db_queries",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "db_query_sum_ms",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "http_4xx",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "http_5xx",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "instance_minutes",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "latency_buckets",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "latency_sum_ms",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "llm_failures",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "llm_latency_buckets",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "llm_latency_sum_ms",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "llm_queries",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "localization_matched",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "localization_total",
                table: "metric_hours");

            migrationBuilder.RenameColumn(
                name: "requests",
                table: "metric_minutes",
                newName: "count");

            migrationBuilder.RenameColumn(
                name: "llm_latency_sum_ms",
                table: "metric_minutes",
                newName: "sum");

            migrationBuilder.RenameColumn(
                name: "requests",
                table: "metric_hours",
                newName: "count");

            migrationBuilder.RenameColumn(
                name: "memory_mb_sum",
                table: "metric_hours",
                newName: "sum");

            migrationBuilder.AddColumn<string>(
                name: "metric",
                table: "metric_minutes",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "label",
                table: "metric_minutes",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long[]>(
                name: "buckets",
                table: "metric_minutes",
                type: "bigint[]",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "metric",
                table: "metric_hours",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "label",
                table: "metric_hours",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long[]>(
                name: "buckets",
                table: "metric_hours",
                type: "bigint[]",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "pk_metric_minutes",
                table: "metric_minutes",
                columns: new[] { "service", "minute", "instance", "metric", "label" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_metric_hours",
                table: "metric_hours",
                columns: new[] { "service", "hour", "metric", "label" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_metric_minutes",
                table: "metric_minutes");

            migrationBuilder.DropPrimaryKey(
                name: "pk_metric_hours",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "metric",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "label",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "buckets",
                table: "metric_minutes");

            migrationBuilder.DropColumn(
                name: "metric",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "label",
                table: "metric_hours");

            migrationBuilder.DropColumn(
                name: "buckets",
                table: "metric_hours");

            migrationBuilder.RenameColumn(
                name: "sum",
                table: "metric_minutes",
                newName: "llm_latency_sum_ms");

            migrationBuilder.RenameColumn(
                name: "count",
                table: "metric_minutes",
                newName: "requests");

            migrationBuilder.RenameColumn(
                name: "sum",
                table: "metric_hours",
                newName: "memory_mb_sum");

            migrationBuilder.RenameColumn(
                name: "count",
                table: "metric_hours",
                newName: "requests");

            migrationBuilder.AddColumn<int>(
                name: "active_connections",
                table: "metric_minutes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "constitutional_violations",
                table: "metric_minutes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "cpu_percent",
                table: "metric_minutes",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "db_connection_errors",
                table: "metric_minutes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "db_queries",
                table: "metric_minutes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "db_query_sum_ms",
                table: "metric_minutes",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "disk_used_percent",
                table: "metric_minutes",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "http_4xx",
                table: "metric_minutes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "http_5xx",
                table: "metric_minutes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long[]>(
                name: "latency_buckets",
                table: "metric_minutes",
                type: "bigint[]",
                nullable: false,
                defaultValue: new long[0]);

            migrationBuilder.AddColumn<double>(
                name: "latency_sum_ms",
                table: "metric_minutes",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<long>(
                name: "llm_failures",
                table: "metric_minutes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long[]>(
                name: "llm_latency_buckets",
                table: "metric_minutes",
                type: "bigint[]",
                nullable: false,
                defaultValue: new long[0]);

            migrationBuilder.AddColumn<long>(
                name: "llm_queries",
                table: "metric_minutes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "localization_matched",
                table: "metric_minutes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "localization_total",
                table: "metric_minutes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "memory_mb",
                table: "metric_minutes",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "active_connections_sum",
                table: "metric_hours",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "constitutional_violations",
                table: "metric_hours",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "cpu_percent_sum",
                table: "metric_hours",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<long>(
                name: "db_connection_errors",
                table: "metric_hours",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "db_queries",
                table: "metric_hours",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "db_query_sum_ms",
                table: "metric_hours",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<long>(
                name: "http_4xx",
                table: "metric_hours",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "http_5xx",
                table: "metric_hours",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "instance_minutes",
                table: "metric_hours",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long[]>(
                name: "latency_buckets",
                table: "metric_hours",
                type: "bigint[]",
                nullable: false,
                defaultValue: new long[0]);

            migrationBuilder.AddColumn<double>(
                name: "latency_sum_ms",
                table: "metric_hours",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<long>(
                name: "llm_failures",
                table: "metric_hours",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long[]>(
                name: "llm_latency_buckets",
                table: "metric_hours",
                type: "bigint[]",
                nullable: false,
                defaultValue: new long[0]);

            migrationBuilder.AddColumn<double>(
                name: "llm_latency_sum_ms",
                table: "metric_hours",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<long>(
                name: "llm_queries",
                table: "metric_hours",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "localization_matched",
                table: "metric_hours",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "localization_total",
                table: "metric_hours",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddPrimaryKey(
                name: "pk_metric_minutes",
                table: "metric_minutes",
                columns: new[] { "service", "minute", "instance" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_metric_hours",
                table: "metric_hours",
                columns: new[] { "service", "hour" });
        }
    }
}
