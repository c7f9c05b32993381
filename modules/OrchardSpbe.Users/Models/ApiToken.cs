namespace OrchardSpbe.Users.Models;

/// <summary>One of a user's API tokens as the admin lists it (the secret itself is never kept).</summary>
public sealed record ApiToken(string Id, string UserName, string Name, DateTimeOffset CreatedUtc, DateTimeOffset ExpiresUtc, DateTimeOffset? RevokedUtc, DateTimeOffset? LastUsedUtc)
{
    public bool IsActive(DateTimeOffset now) => RevokedUtc is null && ExpiresUtc > now;
}
