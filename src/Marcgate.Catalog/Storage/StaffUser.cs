namespace Marcgate.Catalog.Storage;

/// <summary>A person who signs in to the web console; kept apart from the gateway logons (<see cref="Account"/>), which clients send records with.</summary>
/// <param name="Name">The user name, compared ordinally.</param>
/// <param name="Role">What the user may do.</param>
/// <param name="Password">The password hash.</param>
/// <param name="Created">When the user was added.</param>
public sealed record StaffUser(string Name, StaffRole Role, PasswordHash Password, DateTimeOffset Created);
