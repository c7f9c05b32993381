namespace OrchardSpbe.Datasets.Api;

/// <summary>
/// The errors of CKAN's logic layer, answered by <see cref="CkanApiController"/> exactly as ckan/views/api.py does:
/// each its <c>__type</c> and HTTP status.
/// </summary>
public abstract class CkanException(string message) : Exception(message)
{
    public abstract string Type { get; }
    public abstract int Status { get; }
}

/// <summary>"Not Found Error", 404; message "Not found: …".</summary>
public sealed class CkanNotFound(string detail) : CkanException(detail)
{
    public override string Type => "Not Found Error";
    public override int Status => 404;
}

/// <summary>"Authorization Error", 403; message "Access denied: …".</summary>
public sealed class CkanNotAuthorized(string detail) : CkanException(detail)
{
    public override string Type => "Authorization Error";
    public override int Status => 403;
}

/// <summary>"Validation Error", 409: the error object carries one key per field, each a list of messages.</summary>
public sealed class CkanValidation(string field, string message) : CkanException(message)
{
    public string Field { get; } = field;
    public override string Type => "Validation Error";
    public override int Status => 409;
}

/// <summary>"Search Query Error", 400; message "Search Query is invalid: …".</summary>
public sealed class CkanSearchQuery(string detail) : CkanException(detail)
{
    public override string Type => "Search Query Error";
    public override int Status => 400;
}
