using PeelCases.Kernel;
using JasperFx;
using Marten.Exceptions;
using Npgsql;
using PeelCases.Host;

namespace PeelCases.UnitTests;

public sealed class ProblemMappingTests
{
    [Fact]
    public void Concurrency_losses_are_409_never_500()
    {
        Assert.Equal(409, ExceptionRefusals.Classify(new ConcurrencyException("x", typeof(object), Guid.NewGuid()))!.Status);
        Assert.Equal(409, ExceptionRefusals.Classify(new InvalidOperationException("outer",
            new ExistingStreamIdCollisionException(Guid.NewGuid(), typeof(object))))!.Status);
    }

    [Fact]
    public void Unexpected_exceptions_are_left_to_the_default_handler() =>
        Assert.Null(ExceptionRefusals.Classify(new InvalidOperationException("bug")));

    [Fact]
    public void Bad_request_bodies_are_400() =>
        Assert.Equal(400, ExceptionRefusals.Classify(new System.Text.Json.JsonException("bad"))!.Status);
}
