// avaolo — the operations tool. Each command lives in Commands/, demo data generation in Seeding/.
//   migrate             create/upgrade the schema and the reference catalogue (advisory-locked)
//   seed                deterministic multi-country demo data, always with the PRODUCT.md test farmers
//   create-user         dashboard login (admin | agronomist | business)
//   create-api-key      API key, optionally bound to one farmer
//   demo-credentials    idempotent demo keys and login for run.sh
return await AvaOlo.Cli.Cli.RunAsync(args, Console.Out, Console.Error);

/// <summary>
/// Internal: the ASP.NET Core framework that comes with AvaOlo.Data would otherwise make it public (its source generator
/// does so for test hosts), and the core's tests reference this program beside the core's.
/// </summary>
internal partial class Program;
