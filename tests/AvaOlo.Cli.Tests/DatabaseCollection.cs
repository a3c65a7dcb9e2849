using AvaOlo.Testing;
using Xunit;

namespace AvaOlo.Cli.Tests;

[CollectionDefinition("database")]
public sealed class DatabaseCollection : ICollectionFixture<TestDatabase>;
