using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Localization;
using OrchardSpbe.Recipes;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Programmers.Members;

/// <summary>
/// { "name": "programmer-samples" } — on the portal, after the sample PDs exist: a few sample members (labelled
/// <i>data contoh</i>) placed at the sample PDs that exist, so the team page and the board are not empty on a first run.
/// </summary>
public sealed class SampleMembersStep(TenantRegistry registry, TimeProvider clock) : IRecipeStep
{
    public const string Label = "(data contoh)";

    private static readonly (string Name, string Role, string Placement)[] Samples =
    [
        ("Andi Pratama " + Label, "fullstack-programmer", "diskominfostandi"),
        ("Siti Rahmawati " + Label, "junior-programmer", "dinkes"),
        ("Budi Santoso " + Label, "senior-network-administrator", "diskominfostandi"),
        ("Dewi Lestari " + Label, "junior-system-administrator", "disdukcapil"),
        ("Rudi Hartono " + Label, "data-center-professional", "diskominfostandi"),
    ];

    public string Name => "programmer-samples";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if (!context.Services.GetRequiredService<TenantContext>().IsDefault) throw context.Fail("name", "Langkah 'programmer-samples' hanya dapat dijalankan di portal kota.");
        var members = context.Services.GetRequiredService<MemberService>();
        var start = DateOnly.FromDateTime(WibTime.ToWib(clock.GetUtcNow()).DateTime).AddMonths(-2);
        var number = 0;
        foreach (var (name, role, placement) in Samples)
        {
            if (registry.Find(placement) is null) continue;
            number++;
            await members.InsertAsync(new MemberRow
            {
                Id = "contoh-" + number, FullName = name, RoleCode = role, Placement = placement,
                DecreeNumber = $"800/Kep.{number:000}-Diskominfostandi/{start.Year} {Label}", DecreeDate = MemberService.Iso(start.AddDays(-7)),
                StartDate = MemberService.Iso(start), EndDate = MemberService.Iso(start.AddYears(1).AddDays(-1)), Status = MemberStatuses.Active,
            }, sample: true, "admin");
        }
    }
}
