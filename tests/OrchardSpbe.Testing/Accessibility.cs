using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OrchardSpbe.Testing;

/// <summary>axe-core in Chromium against WCAG 2.1 A and AA: what a page has that is serious or critical.</summary>
public static class Accessibility
{
    /// <summary>Checks the page as it is now; adds one line per serious or critical violation to <paramref name="problems"/>.</summary>
    public static async Task CheckAsync(IPage page, string where, List<string> problems)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        // axe must have looked at the page (rules passed), or "no violations" means nothing.
        if (result.Passes.Length == 0) problems.Add($"{where}: axe evaluated no rule");
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            problems.Add($"{where}: {violation.Id} ({violation.Impact}) {violation.Help} — {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html))}");
    }

    /// <summary>Opens <paramref name="url"/> and checks it.</summary>
    public static async Task CheckAsync(IPage page, Uri url, List<string> problems)
    {
        await page.GotoAsync(url.ToString());
        await CheckAsync(page, $"{url.PathAndQuery} ({page.ViewportSize?.Width}px)", problems);
    }
}
