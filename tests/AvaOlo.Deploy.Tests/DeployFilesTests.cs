using System.Text.RegularExpressions;

namespace AvaOlo.Deploy.Tests;

/// <summary>
/// No Docker engine or AWS here: these check the Dockerfile and the workflow say what the runbook promises, and
/// agree with the CDK app (paths, names, ports).
/// </summary>
public sealed partial class DeployFilesTests
{
    private static readonly string Root = RepoRoot.Find();
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(Root, "deploy", "Dockerfile"));
    private static readonly string Workflow = File.ReadAllText(Path.Combine(Root, ".github", "workflows", "deploy.yml"));

    private static IEnumerable<Match> Froms() => FromLine().Matches(Dockerfile);

    [Fact]
    public void Every_base_image_is_an_official_dotnet_image_from_mcr()
    {
        var froms = Froms().Select(m => m.Groups["image"].Value).Where(i => !i.StartsWith("runtime", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(froms);
        Assert.All(froms, i => Assert.StartsWith("mcr.microsoft.com/dotnet/", i, StringComparison.Ordinal));
        Assert.Contains(froms, i => i.StartsWith("mcr.microsoft.com/dotnet/sdk:", StringComparison.Ordinal));
        // ICU is needed (InvariantGlobalization=false): the chiseled "extra" variant carries it.
        Assert.Contains(froms, i => i.StartsWith("mcr.microsoft.com/dotnet/aspnet:", StringComparison.Ordinal) && i.EndsWith("-chiseled-extra", StringComparison.Ordinal));
        Assert.Matches(@"ARG DOTNET_VERSION=10\.0", Dockerfile);
    }

    [Fact]
    public void It_is_multi_stage_with_a_target_per_service()
    {
        var stages = Froms().Select(m => m.Groups["stage"].Value).ToList();
        Assert.Equal(["build", "runtime", "dashboards", "core"], stages);
        Assert.Equal("core", stages[^1]); // a plain `docker build` gives the core
    }

    [Fact]
    public void It_runs_as_a_non_root_user_on_port_8080()
    {
        Assert.Matches(@"(?m)^USER \$APP_UID\s*$", Dockerfile);
        Assert.DoesNotMatch(@"(?m)^USER (root|0)\b", Dockerfile);
        Assert.Matches(@"(?m)^EXPOSE 8080\s*$", Dockerfile);
        Assert.Matches(@"(?m)^ENV PORT=8080\b", Dockerfile);
        Assert.Contains("/health", Dockerfile, StringComparison.Ordinal); // documented health check
    }

    [Fact]
    public void Entrypoints_name_the_assemblies_the_projects_build()
    {
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"/app/AvaOlo.AgriculturalCore.dll\"]", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"/app/AvaOlo.MonitoringDashboards.dll\"]", Dockerfile, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Root, "src", "AvaOlo.AgriculturalCore", "AvaOlo.AgriculturalCore.csproj")));
        Assert.True(File.Exists(Path.Combine(Root, "src", "AvaOlo.MonitoringDashboards", "AvaOlo.MonitoringDashboards.csproj")));
        // The migration task runs `dotnet /cli/avaolo.dll migrate`: the CLI's assembly is named avaolo.
        var cli = File.ReadAllText(Path.Combine(Root, "src", "AvaOlo.Cli", "AvaOlo.Cli.csproj"));
        Assert.Contains("<AssemblyName>avaolo</AssemblyName>", cli, StringComparison.Ordinal);
        Assert.Contains("COPY --from=build /out/cli /cli", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("dotnet publish src/AvaOlo.Cli ", Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_and_local_secrets()
    {
        var ignore = File.ReadAllLines(Path.Combine(Root, ".dockerignore"));
        foreach (var entry in new[] { "**/bin/", "**/obj/", ".git/", ".avaolo/" })
            Assert.Contains(entry, ignore);
    }

    [Fact]
    public void The_workflow_uses_oidc_and_no_long_lived_keys()
    {
        Assert.Contains("id-token: write", Workflow, StringComparison.Ordinal);
        Assert.Contains("role-to-assume:", Workflow, StringComparison.Ordinal);
        Assert.DoesNotContain("aws-access-key-id", Workflow, StringComparison.Ordinal);
        Assert.DoesNotContain("AWS_SECRET_ACCESS_KEY", Workflow, StringComparison.Ordinal);
    }

    [Fact]
    public void The_workflow_tests_then_migrates_before_it_deploys_then_waits_for_health()
    {
        int At(string text)
        {
            var i = Workflow.IndexOf(text, StringComparison.Ordinal);
            Assert.True(i >= 0, $"workflow lacks: {text}");
            return i;
        }
        var test = At("AVAOLO_TEST_DB");
        var push = At("docker push");
        var migrate = At("aws ecs run-task");
        var deploy = At("cdk deploy AvaOloServices");
        var health = At("$url/health");
        Assert.True(test < push && push < migrate && migrate < deploy && deploy < health, "order: test, push, migrate, deploy, health");
        Assert.Contains("postgres:", Workflow, StringComparison.Ordinal); // a PostgreSQL service container for the tests
        Assert.Contains("--target core", Workflow, StringComparison.Ordinal);
        Assert.Contains("--target dashboards", Workflow, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?m)^FROM (?<image>\S+) AS (?<stage>\S+)\s*$")]
    private static partial Regex FromLine();
}
