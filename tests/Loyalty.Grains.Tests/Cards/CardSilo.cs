using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Grains.Cards;
using Loyalty.Runtime.Core;
using Loyalty.Grains.Hosting;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Loyalty.Grains.Tests.Cards;

/// <summary>A silo hosting the real grains on a database of its own, on a manual clock; with a merchant and a program.</summary>
public sealed class CardSilo : IAsyncLifetime
{
    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public TestSilo Silo { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public IGrainFactory Grains => Silo.GrainFactory;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("cards");
        Silo = await TestSilo.StartAsync(ConnectionString, typeof(CardGrain).Assembly, Time, configureServices: services => services.AddLoyaltyGrains());
    }

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    /// <summary>A new merchant with a hybrid program: 10 stamps per reward, 10 points per EUR, a 500-point reward.</summary>
    public async Task<(Guid MerchantId, ProgramDefinition Program)> CreateProgramAsync(
        int cooldownSeconds = 0, int? maxStampsPerDay = null, PointExpiryPolicy? expiry = null, long welcomeBonus = 50)
    {
        var merchantId = Guid.NewGuid();
        var merchant = await Grains.GetGrain<IMerchantGrain>(merchantId).CreateAsync(new("Shop", $"shop-{merchantId:N}", "en", "test"));
        Assert.Null(merchant.Error);
        var programId = Guid.NewGuid();
        var definition = new ProgramDefinition
        {
            Id = programId.ToString("D"),
            MerchantId = merchantId.ToString("D"),
            Name = "Coffee club",
            Kind = ProgramKind.Hybrid,
            StampsRequired = 10,
            StampRewardName = "Free coffee",
            PointsPerCurrencyUnit = 10,
            Currency = "EUR",
            Rewards = [new RewardDefinition("new", "Mug", 500)],
            WelcomeBonusPoints = welcomeBonus,
            StampCooldownSeconds = cooldownSeconds,
            MaxStampsPerCardPerDay = maxStampsPerDay,
            PointExpiry = expiry ?? PointExpiryPolicy.None,
        };
        var created = await Grains.GetGrain<IProgramGrain>(programId).CreateAsync(new(definition, "test"));
        Assert.Null(created.Error);
        return (merchantId, created.Value!);
    }

    public static OperationOrigin Origin(Guid merchantId, string key, DateTimeOffset? occurredAt = null) =>
        new(merchantId, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Europe/Luxembourg", key, occurredAt);

    public async Task<CardView> EnrollAsync(Guid merchantId, ProgramDefinition program, string email)
    {
        var programId = Guid.Parse(program.Id);
        var outcome = await Grains.GetGrain<IEnrollmentGrain>(EnrollmentKeys.Of(programId, email))
            .EnrollAsync(new EnrollmentRequest(programId, new CustomerProfile("Ana Lima", email, "+352 621 000 000", new DateOnly(1990, 5, 17), "fr"), Origin(merchantId, $"enrol-{Guid.NewGuid():N}")));
        Assert.Equal(CardOutcomeStatus.Applied, outcome.Status);
        return outcome.Card!;
    }

    public async Task<long> ScalarAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
