import { areasImportExample, cellsImportExample } from '../reference-import/example';
import type { AreasImported, CellsImported } from './schema';

export const areasImportedExample: AreasImported = { ...areasImportExample, importedAt: '2026-11-24T02:15:00.120Z' };
export const cellsImportedExample: CellsImported = { ...cellsImportExample, importedAt: '2026-11-24T02:15:00.120Z' };
