using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AvaOlo.Resilience.Tests;

/// <summary>
/// A tiny evaluator for the part of the CloudWatch Logs Insights language our saved queries use, so a test can run
/// the very query strings the CDK saves (deploy/cdk/LogQueries.cs) over log lines the service really wrote:
/// commands separated by |; <c>filter</c> with and/or/not, parentheses, = != &lt; &lt;= &gt; &gt;=, <c>like</c> /regex/ or
/// "substring", <c>in</c> [...], ispresent(field); <c>stats count(*) [as name] by field, bin(5m|1h…)</c>; fields,
/// display, sort and limit are accepted and change no count. Field names are case-sensitive, a missing field
/// matches no comparison, and @timestamp is the line's "timestamp". Anything else is refused, never guessed.
/// </summary>
public static class LogsInsights
{
    public sealed record Result(IReadOnlyList<JsonObject> Matched, IReadOnlyDictionary<string, long> Counts)
    {
        public long Total => Counts.Count == 0 ? Matched.Count : Counts.Values.Sum();
    }

    public static Result Run(string query, IEnumerable<JsonObject> events)
    {
        var rows = events.ToList();
        Dictionary<string, long>? counts = null;
        foreach (var command in Split(Tokenize(query)))
        {
            var head = command[0].Text;
            var p = new Parser(command, 1);
            switch (head)
            {
                case "filter":
                    var predicate = p.Expression();
                    p.End();
                    rows = rows.Where(predicate).ToList();
                    break;
                case "stats":
                    counts = Stats(p, rows);
                    break;
                case "fields" or "display" or "sort" or "limit":
                    break;
                default:
                    throw new NotSupportedException($"command '{head}' is not part of the supported subset");
            }
        }
        return new(rows, counts ?? []);
    }

