import { z } from 'zod';
import { id, regionCode } from '../common';

export const AREAS_IMPORT = 'areas.import' as const;
export const CELLS_IMPORT = 'cells.import' as const;

/** The most rows one import command carries: the gateway splits a larger file into chunks. */
export const MAX_REFERENCE_ROWS_PER_COMMAND = 1000;

/** One service zone ("包区") in its county and region (domain.md §1 location). */
export const areaRowSchema = z.strictObject({ region: regionCode, county: id, zone: id });

/** One radio cell: where it is and the cells the operator lists as its neighbours (adjacency for incidents, domain.md §2). */
export const cellRowSchema = z.strictObject({
  cellId: id,
  region: regionCode,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** Empty: distance decides adjacency (INCIDENT_ADJACENT_KM). */
  neighbours: z.array(id).max(50),
});

/**
 * Command (intake.commands.v1, subject: batchId): load or update the geography of regions,
 * counties and zones. An upsert: sending the same rows again changes nothing.
 */
export const areasImportSchema = z.strictObject({
  batchId: id,
  /** This chunk's place in the operator's import (1-based) and how many chunks it has. */
  part: z.number().int().min(1),
  parts: z.number().int().min(1),
  rows: z.array(areaRowSchema).min(1).max(MAX_REFERENCE_ROWS_PER_COMMAND),
});

/** Command (intake.commands.v1, subject: batchId): load or update radio cells. An upsert by cellId. */
export const cellsImportSchema = z.strictObject({
  batchId: id,
  part: z.number().int().min(1),
  parts: z.number().int().min(1),
  rows: z.array(cellRowSchema).min(1).max(MAX_REFERENCE_ROWS_PER_COMMAND),
});

export type AreaRow = z.infer<typeof areaRowSchema>;
export type CellRow = z.infer<typeof cellRowSchema>;
export type AreasImport = z.infer<typeof areasImportSchema>;
export type CellsImport = z.infer<typeof cellsImportSchema>;
