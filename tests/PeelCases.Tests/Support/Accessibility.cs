using Deque.AxeCore.Commons;

namespace PeelCases.Tests.Support;

/// <summary>The rules every page is checked against in the browser: WCAG 2.2 A and AA, and axe's best practice.</summary>
public static class Accessibility
{
    public static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };
}
