using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AvaOlo.Data.Migrations
{
    /// <summary>
    /// Every change to an API key that can change who may do what (revoked, expiry, scopes, farmer, secret; created or
    /// deleted) is announced with NOTIFY avaolo_api_keys, payload the key's prefix ('*' after a TRUNCATE): each core
    /// instance drops its cached copy within about a second, whoever made the change — the dashboards, the CLI, a
    /// farmer's deletion or plain SQL. last_used_at, written every 15 s by the services, is left out. Hand-written:
    /// EF Core has no model for triggers.
    /// </summary>
    public partial class ApiKeyChangeNotify : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION avaolo_notify_api_key_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'TRUNCATE' THEN
                        PERFORM pg_notify('avaolo_api_keys', '*');
                        RETURN NULL;
                    END IF;
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM pg_notify('avaolo_api_keys', OLD.prefix); END IF;
                    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.prefix IS DISTINCT FROM OLD.prefix) THEN
                        PERFORM pg_notify('avaolo_api_keys', NEW.prefix);
                    END IF;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER api_keys_notify_insert_delete AFTER INSERT OR DELETE ON api_keys
                    FOR EACH ROW EXECUTE FUNCTION avaolo_notify_api_key_change();
                CREATE TRIGGER api_keys_notify_update AFTER UPDATE ON api_keys
                    FOR EACH ROW WHEN ((to_jsonb(OLD) - 'last_used_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_used_at'))
                    EXECUTE FUNCTION avaolo_notify_api_key_change();
                CREATE TRIGGER api_keys_notify_truncate AFTER TRUNCATE ON api_keys
                    FOR EACH STATEMENT EXECUTE FUNCTION avaolo_notify_api_key_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS api_keys_notify_truncate ON api_keys;
                DROP TRIGGER IF EXISTS api_keys_notify_update ON api_keys;
                DROP TRIGGER IF EXISTS api_keys_notify_insert_delete ON api_keys;
                DROP FUNCTION IF EXISTS avaolo_notify_api_key_change();
                """);
        }
    }
}
