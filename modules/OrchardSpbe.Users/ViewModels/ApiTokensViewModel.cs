using OrchardSpbe.Users.Models;

namespace OrchardSpbe.Users.ViewModels;

/// <summary>The user's tokens; the secret of the one just created (shown once); or why creating it was refused.</summary>
public sealed record ApiTokensViewModel(IReadOnlyList<ApiToken> Tokens, string? NewToken, string? Error);
