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
        var test = At("run: ./test.sh");
        var push = At("docker push");
        var migrate = At("aws ecs run-task");
        var deploy = At("cdk deploy AvaOloServices");
        var health = At("$url/health");
        Assert.True(test < push && push < migrate && migrate < deploy && deploy < health, "order: test, push, migrate, deploy, health");
        Assert.Contains("--target core", Workflow, StringComparison.Ordinal);
        Assert.Contains("--target dashboards", Workflow, StringComparison.Ordinal);
    }

    [Fact]
    public void The_test_job_runs_on_ubuntu_24_04_with_its_own_postgresql_whatever_the_version()
    {
        var job = Workflow[Workflow.IndexOf("  test:", StringComparison.Ordinal)..Workflow.IndexOf("  images:", StringComparison.Ordinal)];
        Assert.Contains("runs-on: ubuntu-24.04", job, StringComparison.Ordinal);
        Assert.DoesNotContain("postgres:15", job, StringComparison.Ordinal); // no pinned container: the runner has 16
        Assert.Contains("./test.sh", job, StringComparison.Ordinal);
        foreach (var script in new[] { "scripts/postgres.sh", "bench/lib/pg-scratch.sh", "bench/run.sh" })
            Assert.DoesNotMatch(@"postgresql/15|postgresql-client-15|PG_VERSION:-15|pg_ctlcluster 15", File.ReadAllText(Path.Combine(Root, script)));
    }

    [Fact]
    public void The_scripts_find_the_postgresql_installed_here()
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash", ["-c", ". scripts/postgres.sh; avaolo_pg_version"])
        {
            WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment.Remove("AVAOLO_PG_VERSION");
        using var p = System.Diagnostics.Process.Start(start)!;
        var version = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        Assert.Matches("^[0-9]+$", version);
        Assert.True(File.Exists($"/usr/lib/postgresql/{version}/bin/postgres"), $"version {version} has no server binary");
    }

    [Fact]
    public void The_app_runner_domain_step_turns_validation_records_into_one_route53_upsert_each()
    {
        // The shape of DescribeCustomDomains (App Runner API reference), with the lower-case status responses carry.
        const string described = """
            {"DNSTarget":"abc.eu-central-1.awsapprunner.com","ServiceArn":"arn:aws:apprunner:eu-central-1:123456789012:service/ava-olo-agricultural-core/0123",
             "CustomDomains":[{"DomainName":"api.avaolo.example","EnableWWWSubdomain":false,"Status":"pending_certificate_dns_validation",
               "CertificateValidationRecords":[
                 {"Name":"_1a.api.avaolo.example.","Type":"CNAME","Value":"_2b.acm-validations.aws.","Status":"PENDING_VALIDATION"},
                 {"Name":"_3c.2a57j77.api.avaolo.example.","Type":"CNAME","Value":"2a57j77.acm-validations.aws.","Status":"PENDING_VALIDATION"},
                 {"Name":"_1a.api.avaolo.example.","Type":"CNAME","Value":"_2b.acm-validations.aws.","Status":"PENDING_VALIDATION"}]}]}
            """;
        var start = new System.Diagnostics.ProcessStartInfo("bash", [Path.Combine(Root, "deploy", "apprunner-domain.sh"), "--change-batch"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var p = System.Diagnostics.Process.Start(start)!;
        p.StandardInput.Write(described);
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
        var changes = System.Text.Json.Nodes.JsonNode.Parse(output)!["Changes"]!.AsArray();
        Assert.Equal(2, changes.Count); // the repeated record once
        Assert.All(changes, c => Assert.Equal("UPSERT", (string?)c!["Action"]));
        Assert.All(changes, c => Assert.Equal("CNAME", (string?)c!["ResourceRecordSet"]!["Type"]));
        Assert.Contains(changes, c => (string?)c!["ResourceRecordSet"]!["Name"] == "_3c.2a57j77.api.avaolo.example."
            && (string?)c["ResourceRecordSet"]!["ResourceRecords"]![0]!["Value"] == "2a57j77.acm-validations.aws.");
    }

    [GeneratedRegex(@"(?m)^FROM (?<image>\S+) AS (?<stage>\S+)\s*$")]
    private static partial Regex FromLine();
}
