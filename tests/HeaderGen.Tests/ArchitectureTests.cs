using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace HeaderGen.Tests;

/// <summary>
/// HeaderGen's stages depend one way: Reading, Passes and Emit (the C backend) each build on Model and on nothing of
/// each other; Model depends on no stage. Only Pipeline.cs and Program.cs, which run the stages, see them all.
/// </summary>
public class ArchitectureTests
{
    [TestCase("Model")]
    [TestCase("Reading", "Model")]
    [TestCase("Passes", "Model")]
    [TestCase("Emit", "Model")]
    [TestCase("Diagnostics")]
    public void AStageFolderDependsOnlyOnTheModel(string folder, params string[] allowed)
    {
        string root = Path.Combine(Repository.Root, "src", "HeaderGen", folder);
        var stages = new[] { "Model", "Reading", "Passes", "Emit" };
        foreach (string file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(file);
            foreach (string stage in stages.Where(s => s != folder && !allowed.Contains(s)))
            {
                // HeaderGen.Emit.X, or Emit.X relative to the HeaderGen namespace.
                Assert.That(Regex.IsMatch(text, $@"(\bHeaderGen\.{stage}\b)|((?<![\w.]){stage}\.[A-Z])"), Is.False, $"{Path.GetRelativePath(Repository.Root, file)} uses HeaderGen.{stage}");
            }
        }
    }
}
