using System.Reflection;
using System.Xml.Linq;
using Wolverine.Http;

namespace PeelCases.Host;

/// <summary>
/// The API page a person can find their way round: each operation grouped under the capability it belongs to
/// (Evidence and fieldwork, Findings, Grading, Moderation …), named by what it does (its Wolverine Name, "RecordEvidence"),
/// and summarised from the code's own comments — the command record's (what it does), the endpoint method's (how it behaves).
/// </summary>
public static class ApiPageNames
{
    private static readonly Dictionary<string, string> Capabilities = new()
    {
        ["Inspections"] = "Inspections and scope",
        ["Fieldwork"] = "Evidence and fieldwork",
        ["Findings"] = "Findings",
        ["QualityAssurance"] = "Quality assurance",
        ["Grading"] = "Grading",
        ["Moderation"] = "Moderation",
        ["HmiSignOff"] = "HMI sign-off",
        ["FactualAccuracy"] = "Factual accuracy check",
        ["Publishing"] = "Publishing",
        ["Reporting"] = "Report pages",
        ["Board"] = "Board",
        ["Audit"] = "Audit and time travel",
        ["Monitoring"] = "Monitoring",
        ["Import"] = "Historical import",
        ["ReferenceData"] = "Forces and frameworks",
    };

    private static readonly Lazy<Dictionary<string, string>> Summaries = new(LoadSummaries);

    public static void Apply(HttpChain chain)
    {
        var method = chain.Method.Method;
        chain.WithTags(Capability(chain.Method.HandlerType));
        // Without a comment, the operation's name as words ("GetGradeTrail" → "Get grade trail").
        var name = method.GetCustomAttribute<WolverineHttpMethodAttribute>()?.Name;
        // What it does (the command record's comment, else the method's, else its class's); how it behaves (the method's) below.
        var docs = Summaries.Value;
        var onMethod = docs.FirstOrDefault(d => d.Key == $"M:{method.DeclaringType!.FullName}.{method.Name}" || d.Key.StartsWith($"M:{method.DeclaringType.FullName}.{method.Name}(", StringComparison.Ordinal)).Value;
        // The command is the body parameter (named "command" throughout).
        var command = method.GetParameters().FirstOrDefault(p => p.Name == "command")?.ParameterType ?? chain.RequestType;
        var onCommand = command is null ? null : docs.GetValueOrDefault($"T:{command.FullName}");
        var summary = onCommand ?? onMethod ?? docs.GetValueOrDefault($"T:{method.DeclaringType!.FullName}") ?? (name is null ? null : Words(name));
        if (summary is not null) chain.WithSummary(summary);
        if (onCommand is not null && onMethod is not null) chain.WithDescription(onMethod);
    }

    /// <summary>The OpenAPI operation id: the operation's Wolverine Name ("RecordEvidence"), not the generated class name.</summary>
    public static Task NameOperation(Microsoft.OpenApi.OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<WolverineHttpMethodAttribute>().FirstOrDefault()?.Name is { Length: > 0 } name)
            operation.OperationId = name;
        return Task.CompletedTask;
    }

    public static string Capability(Type handler)
    {
        var area = handler.Namespace?.Split('.').ElementAtOrDefault(1) ?? "";
        return Capabilities.GetValueOrDefault(area, area);
    }

    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>The summaries of the assembly's XML documentation (built with it), one line each.</summary>
    private static Dictionary<string, string> LoadSummaries()
    {
        var file = Path.ChangeExtension(typeof(ApiPageNames).Assembly.Location, ".xml");
        if (!File.Exists(file)) return [];
        return XDocument.Load(file).Descendants("member")
            .Where(m => m.Element("summary") is not null)
            .GroupBy(m => (string)m.Attribute("name")!)
            .ToDictionary(g => g.Key, g => Flatten(g.First().Element("summary")!));
    }

    /// <summary>The summary's text with its references written as their names ("<see cref="T:X.Finding"/>" → "Finding").</summary>
    private static string Flatten(XElement summary) =>
        string.Join(" ", string.Concat(summary.Nodes().Select(n => n switch
        {
            XText t => t.Value,
            XElement e when e.Attribute("cref") is { } cref => cref.Value.Split('.', ':').Last(),
            XElement e when e.Attribute("name") is { } name => name.Value,
            XElement e => e.Value,
            _ => "",
        })).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
