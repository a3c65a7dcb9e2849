using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AvaOlo.ServiceDefaults;

/// <summary>
/// Options read from the operators' flat variable names (DB_HOST, PORT, ALARM_P99_MS…): each settable property names
/// its variable with [ConfigurationKeyName] and the configuration binder fills it; a pure Validate function checks
/// the values (as an IValidateOptions&lt;T&gt;); ValidateOnStart stops the host before it listens, and HostRunner
/// prints the failures as one line. Properties without a public setter are never bound.
/// </summary>
public static class Settings
{
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, Func<T, IEnumerable<string>> validate) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new Validator<T>(validate));
        return services.AddOptions<T>().Configure<IConfiguration>((options, config) => Bind(config, options)).ValidateOnStart();
    }

    /// <summary>
    /// The binder, except that a value it cannot convert (DB_PORT=abc) becomes a failure naming the variable instead
    /// of an exception naming a configuration path and a CLR type. A blank value binds a nullable property to null.
    /// </summary>
    public static void Bind<T>(IConfiguration config, T options) where T : class
    {
        var wrong = Named(typeof(T))
            .Where(p => config[p.Key] is { } raw && !Converts(raw, p.Property.PropertyType))
            .Select(p => $"{p.Key} must be {Describe(p.Property.PropertyType)} (got \"{config[p.Key]}\")")
            .ToList();
        if (wrong.Count > 0) throw new OptionsValidationException(Options.DefaultName, typeof(T), wrong);
        config.Bind(options);
    }

    /// <summary>Binds and validates from a lookup (the CLI reads its environment through a function).</summary>
    public static (T Options, IReadOnlyList<string> Errors) Read<T>(Func<string, string?> get, Func<T, IEnumerable<string>> validate) where T : class, new()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(Named(typeof(T)).Select(p => new KeyValuePair<string, string?>(p.Key, get(p.Key))).Where(kv => kv.Value is not null))
            .Build();
        var options = new T();
        try { Bind(config, options); }
        catch (OptionsValidationException e) { return (options, e.Failures.ToList()); }
        return (options, validate(options).ToList());
    }

    /// <summary>Each setting of a bound options object with the value in effect (its default when unset).</summary>
    public static IEnumerable<(string Key, object? Value)> Values(object options) =>
        Named(options.GetType()).Select(p => (p.Key, p.Property.GetValue(options)));

    private static IEnumerable<(string Key, PropertyInfo Property)> Named(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => (Key: p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name!, Property: p))
            .Where(p => p.Key is not null);

    private static bool Converts(string raw, Type type)
    {
        var target = Nullable.GetUnderlyingType(type);
        if (target is not null && raw.Length == 0) return true;
        try
        {
            _ = TypeDescriptor.GetConverter(target ?? type).ConvertFromInvariantString(raw);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException || e.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum) return $"one of {string.Join(", ", Enum.GetNames(t))}";
        return Type.GetTypeCode(t) switch
        {
            TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 => "a whole number",
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal => "a number",
            TypeCode.Boolean => "true or false",
            _ => $"a valid {t.Name}",
        };
    }

    private sealed class Validator<T>(Func<T, IEnumerable<string>> validate) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var failures = validate(options).ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
