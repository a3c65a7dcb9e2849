using AvaOlo.AgriculturalCore.Assistant.Matching;

namespace AvaOlo.AgriculturalCore.Assistant.RuleBased.Understanding;

/// <summary>
/// A multi-class averaged perceptron over <see cref="Features"/>: a linear model, trained in well under a second at
/// start-up from the phrasings in the repository, a few hundred kilobytes in memory, and a few microseconds per
/// question. Averaging the weights over every step keeps the last examples from dominating, which matters with a small
/// hand-written training set. Immutable once trained, so one instance serves every request at once.
/// </summary>
public sealed class IntentModel
{
    private readonly string[] _labels;
    private readonly Dictionary<ulong, float[]> _weights;

    private IntentModel(string[] labels, Dictionary<ulong, float[]> weights) => (_labels, _weights) = (labels, weights);

    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Trains on (label, text) pairs in a fixed order per epoch: the same data always gives the same model.</summary>
    public static IntentModel Train(IReadOnlyList<(string Label, string Text)> examples, int epochs = 12)
    {
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var data = examples.Select(e => (Label: index[e.Label], Features: Features.Of(TextMatch.LatinWords(e.Text)).ToArray())).ToArray();
        var weights = new Dictionary<ulong, float[]>();
        var totals = new Dictionary<ulong, float[]>();   // sum over steps of each weight's value, for the average
        var stamps = new Dictionary<ulong, int[]>();     // the step each weight last changed at
        var random = new Random(17);
        var step = 1;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(data);
            foreach (var (label, features) in data)
            {
                var guess = Best(Scores(weights, features, labels.Length));
                if (guess != label)
                    foreach (var f in features)
                    {
                        Update(f, label, +1);
                        Update(f, guess, -1);
                    }
                step++;
            }
        }
        // Averaged weights: each weight's value summed over every step, divided by the number of steps.
        var averaged = new Dictionary<ulong, float[]>(weights.Count);
        foreach (var (f, w) in weights)
        {
            var avg = new float[labels.Length];
            for (var c = 0; c < labels.Length; c++)
                avg[c] = (totals[f][c] + (step - stamps[f][c]) * w[c]) / step;
            averaged[f] = avg;
        }
        return new IntentModel(labels, averaged);

        void Update(ulong f, int c, float delta)
        {
            if (!weights.TryGetValue(f, out var w))
            {
                weights[f] = w = new float[labels.Length];
                totals[f] = new float[labels.Length];
                stamps[f] = new int[labels.Length];
            }
            totals[f][c] += (step - stamps[f][c]) * w[c];
            stamps[f][c] = step;
            w[c] += delta;
        }
    }

    /// <summary>The labels, best first.</summary>
    public string[] Predict(string[] words)
    {
        var scores = Scores(_weights, Features.Of(words), _labels.Length);
        var order = Enumerable.Range(0, _labels.Length).ToArray();
        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]));
        return order.Select(i => _labels[i]).ToArray();
    }

    private static float[] Scores(Dictionary<ulong, float[]> weights, IEnumerable<ulong> features, int labels)
    {
        var scores = new float[labels];
        foreach (var f in features)
            if (weights.TryGetValue(f, out var w))
                for (var c = 0; c < labels; c++) scores[c] += w[c];
        return scores;
    }

    private static int Best(float[] scores)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++) if (scores[c] > scores[best]) best = c;
        return best;
    }
}
