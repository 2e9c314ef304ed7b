using Loyalty.Grains.Customers;
using Loyalty.Web.Hosting;
using Loyalty.Web.OpenApi;
using Loyalty.Web.Problems;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.AppleWallet;

/// <summary>
/// Apple Wallet: the card page's download of the card's pass, and the PassKit web service passes update through
/// (docs/wallet-api.md): register and unregister a device, list a device's changed passes, the latest pass, device logs.
/// Every address answers 404 while Apple Wallet is not configured.
/// </summary>
public static partial class AppleWalletEndpoints
{
    /// <summary>pass.json's webServiceURL, relative to the site; devices add <c>/v1/...</c>.</summary>
    public const string WebServicePath = "/api/wallet/apple";

    public const string BasePath = WebServicePath + "/v1";

    /// <summary>The card page's pass download, under the card page's own (protected) address.</summary>
    public static string DownloadPath(string cardPagePath) => AppleWalletLinks.DownloadPath(cardPagePath);

    private const string Registration = "/devices/{deviceLibraryIdentifier}/registrations/{passTypeIdentifier}/{serialNumber}";

    public static IEndpointRouteBuilder MapAppleWallet(this IEndpointRouteBuilder app)
    {
        app.MapGet("/m/{merchantSlug}/card/{token}" + AppleWalletLinks.Suffix, DownloadAsync)
            .AddEndpointFilter<AppleWalletEnabledFilter>()
            .ExcludeFromDescription();

        var service = app.MapGroup(BasePath)
            .AddEndpointFilter<AppleWalletEnabledFilter>()
            .AddEndpointFilter<NoStoreFilter>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithTags("Apple Wallet");
        service.MapPost(Registration, RegisterAsync)
            .WithMetadata(ApiSecurity.ApplePass)
            .Produces(StatusCodes.Status201Created)
            .Produces(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        service.MapDelete(Registration, UnregisterAsync)
            .WithMetadata(ApiSecurity.ApplePass)
            .Produces(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        service.MapGet("/devices/{deviceLibraryIdentifier}/registrations/{passTypeIdentifier}", ChangedAsync)
            .Produces<SerialNumbersResponse>()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        service.MapGet("/passes/{passTypeIdentifier}/{serialNumber}", LatestPassAsync)
            .WithMetadata(ApiSecurity.ApplePass)
            .Produces(StatusCodes.Status200OK, contentType: PkpassWriter.ContentType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        service.MapPost("/log", Log)
            .Produces(StatusCodes.Status200OK)
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> DownloadAsync(
        string merchantSlug, string token, CustomerLinks links, ApplePasses passes, CancellationToken cancellationToken)
    {
        if (links.ReadCardToken(token) is not { } number || !Loyalty.GrainInterfaces.Cards.CardNumbers.IsValid(number)
            || await passes.FindAsync(number, cancellationToken) is not { } card || card.MerchantSlug != merchantSlug)
            return Results.NotFound();
        var pkpass = await passes.CreateAsync(card, cancellationToken);
        return Results.File(pkpass, PkpassWriter.ContentType, $"{card.MerchantSlug}-{card.CardNumber[^4..]}.pkpass");
    }

    private static async Task<IResult> RegisterAsync(
        string deviceLibraryIdentifier, string passTypeIdentifier, string serialNumber, RegistrationRequest request, HttpContext context,
        PassKitAuthentication authentication, ApplePassRegistrations registrations, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PassKitAuthentication.PresentedToken(context) is not { } token)
            return PassKitAuthentication.Unauthorized(context);
        var problem = new ValidationProblem().Device(deviceLibraryIdentifier).PassType(passTypeIdentifier).Serial(serialNumber).PushToken(request.PushToken);
        if (problem.HasErrors)
            return problem.ToResult();
        if (await authentication.CheckAsync(context, passTypeIdentifier, serialNumber, token, cancellationToken) is { } refused)
            return refused;
        return await registrations.RegisterAsync(deviceLibraryIdentifier, passTypeIdentifier, serialNumber, request.PushToken!, clock.GetUtcNow(), cancellationToken) switch
        {
            true => Results.StatusCode(StatusCodes.Status201Created),
            false => Results.Ok(),
            null => PassKitAuthentication.PassNotFound(),
        };
    }

    private static async Task<IResult> UnregisterAsync(
        string deviceLibraryIdentifier, string passTypeIdentifier, string serialNumber, HttpContext context,
        PassKitAuthentication authentication, ApplePasses passes, ApplePassRegistrations registrations, CancellationToken cancellationToken)
    {
        if (PassKitAuthentication.PresentedToken(context) is not { } token)
            return PassKitAuthentication.Unauthorized(context);
        var problem = new ValidationProblem().Device(deviceLibraryIdentifier).PassType(passTypeIdentifier).Serial(serialNumber);
        if (problem.HasErrors)
            return problem.ToResult();
        if (await authentication.CheckAsync(context, passTypeIdentifier, serialNumber, token, cancellationToken) is { } refused)
            return refused;
        if (await passes.FindAsync(serialNumber, cancellationToken) is null)
            return PassKitAuthentication.PassNotFound();
        await registrations.UnregisterAsync(deviceLibraryIdentifier, passTypeIdentifier, serialNumber, cancellationToken);
        return Results.Ok();
    }

    private static async Task<IResult> ChangedAsync(
        string deviceLibraryIdentifier, string passTypeIdentifier, string? passesUpdatedSince, IOptions<AppleWalletOptions> options,
        ApplePassRegistrations registrations, TimeProvider clock, CancellationToken cancellationToken)
    {
        var problem = new ValidationProblem().Device(deviceLibraryIdentifier).PassType(passTypeIdentifier)
            .When(!PassKitValidation.TryReadTag(passesUpdatedSince, out var since), "passesUpdatedSince", "passesUpdatedSince is the lastUpdated tag of an earlier answer.");
        if (problem.HasErrors)
            return problem.ToResult();
        if (passTypeIdentifier != options.Value.PassTypeIdentifier)
            return PassKitAuthentication.PassNotFound();
        var changed = await registrations.ChangedAsync(deviceLibraryIdentifier, passTypeIdentifier, since, cancellationToken);
        if (changed.Count == 0)
            return Results.NoContent();

        // The tag stays a commit window behind the clock (ApplePassRegistrations.CommitWindow); it never goes backwards.
        var newest = changed.Max(c => c.ModifiedAt);
        var behind = clock.GetUtcNow() - ApplePassRegistrations.CommitWindow;
        var tag = newest < behind ? newest : behind;
        if (since is { } previous && tag < previous)
            tag = previous;
        return Results.Ok(new SerialNumbersResponse([.. changed.Select(c => c.SerialNumber)], PassKitValidation.Tag(tag)));
    }

    private static async Task<IResult> LatestPassAsync(
        string passTypeIdentifier, string serialNumber, HttpContext context, PassKitAuthentication authentication, ApplePasses passes,
        CancellationToken cancellationToken)
    {
        if (PassKitAuthentication.PresentedToken(context) is not { } token)
            return PassKitAuthentication.Unauthorized(context);
        var problem = new ValidationProblem().PassType(passTypeIdentifier).Serial(serialNumber);
        if (problem.HasErrors)
            return problem.ToResult();
        if (await authentication.CheckAsync(context, passTypeIdentifier, serialNumber, token, cancellationToken) is { } refused)
            return refused;
        if (await passes.FindAsync(serialNumber, cancellationToken) is not { } card)
            return PassKitAuthentication.PassNotFound();

        // HTTP dates have whole seconds: the pass is unchanged when its card's last change is not after the date sent.
        var lastModified = new DateTimeOffset(card.ModifiedAt.UtcTicks - (card.ModifiedAt.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var headers = context.Response.GetTypedHeaders();
        headers.LastModified = lastModified;
        if (context.Request.GetTypedHeaders().IfModifiedSince is { } since && lastModified <= since)
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(await passes.CreateAsync(card, cancellationToken), PkpassWriter.ContentType);
    }

    private static IResult Log(LogRequest request, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problem = new ValidationProblem().Logs(request.Logs);
        if (problem.HasErrors)
            return problem.ToResult();
        var logger = loggers.CreateLogger(typeof(AppleWalletEndpoints).FullName!);
        foreach (var message in request.Logs!)
            LogDeviceMessage(logger, PassKitLogText.Clean(message!));
        return Results.Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Apple Wallet device log: {Message}")]
    private static partial void LogDeviceMessage(ILogger logger, string message);
}
