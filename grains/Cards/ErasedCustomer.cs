using Loyalty.GrainInterfaces.Cards;

namespace Loyalty.Grains.Cards;

/// <summary>
/// The customer of a card whose personal data was erased: no name, e-mail, phone or birthday. The locale stays (a
/// language, nothing that identifies anyone). Its read-model row stores NULL for name and e-mail.
/// </summary>
public static class ErasedCustomer
{
    public static CustomerProfile For(string locale) => new(string.Empty, string.Empty, null, null, locale);

    public static bool IsErased(this CustomerProfile customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return customer.Email.Length == 0;
    }
}
