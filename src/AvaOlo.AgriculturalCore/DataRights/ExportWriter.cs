using System.Data;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Npgsql;

namespace AvaOlo.AgriculturalCore.DataRights;

/// <summary>
/// Streams an export row by row: a farmer with thousands of conversations costs a buffer of about
/// <see cref="FlushAt"/> bytes, not the whole document. Every table is read in one repeatable-read, read-only
/// transaction, so the export is one consistent picture even while the farmer keeps working.
/// </summary>
internal static class ExportWriter
{
    public const string Format = "ava-olo-export/1";
    private const int FlushAt = 32 * 1024;
    // Farmers write Cyrillic, Greek, Hungarian…: keep their text readable rather than \u-escaped.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteJsonAsync(NpgsqlDataSource data, int farmerId, DateTimeOffset now, Stream body, CancellationToken ct)
    {
        await using var conn = await data.OpenConnectionAsync(ct);
        await using var snapshot = await BeginSnapshotAsync(conn, ct);
        await using var json = new Utf8JsonWriter(body, JsonOptions);
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WritePropertyName("exported_at");
        ExportValues.WriteJson(json, now);
        json.WriteNumber("farmer_id", farmerId);
        foreach (var section in ExportSections.Json)
        {
            json.WritePropertyName(section.Name);
            if (!section.Single) json.WriteStartArray();
            var rows = 0;
            await ReadAsync(conn, section, farmerId, async (reader, columns) =>
            {
                json.WriteStartObject();
                foreach (var c in columns)
                {
                    json.WritePropertyName(c.Name);
                    ExportValues.WriteJson(json, ExportValues.Read(reader, c));
                }
                json.WriteEndObject();
                rows++;
                if (json.BytesPending > FlushAt) await json.FlushAsync(ct);
            }, ct);
            if (section.Single && rows == 0) json.WriteNullValue();
            if (!section.Single) json.WriteEndArray();
        }
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    /// <summary>One UTF-8 CSV per table (header row first), each zip entry written as its rows are read.</summary>
    public static async Task WriteZipAsync(NpgsqlDataSource data, int farmerId, Stream body, CancellationToken ct)
    {
        await using var conn = await data.OpenConnectionAsync(ct);
        await using var snapshot = await BeginSnapshotAsync(conn, ct);
        await using var output = new AsyncOnlyStream(body);
        await using (var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Utf8, ct))
        {
            foreach (var section in ExportSections.Csv)
            {
                var entry = zip.CreateEntry(section.Name + ".csv", CompressionLevel.Fastest);
                await using var stream = await entry.OpenAsync(ct);
                await using var csv = new StreamWriter(stream, Utf8, bufferSize: 16 * 1024);
                var header = false;
                await ReadAsync(conn, section, farmerId, async (reader, columns) =>
                {
                    if (!header) await csv.WriteAsync(Csv.Record(columns.Select(c => c.Name)).AsMemory(), ct);
                    header = true;
                    await csv.WriteAsync(Csv.Record(columns.Select(c => ExportValues.CsvText(ExportValues.Read(reader, c)))).AsMemory(), ct);
                }, ct, onEmpty: async columns => await csv.WriteAsync(Csv.Record(columns.Select(c => c.Name)).AsMemory(), ct));
            }
        }
        await output.DrainAsync(ct);
    }

    /// <summary>Nothing is written, so the transaction is simply rolled back when disposed.</summary>
    private static async Task<NpgsqlTransaction> BeginSnapshotAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", conn, tx);
        await readOnly.ExecuteNonQueryAsync(ct);
        return tx;
    }

    private static async Task ReadAsync(NpgsqlConnection conn, ExportSection section, int farmerId,
        Func<NpgsqlDataReader, List<ExportColumn>, Task> row, CancellationToken ct, Func<List<ExportColumn>, Task>? onEmpty = null)
    {
        await using var cmd = new NpgsqlCommand(section.Sql, conn) { Parameters = { new() { Value = farmerId } } };
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        var columns = ExportValues.Columns(reader, section.Withheld);
        var any = false;
        while (await reader.ReadAsync(ct))
        {
            any = true;
            await row(reader, columns);
        }
        if (!any && onEmpty is not null) await onEmpty(columns);
    }
}
