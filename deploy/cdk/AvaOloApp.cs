using Amazon.CDK;

namespace AvaOlo.Deploy;

/// <summary>
/// Three stacks, deployed in this order: the image registry (so images can be pushed before anything runs them),
/// the data stack (network, Aurora, secrets, the migration task: long-lived, rarely changed) and the services
/// stack (compute, alarms, dashboard: redeployed with every image tag, rolled back on its own).
/// </summary>
public static class AvaOloApp
{
    public sealed record Stacks(RegistryStack Registry, DataStack Data, ServicesStack Services);

    public static Stacks Build(App app, DeploySettings settings, Amazon.CDK.Environment? env = null)
    {
        var registry = new RegistryStack(app, "AvaOloRegistry", new StackProps { Env = env, Description = "AVA OLO: container image repositories" });
        var data = new DataStack(app, "AvaOloData", settings, new StackProps { Env = env, Description = "AVA OLO: network, Aurora PostgreSQL farmer_crm, secrets, migration task" });
        var services = new ServicesStack(app, "AvaOloServices", settings, data,
            new StackProps { Env = env, Description = $"AVA OLO: services on {settings.Compute}, alarms, dashboard" });
        services.AddDependency(data);
        foreach (var stack in new Stack[] { registry, data, services })
            Tags.Of(stack).Add("project", "ava-olo");
        return new(registry, data, services);
    }
}
