using Npgsql;

namespace AvaOlo.AgriculturalCore.Tests.DataRights;

/// <summary>Reads the live schema, so the data-rights tests also cover tables added after them.</summary>
public static class Tables
{
    /// <summary>Every table with a farmer_id column, plus farmers itself.</summary>
    public static async Task<List<string>> NamingFarmersAsync(string connectionString)
    {
        var tables = await ListAsync(connectionString,
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'farmer_id' ORDER BY 1");
        tables.Add("farmers");
        return tables;
    }

    /// <summary>How many rows of each table name the farmer by farmer_id (or id, for farmers).</summary>
    public static async Task<Dictionary<string, long>> RowsOfAsync(string connectionString, int farmerId)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        foreach (var table in await NamingFarmersAsync(connectionString))
        {
            var column = table == "farmers" ? "id" : "farmer_id";
            await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" WHERE {column} = $1", conn) { Parameters = { new() { Value = farmerId } } };
            counts[table] = (long)(await cmd.ExecuteScalarAsync())!;
        }
        return counts;
    }

    /// <summary>"table.column" for every text, JSON or array column of any table whose text contains one of the needles.</summary>
    public static async Task<SortedSet<string>> MentioningAsync(string connectionString, IEnumerable<string> needles)
    {
        var columns = new List<(string Table, string Column)>();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using (var cmd = new NpgsqlCommand("""
            SELECT c.table_name, c.column_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')
            ORDER BY 1, 2
            """, conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1)));
        var hits = new SortedSet<string>(StringComparer.Ordinal);
        var list = needles.ToArray();
        foreach (var (table, column) in columns)
        {
            await using var cmd = new NpgsqlCommand(
                $"SELECT EXISTS (SELECT 1 FROM \"{table}\" WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) n WHERE position(n IN \"{column}\"::text) > 0))", conn)
            { Parameters = { new() { Value = list } } };
            if ((bool)(await cmd.ExecuteScalarAsync())!) hits.Add($"{table}.{column}");
        }
        return hits;
    }

    private static async Task<List<string>> ListAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
