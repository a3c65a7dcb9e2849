using AvaOlo.AgriculturalCore;
using AvaOlo.AgriculturalCore.Assistant;
using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.AgriculturalCore.DataRights;
using AvaOlo.AgriculturalCore.Docs;
using AvaOlo.AgriculturalCore.Farmers;
using AvaOlo.AgriculturalCore.Fields;
using AvaOlo.AgriculturalCore.Materials;
using AvaOlo.AgriculturalCore.Plantings;
using AvaOlo.AgriculturalCore.ScaleOut;
using AvaOlo.AgriculturalCore.Tasks;
using AvaOlo.AgriculturalCore.WhatsApp;
using AvaOlo.Data.Hosting;
using AvaOlo.ServiceDefaults;

const string Service = "ava-olo-agricultural-core";
var builder = WebApplication.CreateBuilder(args);
builder.UseAvaOloHosting();
builder.AddAvaOloTelemetry(Service);
builder.Services.AddRolledUpMetrics(AvaOloMetrics.All);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddAvaOloDatabase();
builder.Services.AddDatabaseOutageAnswers();
builder.Services.AddAvaOloApiDefaults();
builder.Services.AddApiKeyAuth();
builder.Services.AddScaleOut(builder.Configuration);
builder.Services.AddFarmerRateLimiting();
builder.Services.AddAssistant();
builder.Services.AddWhatsApp();
builder.Services.AddDataRights();
builder.Services.AddApiDocs();
builder.Services.AddOutputCache();

var app = builder.Build();
app.UseAvaOloTelemetry();
app.UseAvaOloErrorHandling();
app.UseSchemaGate("/api");
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseOutputCache();

app.MapAvaOloHealth(Service);
app.MapApiDocs();
app.MapFarmers();
app.MapFields();
app.MapPlantings();
app.MapTasks();
app.MapMaterials();
app.MapAssistant();
app.MapWhatsApp();
app.MapDataRights();

return await HostRunner.RunAsync(app, Service);

public partial class Program;