    private static Dictionary<string, long> Stats(Parser p, List<JsonObject> rows)
    {
        p.Expect("count"); p.Expect("("); if (p.Peek == "*") p.Next(); p.Expect(")");
        if (p.Peek == "as") { p.Next(); p.Next(); }
        var keys = new List<Func<JsonObject, string>>();
        if (p.Peek == "by")
        {
            p.Next();
            do
            {
                if (p.Peek == ",") p.Next();
                if (p.Peek == "bin") { p.Next(); p.Expect("("); var width = Duration(p.Next()); p.Expect(")"); keys.Add(e => Bin(e, width)); }
                else { var field = p.Next(); keys.Add(e => Text(Field(e, field)) ?? "(null)"); }
            } while (p.Peek == ",");
        }
        p.End();
        return rows.GroupBy(e => string.Join(" | ", keys.Select(k => k(e))), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
    }

    private static string Bin(JsonObject e, TimeSpan width)
    {
        var at = DateTimeOffset.Parse(Text(Field(e, "@timestamp"))!, CultureInfo.InvariantCulture);
        return new DateTimeOffset(at.UtcTicks - at.UtcTicks % width.Ticks, TimeSpan.Zero).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    private static TimeSpan Duration(string text)
    {
        var m = Regex.Match(text, "^([0-9]+)(s|m|h|d)$");
        if (!m.Success) throw new NotSupportedException($"bin({text})");
        var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "s" => TimeSpan.FromSeconds(n), "m" => TimeSpan.FromMinutes(n), "h" => TimeSpan.FromHours(n), _ => TimeSpan.FromDays(n) };
    }

    private static JsonNode? Field(JsonObject e, string name) => name == "@timestamp" ? e["timestamp"] : e[name];

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private sealed record Token(string Text, char Kind); // Kind: w word, s string, r regex, n number, p punctuation

    private sealed class Parser(List<Token> tokens, int at)
    {
        private int _at = at;

        public string? Peek => _at < tokens.Count ? tokens[_at].Text : null;
        private Token? PeekToken => _at < tokens.Count ? tokens[_at] : null;
        public string Next() => _at < tokens.Count ? tokens[_at++].Text : throw new FormatException("unexpected end of query");
        public void Expect(string text) { if (Next() != text) throw new FormatException($"expected '{text}' at token {_at}"); }
        public void End() { if (_at != tokens.Count) throw new NotSupportedException($"unsupported syntax at '{Peek}'"); }

        public Func<JsonObject, bool> Expression()
        {
            var left = And();
            while (Peek == "or") { Next(); var l = left; var r = And(); left = e => l(e) || r(e); }
            return left;
        }

        private Func<JsonObject, bool> And()
        {
            var left = Not();
            while (Peek == "and") { Next(); var l = left; var r = Not(); left = e => l(e) && r(e); }
            return left;
        }

        private Func<JsonObject, bool> Not()
        {
            if (Peek != "not") return Primary();
            Next();
            var inner = Not();
            return e => !inner(e);
        }

        private Func<JsonObject, bool> Primary()
        {
            if (Peek == "(") { Next(); var inner = Expression(); Expect(")"); return inner; }
            var field = Next();
            if (field == "ispresent") { Expect("("); var f = Next(); Expect(")"); return e => Field(e, f) is not null; }
            var negate = Peek == "not";
            if (negate) Next();
            var op = Next();
            Func<JsonObject, bool> test = op switch
            {
                "like" => Like(field),
                "in" => In(field),
                "=" or "!=" or "<" or "<=" or ">" or ">=" when !negate => Compare(field, op),
                _ => throw new NotSupportedException($"operator '{op}'"),
            };
            return negate ? e => Field(e, field) is not null && !test(e) : test;
        }

        private Func<JsonObject, bool> Like(string field)
        {
            var pattern = PeekToken ?? throw new FormatException("like needs a pattern");
            Next();
            return pattern.Kind switch
            {
                'r' => e => Text(Field(e, field)) is { } v && Regex.IsMatch(v, pattern.Text, RegexOptions.None, TimeSpan.FromSeconds(1)),
                's' => e => Text(Field(e, field))?.Contains(pattern.Text, StringComparison.Ordinal) == true,
                _ => throw new FormatException("like needs /regex/ or \"text\""),
            };
        }

        private Func<JsonObject, bool> In(string field)
        {
            Expect("[");
            var values = new List<string>();
            while (Peek != "]") { if (Peek == ",") { Next(); continue; } values.Add(Next()); }
            Next();
            return e => Text(Field(e, field)) is { } v && values.Contains(v, StringComparer.Ordinal);
        }

        private Func<JsonObject, bool> Compare(string field, string op)
        {
            var literal = PeekToken ?? throw new FormatException($"{op} needs a value");
            Next();
            return e =>
            {
                var node = Field(e, field);
                if (node is null) return false;
                int c;
                if (literal.Kind == 'n')
                {
                    if (node is not JsonValue v || !double.TryParse(Text(v), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) return false;
                    c = x.CompareTo(double.Parse(literal.Text, CultureInfo.InvariantCulture));
                }
                else c = string.CompareOrdinal(Text(node), literal.Text);
                return op switch { "=" => c == 0, "!=" => c != 0, "<" => c < 0, "<=" => c <= 0, ">" => c > 0, _ => c >= 0 };
            };
        }
    }

    private static IEnumerable<List<Token>> Split(List<Token> tokens)
    {
        var command = new List<Token>();
        foreach (var t in tokens)
        {
            if (t is { Kind: 'p', Text: "|" }) { if (command.Count > 0) yield return command; command = []; }
            else command.Add(t);
        }
        if (command.Count > 0) yield return command;
    }

    private static List<Token> Tokenize(string query)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < query.Length;)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '#') { while (i < query.Length && query[i] != '\n') i++; continue; } // comment
            if (c is '"' or '\'')
            {
                var (text, next) = Quoted(query, i, c);
                tokens.Add(new(text, 's')); i = next; continue;
            }
            if (c == '/' && tokens.Count > 0 && tokens[^1].Text == "like")
            {
                var (text, next) = Quoted(query, i, '/');
                tokens.Add(new(text, 'r')); i = next; continue;
            }
            if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < query.Length && char.IsAsciiDigit(query[i + 1])))
            {
                var start = i++;
                while (i < query.Length && (char.IsAsciiLetterOrDigit(query[i]) || query[i] == '.')) i++;
                var text = query[start..i];
                tokens.Add(new(text, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? 'n' : 'w')); continue;
            }
            if (char.IsLetter(c) || c is '@' or '_')
            {
                var start = i;
                while (i < query.Length && (char.IsLetterOrDigit(query[i]) || query[i] is '@' or '_' or '.')) i++;
                tokens.Add(new(query[start..i], 'w')); continue;
            }
            var two = i + 1 < query.Length ? query.Substring(i, 2) : "";
            if (two is "!=" or "<=" or ">=") { tokens.Add(new(two, 'p')); i += 2; continue; }
            if ("|()[],=<>*".Contains(c, StringComparison.Ordinal)) { tokens.Add(new(c.ToString(), 'p')); i++; continue; }
            throw new NotSupportedException($"unexpected '{c}' in query");
        }
        return tokens;
    }

    /// <summary>Text between two delimiters; a backslash escapes the delimiter (kept as \/ inside a regex, where it means /).</summary>
    private static (string Text, int Next) Quoted(string query, int start, char delimiter)
    {
        var text = new StringBuilder();
        for (var i = start + 1; i < query.Length; i++)
        {
            if (query[i] == '\\' && i + 1 < query.Length && query[i + 1] == delimiter) { text.Append(delimiter); i++; continue; }
            if (query[i] == delimiter) return (text.ToString(), i + 1);
            text.Append(query[i]);
        }
        throw new FormatException($"unterminated {delimiter} in query");
    }
}
