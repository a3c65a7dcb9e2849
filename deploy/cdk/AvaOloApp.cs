using Amazon.CDK;

namespace AvaOlo.Deploy;

/// <summary>
/// Four stacks, deployed in this order: the disaster-recovery vault in drRegion (rarely changed), the image registry
/// (so images can be pushed before anything runs them), the data stack (network, Aurora and its backups, Redis,
/// secrets, the migration task: long-lived) and the services stack (compute, alarms, dashboard, saved log queries:
/// redeployed with every image tag, rolled back on its own).
/// </summary>
public static class AvaOloApp
{
    public sealed record Stacks(DrStack Dr, RegistryStack Registry, DataStack Data, ServicesStack Services);

    public static Stacks Build(App app, DeploySettings settings, Amazon.CDK.Environment? env = null)
    {
        settings.Validate();
        var dr = new DrStack(app, "AvaOloDr", new StackProps
        {
            Env = new Amazon.CDK.Environment { Account = env?.Account, Region = settings.DrRegion },
            Description = "AVA OLO: disaster-recovery backup vault (weekly copies of the Aurora snapshots)",
        });
        var registry = new RegistryStack(app, "AvaOloRegistry", new StackProps { Env = env, Description = "AVA OLO: container image repositories" });
        var data = new DataStack(app, "AvaOloData", settings, new StackProps { Env = env, Description = "AVA OLO: network, Aurora PostgreSQL farmer_crm and its backups, Redis, secrets, migration task" });
        data.AddDependency(dr); // the copy target must exist before the first weekly copy
        var services = new ServicesStack(app, "AvaOloServices", settings, data,
            new StackProps { Env = env, Description = $"AVA OLO: services on {settings.Compute}, alarms, dashboard, log queries" });
        services.AddDependency(data);
        foreach (var stack in new Stack[] { dr, registry, data, services })
            Tags.Of(stack).Add("project", "ava-olo");
        return new(dr, registry, data, services);
    }
}
