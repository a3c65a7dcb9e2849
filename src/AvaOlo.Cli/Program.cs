// avaolo — the operations tool. Each command lives in Commands/, demo data generation in Seeding/.
//   migrate             create/upgrade the schema and the reference catalogue (advisory-locked)
//   seed                deterministic multi-country demo data, always with the PRODUCT.md test farmers
//   create-user         dashboard login (admin | agronomist | business)
//   create-api-key      API key, optionally bound to one farmer
//   demo-credentials    idempotent demo keys and login for run.sh
//   whatsapp            send a signed WhatsApp webhook and print the reply; run the Cloud API stand-in
return await AvaOlo.Cli.Cli.RunAsync(args, Console.Out, Console.Error);

// Internal: the ASP.NET Core framework (which comes with AvaOlo.Data, and the WhatsApp stand-in) would otherwise make the
// top-level Program public, clashing with the services' Program in test projects that reference both.
internal sealed partial class Program;
