using Loyalty.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLoyaltyLogging();
builder.AddLoyaltySilo();

var app = builder.Build();
app.UseLoyaltyRequestLogging();
app.MapLoyaltyHealthChecks();
app.Run();
