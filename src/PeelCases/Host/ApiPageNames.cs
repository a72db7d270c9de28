using System.Reflection;
using System.Xml.Linq;
using Wolverine.Http;

namespace PeelCases.Host;

/// <summary>
/// The API page a person can find their way round: each operation grouped under the capability it belongs to
/// (Evidence and fieldwork, Findings, Grading, Moderation …), named by what it does (its Wolverine Name, "RecordEvidence"),
/// and summarised from the code's own comments — the command record's (what it does), the endpoint method's (how it behaves) —
/// with the request example the command record's comment gives.
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

    private static readonly Lazy<Dictionary<string, string>> Summaries = new(() => Load("summary"));
    private static readonly Lazy<Dictionary<string, string>> Examples = new(() => Load("example"));

    /// <summary>Each endpoint's tag, its capability. The words come later, when the API page is asked for (<see cref="NameOperation"/>).</summary>
    public static void Apply(HttpChain chain) => chain.WithTags(Capability(chain.Method.HandlerType));

    /// <summary>
    /// What an operation does (the command record's comment, else the method's, else its class's) and how it behaves (the
    /// method's, below the command's). Read from the XML documentation only when the API page is built, so a start loads
    /// neither the file nor System.Xml (cold start and memory, docs/benchmarks.md).
    /// </summary>
    private static (string? Summary, string? Description) Describe(HttpChain chain)
    {
        var method = chain.Method.Method;
        // Without a comment, the operation's name as words ("GetGradeTrail" → "Get grade trail").
        var name = method.GetCustomAttribute<WolverineHttpMethodAttribute>()?.Name;
        var docs = Summaries.Value;
        var onMethod = docs.FirstOrDefault(d => d.Key == $"M:{method.DeclaringType!.FullName}.{method.Name}" || d.Key.StartsWith($"M:{method.DeclaringType.FullName}.{method.Name}(", StringComparison.Ordinal)).Value;
        // The command is the body parameter (named "command" throughout).
        var command = method.GetParameters().FirstOrDefault(p => p.Name == "command")?.ParameterType ?? chain.RequestType;
        var onCommand = command is null ? null : docs.GetValueOrDefault($"T:{command.FullName}");
        var summary = onCommand ?? onMethod ?? docs.GetValueOrDefault($"T:{method.DeclaringType!.FullName}") ?? (name is null ? null : Kernel.Words.Sentence(name));
        return (summary, onCommand is not null ? onMethod : null);
    }

    /// <summary>
    /// The OpenAPI operation id: the operation's Wolverine Name ("RecordEvidence"), not the generated class name; its summary
    /// and description; and the request body's example from the command record's own <c>&lt;example&gt;</c> comment.
    /// </summary>
    public static Task NameOperation(Microsoft.OpenApi.OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<WolverineHttpMethodAttribute>().FirstOrDefault()?.Name is { Length: > 0 } name)
            operation.OperationId = name;
        var chain = metadata.OfType<HttpChain>().FirstOrDefault();
        if (chain is not null)
        {
            var (summary, description) = Describe(chain);
            if (summary is not null) operation.Summary = summary;
            if (description is not null) operation.Description = description;
        }
        var command = chain?.Method.Method.GetParameters().FirstOrDefault(p => p.Name == "command")?.ParameterType;
        if (command is not null && Examples.Value.GetValueOrDefault($"T:{command.FullName}") is { } example
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var json) == true)
            json.Example = System.Text.Json.Nodes.JsonNode.Parse(example);
        return Task.CompletedTask;
    }

    public static string Capability(Type handler)
    {
        var area = handler.Namespace?.Split('.').ElementAtOrDefault(1) ?? "";
        return Capabilities.GetValueOrDefault(area, area);
    }

    /// <summary>One element (summary, example) of each member of the assembly's XML documentation (built with it), on one line.</summary>
    private static Dictionary<string, string> Load(string element)
    {
        var file = Path.ChangeExtension(typeof(ApiPageNames).Assembly.Location, ".xml");
        if (!File.Exists(file)) return [];
        return XDocument.Load(file).Descendants("member")
            .Where(m => m.Element(element) is not null)
            .GroupBy(m => (string)m.Attribute("name")!)
            .ToDictionary(g => g.Key, g => Flatten(g.First().Element(element)!));
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
