using Amazon.CDK;
using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.RDS;
using Constructs;

namespace AvaOlo.Deploy;

/// <summary>
/// Weekly AWS Backup snapshots of the Aurora cluster, each copied to the vault ava-olo-dr in drRegion (the AvaOloDr
/// stack): the region-loss copy that Aurora's own backups (same region, 7 days) are not. Saturdays 23:00 UTC, away
/// from the automated backup (01:00–02:00) and the maintenance window (Sundays 03:00–05:00).
/// </summary>
internal static class Backups
{
    public static BackupPlan Create(Stack stack, DeploySettings settings, IDatabaseCluster cluster)
    {
        var vault = new BackupVault(stack, "BackupVault", new BackupVaultProps { BackupVaultName = Names.BackupVault, RemovalPolicy = RemovalPolicy.RETAIN });
        // Another region: no CloudFormation reference can cross it, so the vault is named by its ARN.
        var drVault = BackupVault.FromBackupVaultArn(stack, "DrVault",
            $"arn:{Aws.PARTITION}:backup:{settings.DrRegion}:{Aws.ACCOUNT_ID}:backup-vault:{Names.DrBackupVault}");
        var plan = new BackupPlan(stack, "BackupPlan", new BackupPlanProps { BackupPlanName = Names.BackupPlan, BackupVault = vault });
        plan.AddRule(new BackupPlanRule(new BackupPlanRuleProps
        {
            RuleName = "weekly-copy-to-dr-region",
            ScheduleExpression = Schedule.Cron(new CronOptions { WeekDay = "SAT", Hour = "23", Minute = "0" }),
            StartWindow = Duration.Hours(1),
            CompletionWindow = Duration.Hours(4),
            DeleteAfter = Duration.Days(settings.WeeklyBackupRetentionDays),
            CopyActions = [new BackupPlanCopyActionProps { DestinationBackupVault = drVault, DeleteAfter = Duration.Days(settings.DrCopyRetentionDays) }],
        }));
        plan.AddSelection("Aurora", new BackupSelectionOptions
        {
            BackupSelectionName = "farmer-crm",
            Resources = [BackupResource.FromRdsDatabaseCluster(cluster)],
            AllowRestores = true,
        });
        // A copy into the same region protects against nothing: refuse to deploy it.
        _ = new Amazon.CDK.CfnRule(stack, "DrRegionDiffers", new Amazon.CDK.CfnRuleProps
        {
            Assertions =
            [
                new CfnRuleAssertion
                {
                    Assert = Fn.ConditionNot(Fn.ConditionEquals(settings.DrRegion, Aws.REGION)),
                    AssertDescription = $"drRegion ({settings.DrRegion}) must differ from the region of this stack: pass -c drRegion=<another region>",
                },
            ],
        });
        return plan;
    }
}

/// <summary>The disaster-recovery region's half: the vault the weekly snapshots are copied into. Deployed once, before AvaOloData.</summary>
public sealed class DrStack : Stack
{
    public DrStack(Construct scope, string id, IStackProps props) : base(scope, id, props)
    {
        var vault = new BackupVault(this, "DrVault", new BackupVaultProps { BackupVaultName = Names.DrBackupVault, RemovalPolicy = RemovalPolicy.RETAIN });
        _ = new CfnOutput(this, "DrVaultArn", new CfnOutputProps { Value = vault.BackupVaultArn });
    }
}
