using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Data;
using OrchardSpbe.Recipes;

namespace OrchardSpbe.Programmers.Reference;

/// <summary>
/// { "name": "programmers-reference" } — imports the module's data files (<see cref="ReferenceData"/>) into the tenant's
/// reference tables, replacing what was there, so a newer data file is taken by running the step again.
/// </summary>
public sealed class ReferenceStep : IRecipeStep
{
    public string Name => "programmers-reference";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var session = context.Services.GetRequiredService<TenantSession>();
        if (await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM spbe_features WHERE feature_id = @id", new { id = Manifest.FeatureId }) == 0)
            throw context.Fail("name", "Aktifkan fitur Tim Programmer (OrchardSpbe.Programmers) sebelum langkah 'programmers-reference'.");
        await using var transaction = await session.BeginTransactionAsync();
        await session.ExecuteAsync("DELETE FROM prog_categories; DELETE FROM prog_roles; DELETE FROM prog_domains; DELETE FROM prog_occupations; DELETE FROM prog_areas");

        var roles = ReferenceData.Roles;
        await session.ExecuteAsync("INSERT INTO prog_categories (code, name, article, position) VALUES (@Code, @Name, @Article, @Position)",
            roles.Categories.Select((c, i) => new { c.Code, c.Name, c.Article, Position = i }));
        await session.ExecuteAsync("""
            INSERT INTO prog_roles (code, name, category, level, min_years, certificate_required, competencies, certificates, outputs, note, position)
            VALUES (@Code, @Name, @Category, @Level, @MinYears, @CertificateRequired, @Competencies, @Certificates, @Outputs, @Note, @Position)
            """, roles.Roles.Select((r, i) => new
        {
            r.Code, r.Name, r.Category, r.Level, r.MinYears, r.CertificateRequired, r.Note, Position = i,
            Competencies = JsonSerializer.Serialize(r.Competencies), Certificates = JsonSerializer.Serialize(r.Certificates), Outputs = JsonSerializer.Serialize(r.Outputs),
        }));
        var occupations = ReferenceData.Occupations;
        await session.ExecuteAsync("INSERT INTO prog_domains (code, number, name) VALUES (@Code, @Number, @Name)", occupations.Domains);
        await session.ExecuteAsync("INSERT INTO prog_occupations (code, name, domain, level) VALUES (@Code, @Name, @Domain, @Level)", occupations.Occupations);
        await session.ExecuteAsync("INSERT INTO prog_areas (code, name, domains, position) VALUES (@Code, @Name, @Domains, @Position)",
            ReferenceData.Areas.Areas.Select((a, i) => new { a.Code, a.Name, Domains = string.Join(",", a.Domains), Position = i }));
        await transaction.CommitAsync();
    }
}
