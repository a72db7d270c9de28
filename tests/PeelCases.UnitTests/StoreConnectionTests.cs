using Npgsql;
using PeelCases.Host;
using Xunit;

namespace PeelCases.UnitTests;

public class StoreConnectionTests
{
    [Fact]
    public void The_store_prepares_repeated_statements_unless_the_connection_string_says_otherwise()
    {
        var chosen = new NpgsqlConnectionStringBuilder(ServiceSetup.WithAutoPrepare("Host=db;Database=peelcases;Username=app"));
        Assert.Equal(64, chosen.MaxAutoPrepare);
        Assert.Equal("db", chosen.Host);
        Assert.Equal("peelcases", chosen.Database);

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(ServiceSetup.WithAutoPrepare("Host=db;Max Auto Prepare=0")).MaxAutoPrepare);
        Assert.Equal(20, new NpgsqlConnectionStringBuilder(ServiceSetup.WithAutoPrepare("Host=db;MaxAutoPrepare=20")).MaxAutoPrepare);
    }
}
