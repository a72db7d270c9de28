using NetArchTest.Rules;
using PeelCases.Host;

namespace PeelCases.Tests.Architecture;

/// <summary>
/// The allowed dependencies between the service's folders (one namespace each), compiled: a
/// folder may use only the folders listed for it. docs/architecture.md draws the same picture;
/// ../shared/tools/dependency-map --check (run by .ci/run) checks the source the same way.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Root = "PeelCases.";

    // Ground up: shared kernel → reference data → the inspection record → evidence → findings →
    // the review capabilities → workflow → the record's fold → read side (the console last) → demo → host.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Kernel"] = [],
        ["ReferenceData"] = ["Kernel"],
        ["Inspections"] = ["Kernel", "ReferenceData"],
        ["Fieldwork"] = ["Kernel", "ReferenceData", "Inspections"],
        ["Findings"] = ["Kernel", "ReferenceData", "Inspections", "Fieldwork"],
        ["QualityAssurance"] = ["Kernel", "ReferenceData", "Inspections", "Fieldwork", "Findings"],
        ["Grading"] = ["Kernel", "ReferenceData", "Inspections", "Fieldwork", "Findings"],
        ["Moderation"] = ["Kernel", "ReferenceData", "Inspections", "Fieldwork", "Findings", "Grading"],
        ["HmiSignOff"] = ["Kernel", "ReferenceData", "Inspections", "Fieldwork", "Findings", "Grading"],
        ["FactualAccuracy"] = ["Kernel", "ReferenceData", "Inspections", "Fieldwork", "Findings"],
        ["Publishing"] = ["Kernel", "ReferenceData", "Inspections", "Findings"],
        ["Monitoring"] = ["Kernel", "ReferenceData", "Inspections", "Fieldwork", "Findings"],
        ["Workflow"] = ["Kernel", "ReferenceData", "Inspections", "Fieldwork", "Findings", "QualityAssurance", "Grading", "Moderation", "HmiSignOff", "FactualAccuracy", "Publishing"],
        ["Lifecycle"] = ["Kernel", "ReferenceData", "Inspections", "Fieldwork", "Findings", "QualityAssurance", "Grading", "Moderation", "HmiSignOff", "FactualAccuracy", "Publishing", "Workflow"],
        ["Board"] = ["Kernel", "ReferenceData", "Inspections", "Grading", "Monitoring"],
        ["Audit"] = ["Kernel", "ReferenceData", "Inspections", "Fieldwork", "Findings", "QualityAssurance", "Grading", "Moderation", "HmiSignOff", "FactualAccuracy", "Publishing", "Workflow", "Lifecycle"],
        ["Reporting"] = ["Kernel", "ReferenceData", "Inspections", "Fieldwork", "Findings", "Grading", "Publishing", "Lifecycle", "Audit"],
        ["Import"] = ["Kernel", "ReferenceData", "Inspections", "Fieldwork", "Findings", "QualityAssurance", "Grading", "Moderation", "HmiSignOff", "FactualAccuracy", "Publishing", "Workflow", "Lifecycle"],
        ["Rebuild"] = ["Kernel", "ReferenceData", "Inspections", "Fieldwork", "Findings", "Grading", "Monitoring", "Lifecycle"],
        ["WebConsole"] = ["Kernel", "ReferenceData", "Inspections", "Fieldwork", "Findings", "QualityAssurance", "Grading", "Moderation", "HmiSignOff", "FactualAccuracy", "Publishing", "Monitoring", "Board", "Audit", "Reporting"],
        ["Demo"] = ["Kernel", "ReferenceData", "Inspections", "Fieldwork", "Findings", "QualityAssurance", "Grading", "Moderation", "HmiSignOff", "FactualAccuracy", "Publishing", "Workflow", "Lifecycle", "Reporting", "Import"],
    };

    private static readonly Types Service = Types.InAssembly(typeof(Host.ServiceSetup).Assembly);

    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Allowed.Keys) data.Add(folder);
        return data;
    }

    [Theory, MemberData(nameof(Folders))]
    public void A_folder_uses_only_the_folders_beneath_it(string folder)
    {
        var forbidden = Allowed.Keys.Append("Host").Where(f => f != folder && !Allowed[folder].Contains(f)).Select(f => Root + f).ToArray();
        var result = Service.That().ResideInNamespace(Root + folder).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"{folder} uses a folder above it or beside it: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_folder_of_the_service_has_a_place_in_the_picture()
    {
        var namespaces = typeof(Host.ServiceSetup).Assembly.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith(Root, StringComparison.Ordinal)).Select(n => n[Root.Length..].Split('.')[0]).Distinct();
        Assert.All(namespaces, n => Assert.True(n == "Host" || Allowed.ContainsKey(n), $"PeelCases.{n} is in no layer of ArchitectureTests.Allowed."));
    }
}
