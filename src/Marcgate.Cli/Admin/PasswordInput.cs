using System.Text;

namespace Marcgate.Cli.Admin;

/// <summary>Reads a new password: one line of standard input with <c>--password-stdin</c>, otherwise twice from the terminal without echo.</summary>
internal static class PasswordInput
{
    // Tests run commands in-process and in parallel; each gives its own standard input here.
    private static readonly AsyncLocal<TextReader?> s_input = new();

    /// <summary>Replaces standard input for the current async flow (tests).</summary>
    public static void UseInput(TextReader? input) => s_input.Value = input;

    /// <summary>The password, or null with the reason in <paramref name="problem"/>.</summary>
    public static string? Read(bool fromStdin, TextWriter prompt, out string? problem)
    {
        problem = null;
        string? password;
        if (fromStdin || s_input.Value is not null)
        {
            password = (s_input.Value ?? Console.In).ReadLine();
            if (password is null)
            {
                problem = "No password on standard input (--password-stdin reads one line).";
                return null;
            }
        }
        else
        {
            if (Console.IsInputRedirected)
            {
                problem = "Standard input is not a terminal; pipe the password in with --password-stdin.";
                return null;
            }

            password = ReadHidden(prompt, "New password: ");
            if (ReadHidden(prompt, "Repeat password: ") != password)
            {
                problem = "The passwords differ; nothing was changed.";
                return null;
            }
        }

        if (password.Length == 0)
        {
            problem = "The password is empty; a logon needs a password (there is no default).";
            return null;
        }

        return password;
    }

    private static string ReadHidden(TextWriter prompt, string label)
    {
        prompt.Write(label);
        prompt.Flush();
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        prompt.WriteLine();
        return text.ToString();
    }
}
