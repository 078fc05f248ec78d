using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Host;
using Marcgate.Marc;
using Marcgate.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace Marcgate.Cli;

/// <summary>
/// Checks <c>marcgate serve</c>'s configuration before anything starts: every key of the sections it reads is a
/// setting it knows, of the right type, within its limits; each problem names the setting and where it was set.
/// </summary>
internal static partial class ServeConfiguration
{
    private static readonly Dictionary<string, SettingsSection> s_sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [GatewayHostOptions.SectionName] = new(typeof(GatewayHostOptions))
        {
            Nested = { [nameof(GatewayHostOptions.Tls)] = new(typeof(GatewayTlsOptions)) },
        },
        [GatewayHostApplication.ImportSectionName] = new(typeof(ImportOptions))
        {
            Nested =
            {
                [nameof(ImportOptions.Lockout)] = new(typeof(LockoutOptions)),
                [nameof(ImportOptions.Reader)] = new(typeof(MarcReaderOptions)),
            },
        },
        [WebConsoleOptions.SectionName] = new(typeof(WebConsoleOptions))
        {
            Nested =
            {
                [nameof(WebConsoleOptions.Certificate)] = new(typeof(WebCertificateOptions)),
            },
        },
    };

    // Top-level keys with a meaning of their own: the data directory, the store (checked by CatalogStoreSelection when it
    // resolves Storage:Provider and Storage:ConnectionString), and logging (free-form, as Microsoft.Extensions.Logging reads it).
    private static readonly string[] s_otherKeys = [GatewayHostApplication.DataKey, "Storage", "Logging"];

    /// <summary>What is wrong with the configuration, one line a problem; empty when the host may start.</summary>
    public static IReadOnlyList<string> Problems(IConfigurationRoot configuration)
    {
        var problems = new List<string>();
        foreach (var child in configuration.GetChildren())
        {
            if (s_sections.TryGetValue(child.Key, out var section))
            {
                CheckSection(configuration, child, section, problems);
            }
            else if (!s_otherKeys.Contains(child.Key, StringComparer.OrdinalIgnoreCase) && FromFile(configuration, child.Path))
            {
                // Only files: the environment holds MARCGATE_ variables of the exporter (MARCGATE_SESSION …) too.
                problems.Add(Unknown(configuration, child, [.. s_sections.Keys, .. s_otherKeys]));
            }
        }

        if (problems.Count == 0)
        {
            CheckLimits(configuration, problems);
            CheckLogFormat(configuration, problems);
        }

        return problems;
    }

    /// <summary>One line for a configuration file that cannot be parsed: the file, the line and position, what is wrong.</summary>
    public static string DescribeLoadFailure(InvalidDataException failure)
    {
        var file = QuotedPath().Match(failure.Message) is { Success: true } quoted ? quoted.Groups[1].Value : "appsettings.json";
        for (var inner = failure.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { LineNumber: { } line, BytePositionInLine: { } position } json)
            {
                var reason = json.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0];
                return string.Create(CultureInfo.InvariantCulture, $"{file}: line {line + 1}, position {position + 1}: {reason}");
            }

            if (inner.InnerException is null)
            {
                return $"{file}: {inner.Message}";
            }
        }

        return failure.Message;
    }

    private static void CheckSection(IConfigurationRoot root, IConfigurationSection section, SettingsSection settings, List<string> problems)
    {
        if (section.Value is not null && !section.GetChildren().Any())
        {
            problems.Add($"setting '{section.Path}' {Where(root, section)} must be a section of settings, not the value '{section.Value}'");
            return;
        }

        var properties = settings.Properties();
        foreach (var child in section.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var property))
            {
                problems.Add(Unknown(root, child, properties.Values.Select(p => p.Name)));
            }
            else if (settings.Nested.TryGetValue(property.Name, out var nested))
            {
                CheckSection(root, child, nested, problems);
            }
            else if (ListElementType(property.PropertyType) is { } elementType)
            {
                CheckList(root, child, elementType, problems);
            }
            else if (child.GetChildren().Any())
            {
                problems.Add($"setting '{child.Path}' {Where(root, child)} must be a single value, not a list or a section");
            }
            else if (child.Value is { } value && Unparsable(value, property.PropertyType) is { } expected)
            {
                problems.Add($"setting '{child.Path}' {Where(root, child)} is '{value}', not {expected}");
            }
        }
    }

    private static void CheckList(IConfigurationRoot root, IConfigurationSection setting, Type elementType, List<string> problems)
    {
        var children = setting.GetChildren().ToList();
        if (children.Count == 0)
        {
            // One string is taken as the list it spells out (GatewayHostOptions.SplitListeners).
            children = setting.Value is null ? [] : [setting];
        }
        else if (children.FirstOrDefault(c => !int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _) || c.GetChildren().Any()) is { } odd)
        {
            problems.Add($"setting '{setting.Path}' {Where(root, odd)} must be a list of values, not a section ('{odd.Path}')");
            return;
        }

        foreach (var child in children)
        {
            var values = elementType == typeof(string) && child == setting ? GatewayHostOptions.SplitListeners(child.Value!) : [child.Value ?? string.Empty];
            foreach (var value in values)
            {
                if (Unparsable(value, elementType) is { } expected)
                {
                    problems.Add($"setting '{setting.Path}' {Where(root, child)} has '{value}', not {expected}");
                }
                else if (IsListenerList(setting.Path) && !ListenAddress.TryParse(value, out _, out var problem))
                {
                    problems.Add($"setting '{setting.Path}' {Where(root, child)}: {problem}");
                }
                else if (setting.Path.Equals($"{WebConsoleOptions.SectionName}:{nameof(WebConsoleOptions.MetricsAllowList)}", StringComparison.OrdinalIgnoreCase)
                    && !AddressAllowList.TryParseEntry(value, out _))
                {
                    problems.Add($"setting '{setting.Path}' {Where(root, child)} has '{value}', not an IP address or CIDR range (e.g. 192.0.2.7 or 192.0.2.0/24)");
                }
            }
        }
    }

    private static bool IsListenerList(string path) =>
        path.Equals($"{GatewayHostOptions.SectionName}:{nameof(GatewayHostOptions.Listen)}", StringComparison.OrdinalIgnoreCase)
        || path.Equals($"{GatewayHostOptions.SectionName}:{nameof(GatewayHostOptions.Tls)}:{nameof(GatewayTlsOptions.Listen)}", StringComparison.OrdinalIgnoreCase)
        || path.Equals($"{WebConsoleOptions.SectionName}:{nameof(WebConsoleOptions.Listen)}", StringComparison.OrdinalIgnoreCase);

    // The web console's certificate is two files that go together; its sign-in lasts a positive time; it keeps some export files.
    private static void CheckWeb(IConfigurationRoot root, List<string> problems)
    {
        var web = root.GetSection(WebConsoleOptions.SectionName);
        var options = WebConsole.ReadOptions(root);
        if (options.SignInIdleTimeout <= TimeSpan.Zero)
        {
            var setting = web.GetSection(nameof(WebConsoleOptions.SignInIdleTimeout));
            problems.Add($"setting '{setting.Path}' {Where(root, setting)} is {options.SignInIdleTimeout}, not a positive duration");
        }

        if (options.KeptExportFiles < 1)
        {
            var setting = web.GetSection(nameof(WebConsoleOptions.KeptExportFiles));
            problems.Add($"setting '{setting.Path}' {Where(root, setting)} is {options.KeptExportFiles}, not a positive number of export files");
        }

        var certificate = web.GetSection(nameof(WebConsoleOptions.Certificate));
        var path = options.Certificate.Path;
        var keyPath = options.Certificate.KeyPath;
        if (string.IsNullOrEmpty(path) != string.IsNullOrEmpty(keyPath))
        {
            var given = certificate.GetSection(string.IsNullOrEmpty(path) ? nameof(WebCertificateOptions.KeyPath) : nameof(WebCertificateOptions.Path));
            problems.Add($"setting '{given.Path}' {Where(root, given)} needs '{certificate.Path}:{(string.IsNullOrEmpty(path) ? nameof(WebCertificateOptions.Path) : nameof(WebCertificateOptions.KeyPath))}' too: HTTPS takes a PEM certificate and its PEM key");
            return;
        }

        foreach (var (name, file) in new[] { (nameof(WebCertificateOptions.Path), path), (nameof(WebCertificateOptions.KeyPath), keyPath) })
        {
            if (!string.IsNullOrEmpty(file) && !File.Exists(file))
            {
                var setting = certificate.GetSection(name);
                problems.Add($"setting '{setting.Path}' {Where(root, setting)} names {file}, which does not exist");
            }
        }
    }

    // The limits each options type checks itself, on the values as they will be bound.
    private static void CheckLimits(IConfigurationRoot root, List<string> problems)
    {
        CheckWeb(root, problems);
        var gateway = root.GetSection(GatewayHostOptions.SectionName);
        var options = gateway.Get<GatewayHostOptions>() ?? new GatewayHostOptions();
        if (options.Tls.Listen.Count == 0 && gateway.GetSection(nameof(GatewayHostOptions.Tls))[nameof(GatewayTlsOptions.Listen)] is { Length: > 0 } tls)
        {
            options.Tls.Listen.AddRange(GatewayHostOptions.SplitListeners(tls));
        }

        if (options.Port is < 0 or > 65535)
        {
            problems.Add($"setting '{gateway.Path}:{nameof(GatewayHostOptions.Port)}' {Where(root, gateway.GetSection(nameof(GatewayHostOptions.Port)))} is {options.Port}, not a port (0 to 65535)");
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            var setting = gateway.GetSection(e.ParamName ?? string.Empty);
            var reason = e.Message.Split(" (Parameter", 2)[0].Split('\n', 2)[0].TrimEnd('.');
            var where = Where(root, setting);
            problems.Add($"setting '{setting.Path}'{(where.Length > 0 ? " " + where : string.Empty)}: {reason}");
        }
    }

    // Logging is free-form, but a format the host does not have would silently log in another.
    private static void CheckLogFormat(IConfigurationRoot root, List<string> problems)
    {
        var setting = root.GetSection(GatewayHostApplication.LogFormatKey);
        if (setting.Value is { } format && !GatewayHostApplication.LogFormats.Contains(format, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"setting '{setting.Path}' {Where(root, setting)} is '{format}', not one of {string.Join(", ", GatewayHostApplication.LogFormats)}");
        }
    }

    private static string? Unparsable(string value, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var invariant = CultureInfo.InvariantCulture;
        return type switch
        {
            _ when type == typeof(string) => null,
            _ when type == typeof(int) => int.TryParse(value, NumberStyles.Integer, invariant, out _) ? null : "a whole number",
            _ when type == typeof(long) => long.TryParse(value, NumberStyles.Integer, invariant, out _) ? null : "a whole number",
            _ when type == typeof(double) => double.TryParse(value, NumberStyles.Float, invariant, out _) ? null : "a number",
            _ when type == typeof(bool) => bool.TryParse(value, out _) ? null : "true or false",
            _ when type == typeof(TimeSpan) => TimeSpan.TryParse(value, invariant, out _) ? null : "a duration such as 00:00:30 (hh:mm:ss)",
            { IsEnum: true } => Enum.TryParse(type, value, ignoreCase: true, out _) ? null : $"one of {string.Join(", ", Enum.GetNames(type))}",
            _ => null,
        };
    }

    private static Type? ListElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0]
        : null;

    private static string Unknown(IConfigurationRoot root, IConfigurationSection setting, IEnumerable<string> known) =>
        $"unknown setting '{setting.Path}' {Where(root, setting)}{MarcgateProgram.Suggestion(setting.Key, known)}";

    private static bool FromFile(IConfigurationRoot root, string path) => Source(root, path) is FileConfigurationProvider;

    /// <summary>"(in FILE)", "(environment variable MARCGATE_X__Y)" or "(command line)": the source whose value wins.</summary>
    private static string Where(IConfigurationRoot root, IConfigurationSection setting) => Source(root, setting.Path) switch
    {
        FileConfigurationProvider file => $"(in {file.Source.FileProvider?.GetFileInfo(file.Source.Path ?? string.Empty).PhysicalPath ?? file.Source.Path})",
        EnvironmentVariablesConfigurationProvider => $"(environment variable {GatewayHostApplication.EnvironmentPrefix}{FirstLeaf(root, setting).Replace(":", "__", StringComparison.Ordinal)})",
        MemoryConfigurationProvider => "(command line)",
        _ => string.Empty,
    };

    // The last provider that sets the key or anything under it: the one whose value is used.
    private static IConfigurationProvider? Source(IConfigurationRoot root, string path) =>
        root.Providers.LastOrDefault(p => p.TryGet(path, out _) || p.GetChildKeys([], path).Any());

    private static string FirstLeaf(IConfigurationRoot root, IConfigurationSection setting)
    {
        var section = setting;
        while (section.Value is null && section.GetChildren().FirstOrDefault() is { } child)
        {
            section = child;
        }

        return section.Path;
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedPath();

    /// <summary>An options type whose public settable properties are the settings of one section.</summary>
    private sealed class SettingsSection([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type)
    {
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)]
        private readonly Type _type = type;

        /// <summary>Properties that are sections of their own, by name.</summary>
        public Dictionary<string, SettingsSection> Nested { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, PropertyInfo> Properties() =>
            _type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true } || ListElementType(p.PropertyType) is not null && p.CanRead)
                .Where(p => p.GetIndexParameters().Length == 0)
                .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }
}
