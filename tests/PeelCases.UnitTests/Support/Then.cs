using PeelCases.Kernel;

namespace PeelCases.UnitTests.Support;

/// <summary>THEN: the decision produced exactly this event, or refused with this status and said why.</summary>
public static class Then
{
    /// <summary>The decision produced an event; returns it for further checks.</summary>
    public static T Decided<T>(Decision<T> decision) where T : class
    {
        Assert.True(decision.Refusal is null, $"Expected an event but the decision refused: {decision.Refusal?.Status} {decision.Refusal?.Detail}");
        return Assert.IsType<T>(decision.Value, exactMatch: false);
    }

    /// <summary>The decision produced exactly <paramref name="expected"/>: same type, every field equal (lists by content).</summary>
    public static T Decided<T>(Decision<T> decision, T expected) where T : class
    {
        var actual = Decided(decision);
        Assert.IsType(expected.GetType(), actual);
        Assert.Equivalent(expected, actual, strict: true);
        return actual;
    }

    /// <summary>
    /// The decision refused with <paramref name="status"/>, and its detail names the problem:
    /// it contains each of <paramref name="mentions"/>.
    /// </summary>
    public static Refusal Refused<T>(Decision<T> decision, int status, params string[] mentions) where T : class
    {
        Assert.True(decision.Refusal is not null, $"Expected a {status} refusal but the decision produced {decision.Value}");
        return Refused(decision.Refusal, status, mentions);
    }

    public static Refusal Refused(Refusal? refusal, int status, params string[] mentions)
    {
        Assert.NotNull(refusal);
        Assert.True(status == refusal.Status, $"Expected status {status} but was {refusal.Status}: {refusal.Detail}");
        Assert.Contains(refusal.Title, Titles[status]);
        foreach (var mention in mentions) Assert.Contains(mention, refusal.Detail);
        return refusal;
    }

    /// <summary>The title a client sees for each status: the kind of problem, before the detail says which.</summary>
    private static readonly Dictionary<int, string[]> Titles = new()
    {
        [200] = ["Not allowed at this point in the process"], // "already raised": answered like the first time
        [400] = ["The request is not valid"],
        [403] = ["Forbidden"],
        [404] = ["Not found"],
        [409] = ["Not allowed at this point in the process", "Stale version"],
    };

    /// <summary>A 400 that names the offending field.</summary>
    public static Refusal Invalid<T>(Decision<T> decision, string field, params string[] mentions) where T : class
    {
        var refusal = Refused(decision, 400, mentions);
        Assert.Equal([field], refusal.Errors!.Keys);
        Assert.Equal([refusal.Detail], refusal.Errors[field]);
        return refusal;
    }

    /// <summary>Structural validation found problems with exactly these fields.</summary>
    public static Refusal Invalid(FieldErrors errors, params string[] fields)
    {
        var refusal = errors.ToRefusal();
        Assert.True(refusal is not null, "Expected validation problems but there were none.");
        Assert.Equal(400, refusal.Status);
        Assert.Equal(fields.Order(), refusal.Errors!.Keys.Order());
        return refusal;
    }

    public static void Valid(FieldErrors errors) =>
        Assert.True(errors.ToRefusal() is null, $"Expected no validation problems: {errors.ToRefusal()?.Detail}");
}
