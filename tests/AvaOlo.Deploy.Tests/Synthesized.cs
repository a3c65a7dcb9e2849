using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace AvaOlo.Deploy.Tests;

/// <summary>
/// One synthesis per compute choice, shared by every test of a class: synth costs seconds (it starts Node), the
/// assertions milliseconds. Templates are also kept as JSON for checks Template.* cannot express.
/// </summary>
public abstract class Synthesized
{
    public const string ImageTag = "0123abc";

    protected Synthesized(Compute compute)
    {
        Compute = compute;
        // Node 20 prints a support banner on every start; it is noise here.
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1");
        var outdir = Path.Combine(Path.GetTempPath(), $"avaolo-cdk-{compute}-{Guid.NewGuid():N}");
        var app = new App(new AppProps { Outdir = outdir });
        var stacks = AvaOloApp.Build(app, new DeploySettings { Compute = compute, ImageTag = ImageTag });
        Registry = Template.FromStack(stacks.Registry);
        Data = Template.FromStack(stacks.Data);
        Services = Template.FromStack(stacks.Services);
        RegistryJson = Parse(Registry);
        DataJson = Parse(Data);
        ServicesJson = Parse(Services);
        try { Directory.Delete(outdir, recursive: true); } catch (IOException) { } // temp files only
    }

    public Compute Compute { get; }
    public Template Registry { get; }
    public Template Data { get; }
    public Template Services { get; }
    public JsonObject RegistryJson { get; }
    public JsonObject DataJson { get; }
    public JsonObject ServicesJson { get; }

    public IEnumerable<(string Stack, JsonObject Json)> All =>
        [("AvaOloRegistry", RegistryJson), ("AvaOloData", DataJson), ("AvaOloServices", ServicesJson)];

    private static JsonObject Parse(Template t) =>
        JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(t.ToJSON()))!.AsObject();
}

public sealed class AppRunnerSynth() : Synthesized(Compute.AppRunner);

public sealed class FargateSynth() : Synthesized(Compute.Fargate);
