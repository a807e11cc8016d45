using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace EmploymentPortal.Core.Persons;

/// <summary>The bounds an uploaded .xlsx must keep before and while its first sheet is read (issue 15, finding 1).</summary>
internal sealed record XlsxBounds(int MaxColumns, int MaxRows, int MaxEntries, long MaxUncompressedBytes, int MaxCompressionRatio)
{
    /// <summary>Entries smaller than this are not held to <see cref="MaxCompressionRatio"/> (tiny XML parts compress well).</summary>
    public const long RatioCheckedFrom = 1024 * 1024;
}

/// <summary>Why a file was refused before or while it was read; the text key of the message, and a detail (the cell, the row).</summary>
internal sealed class XlsxRefusedException(string messageKey, string? detail = null) : Exception("The file was refused: " + messageKey)
{
    public string MessageKey { get; } = messageKey;

    public string? Detail => detail;
}

/// <summary>One row of the sheet: its number (1-based, as in the file) and its cells in the fixed column range (A = 0); never padded beyond it.</summary>
internal sealed record XlsxRow(int Number, string?[] Cells);

/// <summary>
/// A streaming reader of the first worksheet of an .xlsx, that refuses a file before reading it
/// when the zip's entries, total uncompressed size or compression ratio are out of bounds, and
/// while reading it when the sheet's dimension, a row number or a cell's column lies outside the
/// fixed range. It yields only the rows that are in the file (missing row numbers give nothing),
/// each over the fixed column range only, one at a time; nothing of the sheet is kept. Every entry
/// is read through a stream that stops at its declared size, so a lying header cannot inflate.
/// Cell values are text; numbers as written ("45000", "13800000000"), booleans "1"/"0"; the
/// OOXML escapes <c>_xHHHH_</c> are decoded (so a NUL cell arrives as NUL and is the validator's).
/// </summary>
internal sealed class BoundedXlsxReader : IDisposable
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        Async = false,
        CloseInput = true,
    };

    private readonly ZipArchive _zip;
    private readonly XlsxBounds _bounds;

    private BoundedXlsxReader(ZipArchive zip, XlsxBounds bounds)
    {
        _zip = zip;
        _bounds = bounds;
    }

    /// <summary>Opens the zip and checks its directory (entries, declared sizes, ratios); throws <see cref="XlsxRefusedException"/> when out of bounds.</summary>
    public static BoundedXlsxReader Open(Stream file, XlsxBounds bounds)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new XlsxRefusedException("Import.Unreadable");
        }

        try
        {
            var entries = zip.Entries;
            if (entries.Count > bounds.MaxEntries)
            {
                throw new XlsxRefusedException("Import.FileTooLarge");
            }

            long total = 0;
            foreach (var entry in entries)
            {
                total += entry.Length;
                if (entry.Length < 0 || total > bounds.MaxUncompressedBytes)
                {
                    throw new XlsxRefusedException("Import.FileTooLarge");
                }

                if (entry.Length >= XlsxBounds.RatioCheckedFrom && entry.Length > (long)bounds.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                {
                    throw new XlsxRefusedException("Import.FileTooLarge");
                }
            }

            return new BoundedXlsxReader(zip, bounds);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The last row the sheet declares it uses (its <c>dimension</c>, which precedes the rows), once
    /// <see cref="Rows"/> has passed it; null when the sheet declares none. A hint for progress only:
    /// the rows themselves decide.
    /// </summary>
    public int? DeclaredLastRow { get; private set; }

    /// <summary>The rows of the first worksheet, in file order; bounds are checked as they come.</summary>
    public IEnumerable<XlsxRow> Rows(CancellationToken cancellationToken)
    {
        var sheetPath = FirstSheetPath();
        var sheet = _zip.GetEntry(sheetPath) ?? throw new XlsxRefusedException("Import.Unreadable");
        var shared = SharedStrings(cancellationToken);
        using var xml = XmlReader.Create(OpenBounded(sheet), Settings);
        var previousRow = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != MainNs)
            {
                continue;
            }

            if (xml.LocalName == "dimension")
            {
                DeclaredLastRow = CheckDimension(xml.GetAttribute("ref"));
            }
            else if (xml.LocalName == "row")
            {
                cancellationToken.ThrowIfCancellationRequested();
                var number = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : previousRow + 1;
                if (number <= previousRow || number > _bounds.MaxRows)
                {
                    throw new XlsxRefusedException(number > _bounds.MaxRows ? "Import.RowOutOfRange" : "Import.Unreadable", number.ToString(CultureInfo.InvariantCulture));
                }

                previousRow = number;
                yield return new XlsxRow(number, ReadCells(xml, number, shared));
            }
        }
    }

    public void Dispose() => _zip.Dispose();

    /// <summary>Decodes the OOXML escapes <c>_xHHHH_</c> (Excel writes control characters so; <c>_x005F_</c> is an underscore).</summary>
    internal static string Unescape(string text)
    {
        var at = text.IndexOf("_x", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var from = 0;
        while (at >= 0)
        {
            if (at + 7 <= text.Length && text[at + 6] == '_' && ushort.TryParse(text.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                result.Append(text, from, at - from).Append((char)code);
                from = at + 7;
                at = text.IndexOf("_x", from, StringComparison.Ordinal);
            }
            else
            {
                at = text.IndexOf("_x", at + 2, StringComparison.Ordinal);
            }
        }

        return result.Append(text, from, text.Length - from).ToString();
    }

    /// <summary>A column's index (A = 0) from a cell reference such as "XFD30"; -1 when it has no letters.</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                if (++letters > 3)
                {
                    return int.MaxValue;
                }

                index = (index * 26) + (c - 'A' + 1);
            }
            else
            {
                break;
            }
        }

        return letters == 0 ? -1 : index - 1;
    }

    private static int RowIndex(string reference)
    {
        var digits = reference.AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZ$");
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : -1;
    }

    /// <summary>Refuses a declared range outside the bounds; returns its last row (null when none is declared).</summary>
    private int? CheckDimension(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var last = reference.Split(':')[^1].Replace("$", string.Empty, StringComparison.Ordinal);
        if (ColumnIndex(last) >= _bounds.MaxColumns)
        {
            throw new XlsxRefusedException("Import.ColumnOutOfRange", last);
        }

        var lastRow = RowIndex(last);
        if (lastRow > _bounds.MaxRows)
        {
            throw new XlsxRefusedException("Import.RowOutOfRange", last);
        }

        return lastRow > 0 ? lastRow : null;
    }

    /// <summary>The cells of the row the reader stands on, up to its end element.</summary>
    private string?[] ReadCells(XmlReader xml, int rowNumber, IReadOnlyList<string> shared)
    {
        var cells = new string?[_bounds.MaxColumns];
        if (xml.IsEmptyElement)
        {
            return cells;
        }

        var depth = xml.Depth;
        var previousColumn = -1;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c" || xml.NamespaceURI != MainNs)
            {
                continue;
            }

            var reference = xml.GetAttribute("r");
            var column = reference is null ? previousColumn + 1 : ColumnIndex(reference);
            if (column < 0 || column >= _bounds.MaxColumns)
            {
                throw new XlsxRefusedException("Import.ColumnOutOfRange", reference ?? rowNumber.ToString(CultureInfo.InvariantCulture));
            }

            previousColumn = column;
            var type = xml.GetAttribute("t");
            cells[column] = CellValue(xml, type, shared);
        }

        return cells;
    }

    /// <summary>The value of the cell the reader stands on (its &lt;v&gt;, or the text of an inline string), reading to its end.</summary>
    private static string? CellValue(XmlReader xml, string? type, IReadOnlyList<string> shared)
    {
        if (xml.IsEmptyElement)
        {
            return null;
        }

        var depth = xml.Depth;
        string? value = null;
        StringBuilder? inline = null;
        var advanced = false;
        while ((advanced || xml.Read()) && xml.Depth > depth)
        {
            advanced = false;
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != MainNs)
            {
                continue;
            }

            if (xml.LocalName == "v")
            {
                value = xml.ReadElementContentAsString();
                advanced = true;
            }
            else if (xml.LocalName == "t" && type == "inlineStr")
            {
                (inline ??= new StringBuilder()).Append(xml.ReadElementContentAsString());
                advanced = true;
            }
            else if (xml.LocalName == "rPh")
            {
                xml.Skip();
                advanced = true;
            }
        }

        if (type == "inlineStr")
        {
            return inline is null ? null : Unescape(inline.ToString());
        }

        if (value is null)
        {
            return null;
        }

        return type switch
        {
            "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : throw new XlsxRefusedException("Import.Unreadable"),
            "str" or "e" => Unescape(value),
            _ => value,
        };
    }

    /// <summary>The shared strings of the workbook (each item's text runs joined), bounded by the entry's declared size.</summary>
    private List<string> SharedStrings(CancellationToken cancellationToken)
    {
        var strings = new List<string>();
        var entry = _zip.GetEntry("xl/sharedStrings.xml");
        if (entry is null)
        {
            return strings;
        }

        using var xml = XmlReader.Create(OpenBounded(entry), Settings);
        StringBuilder? item = null;
        var advanced = false;
        while (advanced || xml.Read())
        {
            advanced = false;
            if (xml.NamespaceURI != MainNs)
            {
                continue;
            }

            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (xml.IsEmptyElement)
                {
                    strings.Add(string.Empty);
                }
                else
                {
                    item = new StringBuilder();
                }
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t" && item is not null)
            {
                item.Append(xml.ReadElementContentAsString());
                advanced = true;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                xml.Skip(); // phonetic runs are not the cell's text
                advanced = true;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "si" && item is not null)
            {
                strings.Add(Unescape(item.ToString()));
                item = null;
            }
        }

        return strings;
    }

    /// <summary>The path of the workbook's first sheet, through its relationship; the usual path when the workbook does not say.</summary>
    private string FirstSheetPath()
    {
        const string fallback = "xl/worksheets/sheet1.xml";
        var workbook = _zip.GetEntry("xl/workbook.xml");
        var rels = _zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (workbook is null || rels is null)
        {
            return fallback;
        }

        string? id = null;
        using (var xml = XmlReader.Create(OpenBounded(workbook), Settings))
        {
            while (id is null && xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.NamespaceURI == MainNs)
                {
                    id = xml.GetAttribute("id", RelNs);
                }
            }
        }

        using (var xml = XmlReader.Create(OpenBounded(rels), Settings))
        {
            while (id is not null && xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.NamespaceURI == PackageRelNs && xml.GetAttribute("Id") == id)
                {
                    var target = xml.GetAttribute("Target") ?? string.Empty;
                    return target.StartsWith('/') ? target[1..] : "xl/" + target;
                }
            }
        }

        return fallback;
    }

    private BoundedStream OpenBounded(ZipArchiveEntry entry)
    {
        try
        {
            return new BoundedStream(entry.Open(), Math.Min(entry.Length, _bounds.MaxUncompressedBytes));
        }
        catch (InvalidDataException)
        {
            throw new XlsxRefusedException("Import.Unreadable");
        }
    }

    /// <summary>A read-only stream that refuses to give more than a limit (an entry inflating beyond its declared size is a bomb).</summary>
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            if (_read > limit)
            {
                throw new XlsxRefusedException("Import.FileTooLarge");
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
