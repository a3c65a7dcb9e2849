using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Constructs;

namespace AvaOlo.Deploy;

/// <summary>One ECR repository per service. Tags are immutable: a commit SHA always means the same image.</summary>
public sealed class RegistryStack : Stack
{
    public RegistryStack(Construct scope, string id, IStackProps props) : base(scope, id, props)
    {
        foreach (var service in Names.Services)
        {
            var repo = new Repository(this, service, new RepositoryProps
            {
                RepositoryName = Names.Repository(service),
                ImageTagMutability = TagMutability.IMMUTABLE,
                ImageScanOnPush = true,
                RemovalPolicy = RemovalPolicy.RETAIN,
            });
            repo.AddLifecycleRule(new LifecycleRule { Description = "keep the last 100 images (rollback targets)", MaxImageCount = 100 });
        }
    }
}
