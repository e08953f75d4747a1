import type { AreasImport, CellsImport } from './schema';

export const areasImportExample: AreasImport = {
  batchId: 'areas-2f6c1e0a',
  part: 1,
  parts: 1,
  rows: [
    { region: 'hangzhou', county: 'xihu', zone: 'xihu-07' },
    { region: 'hangzhou', county: 'gongshu', zone: 'gongshu-01' },
  ],
};

export const cellsImportExample: CellsImport = {
  batchId: 'cells-8d1b44f2',
  part: 1,
  parts: 1,
  rows: [
    { cellId: 'HZ-XH-0701', region: 'hangzhou', lat: 30.259, lon: 120.13, neighbours: ['HZ-XH-0702'] },
    { cellId: 'HZ-XH-0702', region: 'hangzhou', lat: 30.262, lon: 120.134, neighbours: ['HZ-XH-0701'] },
  ],
};
