using System.Globalization;
using System.Text;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.RuleBased.Understanding;

/// <summary>bench/results/assistant.md: accuracy per kind × variant, held-out and dev side by side.</summary>
public static class AccuracyReport
{
    private static readonly string[] Variants = ["sl", "hr", "bg", "hu", "sr", "sr-Cyrl", "de", "it", "en"];

    public static string Markdown(List<EvalResult> dev, List<EvalResult> heldOut)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        string Pct(IEnumerable<EvalResult> rs) { var l = rs.ToList(); return l.Count == 0 ? "–" : string.Create(inv, $"{l.Count(r => r.Correct)}/{l.Count}"); }
        string Share(IEnumerable<EvalResult> rs) { var l = rs.ToList(); return l.Count == 0 ? "–" : (l.Count(r => r.Correct) / (double)l.Count).ToString("P1", inv); }
        sb.AppendLine("# Offline assistant: understanding accuracy").AppendLine();
        sb.AppendLine(string.Create(inv, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `bench/assistant.sh`. No model: every answer is rule-based (`method: offline`)."));
        sb.AppendLine();
        sb.AppendLine(string.Create(inv, $"**Held-out: {Share(heldOut)} correct ({Pct(heldOut)}), reply language right in {heldOut.Count(r => r.LanguageRight)}/{heldOut.Count}.** "
            + $"Dev: {Share(dev)} ({Pct(dev)}), language right in {dev.Count(r => r.LanguageRight)}/{dev.Count}."));
        sb.AppendLine();
        foreach (var (title, rows) in new[] { ("Held-out rows (never trained on, errors not inspected)", heldOut), ("Dev rows (errors inspected while building)", dev) })
        {
            sb.AppendLine($"## {title}").AppendLine();
            sb.AppendLine("| kind | " + string.Join(" | ", Variants) + " | all |");
            sb.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", Variants.Length + 1)));
            foreach (var kind in rows.Select(r => r.Row.Kind).Distinct().Order(StringComparer.Ordinal))
                sb.AppendLine($"| {kind} | " + string.Join(" | ", Variants.Select(v => Pct(rows.Where(r => r.Row.Kind == kind && r.Row.Variant == v))))
                    + $" | {Share(rows.Where(r => r.Row.Kind == kind))} |");
            sb.AppendLine("| **all** | " + string.Join(" | ", Variants.Select(v => Share(rows.Where(r => r.Row.Variant == v)))) + $" | **{Share(rows)}** |");
            sb.AppendLine();
        }
        var all = dev.Concat(heldOut).Select(r => r.Ms).Order().ToList();
        sb.AppendLine(string.Create(inv, $"Latency per question through HTTP in the test host (not a load test; see bench/results/latest.md): median {all[all.Count / 2]:0.0} ms, p95 {all[(int)(all.Count * 0.95)]:0.0} ms."));
        sb.AppendLine();
        sb.AppendLine("## Wrong answers in the dev rows (up to 40)").AppendLine();
        foreach (var r in dev.Where(r => !r.Correct).Take(40)) sb.AppendLine($"- {r.ToString().Replace("|", "\\|", StringComparison.Ordinal)}");
        return sb.ToString();
    }
}
