using AvaOlo.AgriculturalCore.Assistant.Matching;

namespace AvaOlo.AgriculturalCore.Assistant.RuleBased.Understanding;

/// <summary>
/// A multi-class averaged perceptron over <see cref="Features"/>: a linear model, trained as the service starts from
/// the phrasings in the repository (3,500 of them: under a second on two cores), about 4 MB in memory, and a few
/// microseconds per question. Averaging the weights over every step keeps the last examples from dominating, which matters with a small
/// hand-written training set. Immutable once trained, so one instance serves every request at once.
/// </summary>
public sealed class IntentModel
{
    private readonly string[] _labels;
    private readonly Dictionary<ulong, float[]> _weights;

    private IntentModel(string[] labels, Dictionary<ulong, float[]> weights) => (_labels, _weights) = (labels, weights);

    public IReadOnlyList<string> Labels => _labels;

    /// <summary>
    /// Trains on (label, text) pairs: <paramref name="orders"/> models, each on its own fixed shuffle of the examples,
    /// summed into one. A single perceptron depends on the order it saw the examples in, so a handful of new training
    /// lines could move answers to unrelated questions; the sum of five orders is steadier and generalises better to
    /// phrasings it never saw (bench/results/assistant.md). The same data always gives the same model.
    /// </summary>
    public static IntentModel Train(IReadOnlyList<(string Label, string Text)> examples, int epochs = 12, int orders = 5)
    {
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        // Features numbered densely while training: weights in arrays, not a dictionary lookup per feature and step,
        // which made training seconds long (it runs on a quarter of a CPU in production).
        var ids = new Dictionary<ulong, int>();
        var data = examples.Select(e => (Label: index[e.Label], Features: Features.Of(TextMatch.LatinWords(e.Text)).Select(Id).ToArray())).ToArray();
        var sum = new float[ids.Count * labels.Length];
        for (var seed = 17; seed < 17 + orders; seed++)
        {
            var weights = TrainOnce(labels.Length, [.. data], ids.Count, epochs, seed);
            for (var k = 0; k < sum.Length; k++) sum[k] += weights[k];
        }
        var model = new Dictionary<ulong, float[]>(ids.Count);
        foreach (var (feature, id) in ids)
        {
            var w = sum.AsSpan(id * labels.Length, labels.Length);
            if (w.ContainsAnyExcept(0f)) model[feature] = w.ToArray();
        }
        return new IntentModel(labels, model);

        int Id(ulong feature)
        {
            if (!ids.TryGetValue(feature, out var id)) ids[feature] = id = ids.Count;
            return id;
        }
    }

    /// <summary>One averaged perceptron: its weights, feature by feature, label by label.</summary>
    /// <param name="data">Shuffled in place, epoch by epoch.</param>
    private static float[] TrainOnce(int labels, (int Label, int[] Features)[] data, int features, int epochs, int seed)
    {
        var weights = new float[features * labels];
        var totals = new float[features * labels];   // sum over steps of each weight's value, for the average
        var stamps = new int[features * labels];     // the step each weight last changed at
        var scores = new float[labels];
        var random = new Random(seed);
        var step = 1;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(data);
            foreach (var (label, fs) in data)
            {
                Array.Clear(scores);
                foreach (var f in fs)
                    for (var c = 0; c < labels; c++) scores[c] += weights[f * labels + c];
                var guess = Best(scores);
                if (guess != label)
                    foreach (var f in fs)
                    {
                        Update(f * labels + label, +1);
                        Update(f * labels + guess, -1);
                    }
                step++;
            }
        }
        // Averaged weights: each weight's value summed over every step, divided by the number of steps.
        var averaged = new float[weights.Length];
        for (var k = 0; k < weights.Length; k++) averaged[k] = (totals[k] + (step - stamps[k]) * weights[k]) / step;
        return averaged;

        void Update(int k, float delta)
        {
            totals[k] += (step - stamps[k]) * weights[k];
            stamps[k] = step;
            weights[k] += delta;
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
