using System;
using System.IO;

namespace HeaderGen.Tests;

/// <summary>The repository the tests run in: the folder above the test's output that holds ExportLib.sln.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ExportLib.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (ExportLib.sln) is not above the test's directory");
    }
}
