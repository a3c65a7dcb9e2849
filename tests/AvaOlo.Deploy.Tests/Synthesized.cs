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
    public const string Domain = "api.avaolo.example";
    public const string ZoneId = "Z0123456789ABCDEFGHIJ";

    /// <summary>The settings each fixture synthesizes: Fargate with its public name (HTTPS is mandatory there), App Runner without.</summary>
    public static DeploySettings SettingsFor(Compute compute) => compute == Compute.Fargate
        ? new DeploySettings { Compute = compute, ImageTag = ImageTag, DomainName = Domain, HostedZoneId = ZoneId }
        : new DeploySettings { Compute = compute, ImageTag = ImageTag };

    protected Synthesized(Compute compute) : this(SettingsFor(compute)) { }

    protected Synthesized(DeploySettings settings)
    {
        Settings = settings;
        Compute = settings.Compute;
        var compute = settings.Compute;
        // Node 20 prints a support banner on every start; it is noise here.
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1");
        var outdir = Path.Combine(Path.GetTempPath(), $"avaolo-cdk-{compute}-{Guid.NewGuid():N}");
        var app = new App(new AppProps { Outdir = outdir });
        var stacks = AvaOloApp.Build(app, settings);
        Dr = Template.FromStack(stacks.Dr);
        Registry = Template.FromStack(stacks.Registry);
        Data = Template.FromStack(stacks.Data);
        Services = Template.FromStack(stacks.Services);
        DrJson = Parse(Dr);
        RegistryJson = Parse(Registry);
        DataJson = Parse(Data);
        ServicesJson = Parse(Services);
        try { Directory.Delete(outdir, recursive: true); } catch (IOException) { } // temp files only
    }

    public DeploySettings Settings { get; }
    public Compute Compute { get; }
    public Template Dr { get; }
    public Template Registry { get; }
    public Template Data { get; }
    public Template Services { get; }
    public JsonObject DrJson { get; }
    public JsonObject RegistryJson { get; }
    public JsonObject DataJson { get; }
    public JsonObject ServicesJson { get; }

    public IEnumerable<(string Stack, JsonObject Json)> All =>
        [("AvaOloDr", DrJson), ("AvaOloRegistry", RegistryJson), ("AvaOloData", DataJson), ("AvaOloServices", ServicesJson)];

    public static JsonObject Parse(Template t) =>
        JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(t.ToJSON()))!.AsObject();
}

public sealed class AppRunnerSynth() : Synthesized(Compute.AppRunner);

public sealed class FargateSynth() : Synthesized(Compute.Fargate);

/// <summary>App Runner with public names: the custom-domain association and its DNS records.</summary>
public sealed class AppRunnerDomainSynth() : Synthesized(new DeploySettings { Compute = Compute.AppRunner, ImageTag = ImageTag, DomainName = Domain, HostedZoneId = ZoneId });

/// <summary>One synthesis per choice for the whole assembly (each costs seconds of Node).</summary>
[CollectionDefinition(Name)]
public sealed class SynthCollection : ICollectionFixture<AppRunnerSynth>, ICollectionFixture<FargateSynth>, ICollectionFixture<AppRunnerDomainSynth>
{
    public const string Name = "synth";
}
