using Loyalty.Grains.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLoyaltyLogging();
builder.AddLoyaltySilo();

var app = builder.Build();
app.MapLoyaltyHealthChecks();
app.Run();
