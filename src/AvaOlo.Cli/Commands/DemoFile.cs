namespace AvaOlo.Cli.Commands;

/// <summary>The KEY=VALUE file run.sh sources; written atomically and readable only by its owner.</summary>
internal static class DemoFile
{
    public const string ApiKey = "AVAOLO_DEMO_API_KEY";
    public const string FarmerKey = "AVAOLO_DEMO_FARMER_KEY";
    public const string FarmerId = "AVAOLO_DEMO_FARMER_ID";
    public const string User = "AVAOLO_DEMO_USER";
    public const string Password = "AVAOLO_DEMO_PASSWORD";

    public static Dictionary<string, string> Read(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return values;
        foreach (var line in File.ReadAllLines(path))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && !line.StartsWith('#')) values[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }
        return values;
    }

    public static void Write(string path, IEnumerable<(string Key, string Value)> values)
    {
        var text = string.Concat(values.Select(v => $"{v.Key}={v.Value}\n"));
        if (File.Exists(path) && File.ReadAllText(path) == text)
        {
            Restrict(path);
            return; // unchanged: keep the file (and its timestamp) as it is
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(temp, new System.Text.UTF8Encoding(false), fileOptions)) writer.Write(text);
        Restrict(temp);
        File.Move(temp, path, overwrite: true);
    }

    private static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
