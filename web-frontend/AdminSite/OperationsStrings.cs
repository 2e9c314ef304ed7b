namespace Loyalty.Web.AdminSite;

/// <summary>
/// The admin operations pages' texts (staff PINs, devices, cluster): <c>OperationsStrings.resx</c> (English) and its
/// fr, de and lb translations beside this file, read through <c>IStringLocalizer&lt;OperationsStrings&gt;</c>.
/// </summary>
public sealed class OperationsStrings;
