import { chunk, MAX_CSV_ROWS, parseAreasCsv, parseCellsCsv, splitCsvLine } from './reference-csv';

describe('reference CSV imports (the operator loads cells and geography, issue 4)', () => {
  it('reads cells with `;`-separated neighbours, an empty neighbour list, any column order and a quoted field', () => {
    const csv = ['cell_id,region,lat,lon,neighbours', 'HZ-1,hangzhou,30.25,120.1,HZ-2;HZ-3', 'HZ-2,hangzhou,30.26,120.1,', '"HZ-3",hangzhou,30.27,120.1,"HZ-1"', ''].join('\r\n');
    expect(parseCellsCsv(csv)).toEqual({
      ok: true,
      rows: [
        { cellId: 'HZ-1', region: 'hangzhou', lat: 30.25, lon: 120.1, neighbours: ['HZ-2', 'HZ-3'] },
        { cellId: 'HZ-2', region: 'hangzhou', lat: 30.26, lon: 120.1, neighbours: [] },
        { cellId: 'HZ-3', region: 'hangzhou', lat: 30.27, lon: 120.1, neighbours: ['HZ-1'] },
      ],
    });
    expect(parseCellsCsv('lon,lat,neighbours,region,cellId\n120.1,30.25,,hangzhou,HZ-9')).toEqual({ ok: true, rows: [{ cellId: 'HZ-9', region: 'hangzhou', lat: 30.25, lon: 120.1, neighbours: [] }] });
  });

  it('reports every bad row with its line, field and reason', () => {
    const csv = [
      'cellId,region,lat,lon,neighbours',
      'HZ-1,hangzhou,30.25,120.1,HZ-2', // line 2: fine
      'HZ-2,hangzhou,north,120.1,', // line 3: lat not a number
      'HZ-3,hangzhou,95,120.1,', // line 4: lat out of range
      'HZ 4,hangzhou,30.2,120.1,', // line 5: a space in the id
      'HZ-5,hangzhou,30.2', // line 6: too few fields
      'HZ-1,hangzhou,30.2,120.1,', // line 7: duplicate
      'HZ-6,hangzhou,30.2,120.1,HZ-6', // line 8: its own neighbour
    ].join('\n');
    const result = parseCellsCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reasons.map((r) => `${r.path} ${r.code}`)).toEqual([
      'line 3.lat CSV.NOT_A_NUMBER',
      'line 4.lat CSV.INVALID_TOO_BIG',
      'line 5.cellId CSV.INVALID_INVALID_FORMAT',
      'line 6.(row) CSV.FIELD_COUNT',
      'line 7.cellId CSV.DUPLICATE',
      'line 8.neighbours CSV.SELF_NEIGHBOUR',
    ]);
    expect(result.reasons[4]!.message).toBe('line 7, cellId: "HZ-1" is already on line 2');
  });

  it('refuses a missing header, an empty file, and more rows than the limit', () => {
    expect(parseCellsCsv('HZ-1,hangzhou,30.25,120.1,')).toMatchObject({ ok: false, reasons: [{ path: 'line 1', code: 'CSV.HEADER' }] });
    expect(parseCellsCsv('cellId,region,lat,lon,neighbours\n\n')).toMatchObject({ ok: false, reasons: [{ code: 'CSV.EMPTY' }] });
    const many = ['region,county,zone', ...Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => `hz,c,z${i}`)].join('\n');
    expect(parseAreasCsv(many)).toMatchObject({ ok: false, reasons: [{ code: 'CSV.TOO_MANY_ROWS' }] });
  });

  it('reads areas and refuses a zone listed twice in a region', () => {
    expect(parseAreasCsv('region,county,zone\nhangzhou,xihu,xihu-01\nhangzhou,gongshu,gongshu-01\nningbo,haishu,xihu-01')).toMatchObject({ ok: true, rows: [{}, {}, {}] });
    expect(parseAreasCsv('region,county,zone\nhangzhou,xihu,xihu-01\nhangzhou,gongshu,xihu-01')).toMatchObject({ ok: false, reasons: [{ path: 'line 3.region', code: 'CSV.DUPLICATE' }] });
    expect(parseAreasCsv('region,county,zone\nhangzhou,,xihu-01')).toMatchObject({ ok: false, reasons: [{ path: 'line 2.county' }] });
  });

  it('splits quoted fields and refuses an unterminated quote', () => {
    expect(splitCsvLine('a,"b,""c""",d')).toEqual(['a', 'b,"c"', 'd']);
    expect(splitCsvLine('a,"b')).toBeUndefined();
  });

  it('chunks rows for the import commands (≤ 1,000 each)', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk(Array.from({ length: 2500 }), 1000).map((c) => c.length)).toEqual([1000, 1000, 500]);
  });
});
