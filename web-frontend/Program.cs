using Loyalty.Silo.Hosting;
using Loyalty.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLoyaltyLogging();
builder.AddLoyaltyGrains();
builder.AddLoyaltyWeb();

var app = builder.Build();
app.UseLoyaltyWeb();
app.Run();

/// <summary>Visible to tests that host the frontend.</summary>
public partial class Program;
