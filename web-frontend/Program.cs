using Loyalty.Silo.Hosting;
using Loyalty.Web.Hosting;
using Loyalty.Web.Site;

var builder = WebApplication.CreateBuilder(args);
builder.AddLoyaltyLogging();
builder.AddLoyaltyGrains();
builder.AddLoyaltyWeb();
builder.AddLoyaltySite();

var app = builder.Build();
app.UseLoyaltyWeb();
app.Run();

/// <summary>Visible to tests that host the frontend.</summary>
public partial class Program;
