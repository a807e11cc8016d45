using System.Text;

namespace EmploymentPortal.Domain.Jobs;

/// <summary>
/// Search tokens for Chinese text without a word segmenter. The text is first normalised by
/// NFKC (full-width Ｊａｖａ１２ becomes Java12) and lower-cased; then every run of CJK characters
/// gives each pair of adjacent characters (保安员 → 保安, 安员) plus its last character alone
/// (员), and every run of other letters or digits gives itself as one word (java12). Anything else
/// separates runs. A title and a description are tokenised separately, so no pair spans the two.
/// </summary>
/// <remarks>
/// A query of two or more CJK characters matches the pairs in sequence (a phrase); a query of one
/// character matches any token starting with it — a pair it begins or the last character of a
/// run — so it finds the character wherever it stands. Latin words match whole.
/// </remarks>
public static class SearchTokens
{
    /// <summary>The tokens of a title and a description, in order, separated by spaces (what the posting stores).</summary>
    public static string ForPosting(string title, string description)
    {
        var builder = new StringBuilder((title.Length + description.Length) * 3);
        foreach (var text in new[] { title, description })
        {
            foreach (var run in Runs(text))
            {
                foreach (var token in run.DocumentTokens())
                {
                    if (builder.Length > 0)
                    {
                        builder.Append(' ');
                    }

                    builder.Append(token);
                }
            }
        }

        return builder.ToString();
    }

    /// <summary>The runs of a text after normalisation: CJK runs and word runs, in order.</summary>
    public static IReadOnlyList<SearchRun> Runs(string? text)
    {
        var runs = new List<SearchRun>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return runs;
        }

        var normalised = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var current = new StringBuilder();
        var currentIsCjk = false;
        foreach (var rune in normalised.EnumerateRunes())
        {
            var cjk = IsCjk(rune);
            var word = !cjk && Rune.IsLetterOrDigit(rune);
            if ((!cjk && !word) || (current.Length > 0 && cjk != currentIsCjk))
            {
                Flush();
            }

            if (cjk || word)
            {
                current.Append(rune.ToString());
                currentIsCjk = cjk;
            }
        }

        Flush();
        return runs;

        void Flush()
        {
            if (current.Length > 0)
            {
                runs.Add(new SearchRun(current.ToString(), currentIsCjk));
                current.Clear();
            }
        }
    }

    /// <summary>CJK unified ideographs (with extension A, the compatibility block and the supplementary planes B–H).</summary>
    public static bool IsCjk(Rune rune) => rune.Value is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x323AF);
}

/// <summary>One run of a normalised text: CJK characters, or a word of other letters and digits.</summary>
public sealed record SearchRun(string Text, bool IsCjk)
{
    /// <summary>The characters of the run (a supplementary-plane character is one element).</summary>
    public IReadOnlyList<string> Characters => Text.EnumerateRunes().Select(r => r.ToString()).ToList();

    /// <summary>What a document stores for the run: the pairs and the last character, or the word.</summary>
    public IEnumerable<string> DocumentTokens()
    {
        if (!IsCjk)
        {
            yield return Text;
            yield break;
        }

        var characters = Characters;
        for (var i = 0; i + 1 < characters.Count; i++)
        {
            yield return characters[i] + characters[i + 1];
        }

        yield return characters[^1];
    }

    /// <summary>What a query looks for: the pairs in sequence; a single character is looked for as a prefix.</summary>
    public IReadOnlyList<string> QueryTokens()
    {
        if (!IsCjk)
        {
            return [Text];
        }

        var characters = Characters;
        return characters.Count == 1
            ? characters
            : Enumerable.Range(0, characters.Count - 1).Select(i => characters[i] + characters[i + 1]).ToList();
    }

    /// <summary>A one-character CJK run, looked for as a prefix of the stored tokens.</summary>
    public bool IsSingleCharacter => IsCjk && Characters.Count == 1;

    public override string ToString() => Text;
}
