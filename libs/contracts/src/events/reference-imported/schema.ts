import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id } from '../common';
import { areaRowSchema, cellRowSchema, MAX_REFERENCE_ROWS_PER_COMMAND } from '../reference-import/schema';

export const AREAS_IMPORTED = 'areas.imported' as const;
export const CELLS_IMPORTED = 'cells.imported' as const;

/**
 * Intake loaded a chunk of geography (subject: batchId): from now on a ticket's region, county
 * and zone are checked against what is loaded (docs/adr/0013). Carries the rows so that the
 * gateway can list them.
 */
export const areasImportedSchema = z.strictObject({
  batchId: id,
  part: z.number().int().min(1),
  parts: z.number().int().min(1),
  rows: z.array(areaRowSchema).min(1).max(MAX_REFERENCE_ROWS_PER_COMMAND),
  importedAt: rfc3339,
});

/** Intake loaded a chunk of radio cells (subject: batchId); a ticket's cellId is checked from now on. */
export const cellsImportedSchema = z.strictObject({
  batchId: id,
  part: z.number().int().min(1),
  parts: z.number().int().min(1),
  rows: z.array(cellRowSchema).min(1).max(MAX_REFERENCE_ROWS_PER_COMMAND),
  importedAt: rfc3339,
});

export type AreasImported = z.infer<typeof areasImportedSchema>;
export type CellsImported = z.infer<typeof cellsImportedSchema>;
