using System.Net;
using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Wallet.Api;
using Loyalty.Wallet.Passes;
using Microsoft.Extensions.Options;

namespace Loyalty.Wallet.Resync;

/// <summary>
/// Inserts the program's class (409: it exists, so it is updated with the current name and logo, still UNDER_REVIEW),
/// once per activation: the first object of a program after a restart also refreshes its class.
/// </summary>
public sealed class GoogleWalletClassGrain(GoogleWalletApi api, IOptions<GoogleWalletOptions> options) : Grain, IGoogleWalletClassGrain
{
    private bool _written;

    public async Task<string?> EnsureAsync()
    {
        if (_written)
        {
            return null;
        }

        var settings = options.Value;
        var programId = this.GetPrimaryKey();
        if (await GrainFactory.GetGrain<IProgramGrain>(programId).GetAsync() is not { } program)
        {
            return $"Program {programId} does not exist.";
        }

        var merchant = await GrainFactory.GetGrain<IMerchantGrain>(Guid.Parse(program.MerchantId)).GetAsync();
        var json = LoyaltyClassJson.Of(settings.IssuerId!, programId, program, merchant?.Name ?? program.Name, settings.LogoUrl!);
        var result = await api.InsertClassAsync(json, CancellationToken.None);
        if (result.Status == HttpStatusCode.Conflict)
        {
            result = await api.UpdateClassAsync(WalletIds.Class(settings.IssuerId!, programId), json, CancellationToken.None);
        }

        if (!result.Succeeded)
        {
            return $"Class {WalletIds.Class(settings.IssuerId!, programId)}: {result.Describe()}";
        }

        _written = true;
        return null;
    }
}
