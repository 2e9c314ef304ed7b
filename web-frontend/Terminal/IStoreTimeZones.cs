namespace Loyalty.Web.Terminal;

/// <summary>The IANA time zone of a store: card rules count days (daily caps) in it.</summary>
public interface IStoreTimeZones
{
    Task<string> GetAsync(Guid storeId, CancellationToken cancellationToken);
}
