namespace HeaderGen.Model;

/// <summary>
/// What the C# side says about an export for the C++ and Python layers ([CLastErrorMessage], [CStatusIsValue],
/// [CStringFree], [CRetainsCallback], [CIteratorNext]): what its C signature alone cannot say.
/// </summary>
[System.Flags]
public enum CFunctionHints
{
    None = 0,
    LastErrorMessage = 1,
    StatusIsValue = 2,
    StringFree = 4,
    RetainsCallback = 8,
    IteratorNext = 16,
}
