using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Security;

/// <summary>
/// Protects authentication cookies with a key purpose per tenant: a cookie issued by PD A cannot even
/// be decrypted on PD B. The keys themselves are shared by all nodes (Redis or App_Data).
/// </summary>
public sealed class TenantTicketFormat(IDataProtectionProvider protection, IHttpContextAccessor http) : ISecureDataFormat<AuthenticationTicket>
{
    private readonly TicketSerializer _serializer = TicketSerializer.Default;

    public string Protect(AuthenticationTicket data) => Protect(data, null);

    public string Protect(AuthenticationTicket data, string? purpose) =>
        Base64UrlTextEncoder.Encode(Protector(purpose).Protect(_serializer.Serialize(data)));

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText)) return null;
        try
        {
            return _serializer.Deserialize(Protector(purpose).Unprotect(Base64UrlTextEncoder.Decode(protectedText)));
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }

    private IDataProtector Protector(string? purpose)
    {
        var tenant = http.HttpContext?.RequestServices.GetRequiredService<TenantContext>();
        var tenantName = tenant is { HasTenant: true } ? tenant.Name : "(none)";
        return protection.CreateProtector("OrchardSpbe.AuthCookie", tenantName, purpose ?? "");
    }
}
