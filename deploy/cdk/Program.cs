using Amazon.CDK;
using AvaOlo.Deploy;

// cdk synth|deploy <stack> -c compute=apprunner|fargate -c imageTag=<sha> …: see deploy/README.md.
// Stacks are environment-agnostic (account and region come from the deploying credentials), so what is
// deployed is exactly what tests/AvaOlo.Deploy.Tests synthesizes offline.
var app = new App();
try
{
    AvaOloApp.Build(app, DeploySettings.FromContext(k => app.Node.TryGetContext(k)?.ToString()));
    app.Synth();
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"ava-olo deploy: {e.Message}");
    return 2;
}
